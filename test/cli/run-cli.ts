// Two ways to run the command line in tests: `runCli` calls its `main` in this process (no `tsx` start,
// about 2-3 s each on a busy machine), `spawnCli` starts `tsx src/cli/main.ts` as `npm run notebook --` does,
// for the few smoke cases that prove the real entry point (exit status, streams, environment) works.
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { main } from "../../src/cli/main";

/** The repository root, where `npm run notebook` runs the CLI. */
export const root = resolve(__dirname, "../..");
const tsx = resolve(root, "node_modules/.bin/tsx");

/** What one command line run printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a run: INIT_CWD is where the user typed the command, as `npm run` sets it. */
export type CliEnv = Record<string, string>;

const CONSOLE = ["log", "info", "debug", "warn", "error"] as const;

/**
 * Runs `main(args)` in this process with `env` laid over process.env, capturing its lines and anything
 * else written through the console (warn/error to stderr, the rest to stdout) as the real process would.
 */
export async function runCli(env: CliEnv, ...args: string[]): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const saved = { ...process.env };
  const consoles = CONSOLE.map((name) => [name, console[name]] as const);
  const line =
    (to: string[]) =>
    (...parts: unknown[]) =>
      void to.push(parts.map(String).join(" ") + "\n");
  Object.assign(process.env, { INIT_CWD: root }, env);
  for (const name of CONSOLE) console[name] = line(name === "warn" || name === "error" ? stderr : stdout);
  try {
    // Tests of one file run one at a time, so the borrowed environment and console are this run's alone.
    const code = await main(args, line(stdout), line(stderr));
    return { code, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    for (const [name, original] of consoles) console[name] = original;
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

/** Runs `tsx src/cli/main.ts ...args` in a child process from the repository root, with `env` over process.env. */
export function spawnCli(env: CliEnv, ...args: string[]): Promise<CliResult> {
  return new Promise((done) => {
    const options = { cwd: root, env: { ...process.env, INIT_CWD: root, ...env }, timeout: 180_000 };
    execFile(tsx, ["src/cli/main.ts", ...args], options, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}
