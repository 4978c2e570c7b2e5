// `npm run notebook -- run <file.md> ...`: runs a notebook headlessly on native DuckDB through the
// same session and runtime as the app, writes a JSON report, and exits non-zero when a cell fails.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { nativeEngine } from "../engine/native/native-engine";
import { fileSourceFromPath } from "../engine/node-file";
import { cliText, cliMessages as m } from "../messages/cli";
import { useLocale } from "../messages/load-locale";
import { cliLocale } from "./language";
import { NotebookError } from "../notebook/errors";
import { parseNotebook } from "../notebook/parse";
import { openSession } from "../session/session";
import { nodeCodeRunner } from "../sandbox-node/node-runner";
import { compileInput, parseInputText } from "../compile/input";
import { parseArgs, UsageError, type ReportArgs, type RunArgs } from "./args";
import { resolveDataFiles } from "./data-files";
import { buildReport, failureLines, summaryLines } from "./report";
import { writeHtmlReport } from "./html-report";

/** The shipped sample data, found from this file so it works from any directory. */
const SHIPPED_DATA = fileURLToPath(new URL("../../public/notebooks/", import.meta.url));

/** Exit status for a usage error, an unreadable notebook or missing data (1 means a cell failed). */
const EXIT_INPUT = 2;

/** Runs the command line `argv` (without node and script); returns the exit status. */
export async function main(argv: readonly string[], out = console.log, err = console.error): Promise<number> {
  const lang = cliLocale(argv, process.env);
  await useLocale(lang);
  let args;
  try {
    args = parseArgs(argv, lang);
  } catch (e) {
    if (e instanceof UsageError) return (err(e.message), EXIT_INPUT);
    throw e;
  }
  if (args.command === "help") return (out(cliText.help), 0);
  return run(args, out, err);
}

async function run(
  args: RunArgs | ReportArgs,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  // `npm run` moves to the package root; INIT_CWD is where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const path = resolve(cwd, args.notebook);
  if (!existsSync(path)) return (err(m.notebookMissing(args.notebook)), EXIT_INPUT);
  const text = readFileSync(path, "utf8");
  let notebook;
  try {
    notebook = parseNotebook(text);
  } catch (e) {
    if (e instanceof NotebookError) return (err(m.notebookUnreadable(args.notebook, e.line, e.message)), EXIT_INPUT);
    throw e;
  }
  const files = resolveDataFiles(notebook, path, args.data, cwd, [resolve(cwd, "public/notebooks"), SHIPPED_DATA]);
  const missing = files.filter((f) => "tried" in f);
  if (missing.length) {
    for (const f of missing) if ("tried" in f) err(m.dataMissing(f.table, f.tried));
    return EXIT_INPUT;
  }

  const tables = files.map((f) => f.table);
  const stray = [...args.encoding.keys()].filter((t) => !tables.includes(t));
  if (stray.length) return (err(m.unknownEncodingTable(stray[0], tables)), EXIT_INPUT);
  const strayOrder = [...args.dateOrder.keys()].find((t) => !tables.includes(t));
  if (strayOrder) return (err(m.unknownDateOrderTable(strayOrder, tables)), EXIT_INPUT);

  const engine = await nativeEngine();
  const runner = nodeCodeRunner();
  try {
    // Log lines are printed with the summary, each under its cell (see summaryLines).
    const session = openSession(engine, { runner, liveDelayMs: false });
    // The user asked for this run, which is what trusting a notebook means.
    session.open(text, { trusted: true });
    for (const [name, value] of args.set) {
      const input = session
        .getState()
        .cells.find((c) => c.cell.kind === "input" && c.cell.name?.toLowerCase() === name.toLowerCase())?.cell;
      if (!input) {
        err(
          m.unknownInput(
            name,
            session.getState().cells.flatMap((c) => (c.cell.kind === "input" && c.cell.name ? [c.cell.name] : [])),
          ),
        );
        return EXIT_INPUT;
      }
      const spec = compileInput(input.source).body?.spec;
      try {
        // A broken spec is reported on the cell itself when it runs; the raw text is set as given.
        session.setInputValue(input.id, spec ? parseInputText(spec, value) : value);
      } catch (e) {
        err(m.badSetValue(e instanceof Error ? e.message : String(e)));
        return EXIT_INPUT;
      }
    }
    for (const f of files) {
      if (!("path" in f)) continue;
      try {
        const encoding = args.encoding.get(f.table);
        const dateOrder = args.dateOrder.get(f.table);
        const options = { table: f.table, ...(encoding ? { encoding } : {}), ...(dateOrder ? { dateOrder } : {}) };
        const report = await session.loadFile(fileSourceFromPath(f.path), options);
        out(m.loaded(report.table, f.path, report.rows));
        // The same warnings as the app's data panel, under the table they concern.
        for (const warning of report.warnings) out(m.loadWarning(warning));
      } catch (e) {
        err(m.loadFailed(f.table, f.path, e instanceof Error ? e.message : String(e)));
        return EXIT_INPUT;
      }
    }
    await session.runAll();
    const report = buildReport(args.notebook, session.getState(), args.command === "run" ? args.limit : 0);
    for (const line of summaryLines(report)) out(line);
    const failed = report.cells.filter((c) => c.status === "error").length;
    const ran = report.cells.filter((c) => c.status === "done" && c.kind !== "markdown").length;
    out(m.summary(ran, failed));
    if (args.command === "report") await writeHtmlReport(args, session.getState(), resolve(cwd, args.out), out, err);
    else if (args.json) {
      const target = resolve(cwd, args.json);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, JSON.stringify(report, null, 2) + "\n");
      out(m.wroteJson(args.json));
    }
    for (const line of failureLines(report)) err(line);
    return failed ? 1 : 0;
  } finally {
    runner.close();
    await engine.close();
  }
}

// Run only as a script, so tests can import `main`.
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(m.unexpected(e instanceof Error ? (e.stack ?? e.message) : String(e)));
      process.exitCode = EXIT_INPUT;
    },
  );
}
