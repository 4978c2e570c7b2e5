// Wording of the command-line runner: help, usage errors and the run summary.
import { formatCount, localized, plural } from "./locale";
import type { Catalogue } from "./locale";
import { cliHelpZh, cliMessagesZh } from "./zh-CN/cli";

/** The `--help` text. */
export const cliHelp = `Usage: npm run notebook -- run <notebook.md> [--data <table>=<path> ...]
         [--encoding <table>=<encoding> ...] [--set <input>=<value> ...] [--json <out.json>] [--limit <n>]
         [--date-order <table>=dmy|mdy ...] [--lang en|zh-CN]
       npm run notebook -- report <notebook.md> [--data, --encoding, --date-order, --set as for run] --out <report.html>
         [--rows <n>] [--code show|hide] [--lang en|zh-CN]

run: runs a notebook headlessly on native DuckDB, through the same parser, graph and runtime as the app.
report: runs it the same way, then writes one self-contained HTML file (prose, the first rows of each
result, every chart as inline SVG) that loads nothing and runs no script: it opens offline, anywhere.

Options:
  --data <table>=<path>  Load the file at <path> (relative to the directory you ran npm from) as <table>.
                         Overrides the file the notebook's front matter declares for <table>.
  --encoding <table>=<encoding>
                         Read <table>'s text file in this encoding (utf-8, windows-1252, gbk, shift_jis,
                         euc-kr, big5, utf-16le, ...) instead of the one detected.
  --date-order <table>=dmy|mdy
                         Read <table>'s dates like 03/04/2024 day first (dmy) or month first (mdy)
                         instead of guessing when no date in the file decides it.
  --set <input>=<value>  Run with this value for the input cell <input> instead of its stored one.
                         Read by the input's type: 5, true, a,b (multiselect), 2024-01-01..2024-03-31
                         (daterange), or JSON. Checked against the input's bounds and options.
  --json <out.json>      Write every cell's name, kind, status, error, columns, row count, rows and log lines.
  --limit <n>            Rows per cell in the JSON (default 1000).
  --out <report.html>    report: where to write the HTML report.
  --rows <n>             report: rows shown per result table (default 50).
  --code show|hide       report: show each cell's source, folded, under its result (default hide).
  --lang en|zh-CN        The language of the messages and of the report (default: from LC_ALL, LC_MESSAGES
                         or LANG, e.g. zh_CN.UTF-8; else en).
  -h, --help             Show this help.

Data files: a table declared in the front matter (data: <table>: {file: <file>}) without --data
is looked for next to the notebook (<notebook dir>/<file>), then in public/notebooks/<file> under
the current directory, then in Clientbook's own public/notebooks/ (the shipped sample data).
Paths on the command line are relative to the directory you ran the command from.
Each loaded table is reported with the warnings the app's data panel shows (skipped title lines,
renamed or padded columns, the encoding the text was decoded from), each on its own line.

TypeScript cells and Markdown \${...} values run in a worker thread with nothing but JavaScript
itself: no network, no files, no process; only the notebook's SQL data through sql\`...\`.
A cell running longer than 30 seconds is stopped.

Exit status: 0 when every cell ran, 1 when a cell failed (the failing cells go to stderr),
2 for a usage error, an unreadable notebook or a missing data file.`;

const en = {
  unknownCommand: (command: string) => `Unknown command "${command}". Try --help.`,
  noCommand: () => "Say what to do: run <notebook.md> or report <notebook.md> --out <report.html>. Try --help.",
  noNotebook: () => "Name the notebook to run: run <notebook.md>.",
  extraArgument: (arg: string) => `Unexpected argument "${arg}". Try --help.`,
  unknownOption: (option: string) => `Unknown option ${option}. Try --help.`,
  missingValue: (option: string) => `${option} needs a value. Try --help.`,
  badData: (value: string) => `--data takes <table>=<path>, not "${value}".`,
  badEncoding: (value: string) => `--encoding takes <table>=<encoding>, not "${value}".`,
  badDateOrder: (value: string) => `--date-order takes <table>=dmy or <table>=mdy, not "${value}".`,
  unknownDateOrderTable: (table: string, tables: readonly string[]) =>
    `--date-order ${table}: no table ${table} is loaded${tables.length ? ` (tables: ${tables.join(", ")})` : ""}.`,
  unknownEncodingTable: (table: string, tables: readonly string[]) =>
    `--encoding ${table}: no table ${table} is loaded${tables.length ? ` (tables: ${tables.join(", ")})` : ""}.`,
  loadWarning: (text: string) => `       ! ${text}`,
  badSet: (value: string) => `--set takes <input>=<value>, not "${value}".`,
  unknownInput: (name: string, inputs: readonly string[]) =>
    `--set ${name}: no input cell is named ${name}${inputs.length ? ` (inputs: ${inputs.join(", ")})` : " (this notebook has no input cells)"}.`,
  badSetValue: (reason: string) => `--set: ${reason}`,
  logLine: (text: string) => `       | ${text}`,
  badRows: (value: string) => `--rows takes a whole number of rows, not "${value}".`,
  badCode: (value: string) => `--code takes show or hide, not "${value}".`,
  badLang: (value: string) => `--lang takes en or zh-CN, not "${value}".`,
  noOut: () => "Say where to write the report: report <notebook.md> --out <report.html>.",
  chartFailed: (label: string, reason: string) => `chart ${label} could not be drawn for the report: ${reason}`,
  wroteReport: (path: string, bytes: number, ms: number) =>
    `wrote report ${path} (${formatCount(bytes)} bytes, ${formatCount(ms)} ms)`,
  badLimit: (value: string) => `--limit takes a whole number of rows, not "${value}".`,
  notebookMissing: (path: string) => `Notebook not found: ${path}`,
  notebookUnreadable: (path: string, line: number | undefined, reason: string) =>
    `${path}${line ? `:${line}` : ""}: ${reason}`,
  dataMissing: (table: string, tried: readonly string[]) =>
    `Data file for table "${table}" not found; looked at: ${tried.join(", ")}. Pass --data ${table}=<path>.`,
  loadFailed: (table: string, path: string, reason: string) => `Could not load ${path} as table "${table}": ${reason}`,
  loaded: (table: string, path: string, rows: number) => `loaded ${table} <- ${path} (${formatCount(rows)} rows)`,
  cellLine: (ok: boolean, label: string, kind: string, detail: string) =>
    `${ok ? "ok  " : "FAIL"} ${label.padEnd(24)} ${kind.padEnd(8)} ${detail}`,
  rows: (n: number) => `${formatCount(n)} row${plural(n, "", "s")}`,
  failed: (label: string, where: string, message: string) => `${label}${where}: ${message}`,
  failedHeader: (count: number) => `${count} cell${plural(count, "", "s")} failed:`,
  summary: (ran: number, failed: number) => `${ran} cell${plural(ran, "", "s")} ran, ${failed} failed`,
  wroteJson: (path: string) => `wrote ${path}`,
  unexpected: (reason: string) => `Unexpected error: ${reason}`,
} as const;

/** Messages of the command-line runner, in the current locale. */
export const cliMessages = localized(en, { "zh-CN": cliMessagesZh satisfies Catalogue<typeof en> });

/** The `--help` text in the current locale. */
export const cliText = localized({ help: cliHelp }, { "zh-CN": { help: cliHelpZh } });
