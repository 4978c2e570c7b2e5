// `npm run bench`: issue 15's table and issue 12's chart and brush rows in one run, Clientbook beside its peers
// measured in the same run (plain duckdb-wasm with the app's bundle, native DuckDB on 1 and 2 threads, papaparse
// in Chromium), the goal and the ratio to the goal's reference; then the recipes, sandbox start and transpile
// rows. Each part is a module (scripts/bench-<part>.ts) listed in PARTS below; `--help` lists the options.
import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { buildApp, parseArgs } from "./bench-browser";
import { loadPhasesPart, repeatVisitPart, threadsPart } from "./bench-engine-parts";
import { loadsPart } from "./bench-load-rows";
import { keystrokePart } from "./bench-keystroke";
import type { BenchContext, Part } from "./bench-part";
import { brushPart, chartsPart, rangePart, recipesPart, sandboxPart } from "./bench-parts";
import { formatTable, seconds, type Section } from "./bench-table";
import { transpilePart } from "./bench-transpile";
import { visitsPart } from "./bench-visits";

/** The parts, in the order they run and print: a new measure is one more entry. */
const PARTS: readonly Part[] = [
  loadsPart,
  loadPhasesPart,
  rangePart,
  keystrokePart,
  visitsPart,
  repeatVisitPart,
  chartsPart,
  brushPart,
  sandboxPart,
  recipesPart,
  threadsPart,
  transpilePart,
];

const HELP = `npm run bench -- [options]   (progress on stderr, the table on stdout)

  --only PARTS    run just these parts (comma-separated); the parts:
${PARTS.map((p) => `                    ${p.name.padEnd(10)} ${p.about}`).join("\n")}
  --skip PARTS    run all but these parts
  --rows N        rows of the orders file and of the interaction benches (default 1000000)
  --skip-20m      leave out the 20M-row load and charts (they take minutes and ~3 GB)
  --moves N       repetitions of each timed interaction (range moves, brushes, keys; default 30)
  --recipes IDS   only these recipes in the recipes part
  --no-build      reuse the app build in .bench/dist and the peer page in .bench/peer
  --help          this text`;

const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(" ");

/** The machine the numbers come from: cores, memory, Node and Chromium. */
function machine(): string {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  let version = "unknown";
  try {
    version = execFileSync(chromium, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    // Reported as unknown: the browser parts will say why they failed.
  }
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  return `${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${gib} GiB, Node ${process.version}, ${version}`;
}

async function main(): Promise<void> {
  const args = parseArgs();
  if (args.flag("--help")) return void console.log(HELP);
  const only = args.list("--only");
  const skip = args.list("--skip") ?? [];
  const unknown = [...(only ?? []), ...skip].filter((name) => !PARTS.some((p) => p.name === name));
  if (unknown.length) throw new Error(`unknown part(s): ${unknown.join(", ")}; run with --help for the list`);
  let dist: string | undefined;
  const ctx: BenchContext = {
    args,
    rows: args.number("--rows", 1_000_000),
    skip20m: args.flag("--skip-20m"),
    repeat: args.number("--moves", 30),
    dist: () => (dist ??= buildApp({ reuse: args.flag("--no-build") })),
    log: (line) => console.error(`  ${line}`),
  };
  const started = performance.now();
  const header = [`machine: ${machine()}`, `load average at start: ${load()}`];
  console.error(header.join("\n"));
  const sections: Section[] = [];
  for (const part of PARTS.filter((p) => (!only || only.includes(p.name)) && !skip.includes(p.name))) {
    console.error(`[${part.name}] ${part.about} ...`);
    const t0 = performance.now();
    let section: Section;
    try {
      section = { title: part.name, rows: await part.run(ctx) };
    } catch (e) {
      // A part that fails is a row saying so: the other parts still run and print.
      const message = (e as Error).message.split("\n")[0];
      section = { title: part.name, rows: [{ measure: part.about, clientbook: `failed: ${message}` }] };
    }
    sections.push(section);
    console.error(`[${part.name}] done in ${seconds(performance.now() - t0)} (load average ${load()})`);
    // Each section as soon as it is done, so a long run shows what it has; the whole table follows at the end.
    console.error(`\n${formatTable([section])}\n`);
  }
  console.log(
    [
      ...header,
      `orders: ${ctx.rows.toLocaleString("en")} rows${ctx.skip20m ? " (20M skipped)" : ""}`,
      "",
      formatTable(sections),
      "",
      `load average at end: ${load()}; the run took ${seconds(performance.now() - started)}`,
    ].join("\n"),
  );
}

await main();
