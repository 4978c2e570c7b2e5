// The command line of the notebook runner, parsed into options (pure: no file system, no process).
import { normalizeEncoding } from "../engine/load/encoding";
import type { DateOrder } from "../engine/engine";
import { cliMessages as m } from "../messages/cli";

/** What `run` was asked to do. */
export interface RunArgs {
  readonly command: "run";
  readonly notebook: string;
  /** Table name -> file path, from `--data table=path`, in the order given. */
  readonly data: ReadonlyMap<string, string>;
  readonly json?: string;
  readonly limit: number;
  /** Input name -> value text, from `--set name=value`, overriding the inputs' stored values. */
  readonly set: ReadonlyMap<string, string>;
  /** Table name -> WHATWG encoding name, from `--encoding table=enc`, overriding detection. */
  readonly encoding: ReadonlyMap<string, string>;
  /** Table name -> day/month order of its dates like 03/04/2024, from `--date-order table=dmy|mdy`. */
  readonly dateOrder: ReadonlyMap<string, DateOrder>;
  /** The language of the messages (and of a report), from `--lang` or the environment's default. */
  readonly lang: "en" | "zh-CN";
}

/** What `report` was asked to do: a run (without the JSON) whose results are written as an HTML report. */
export interface ReportArgs extends Omit<RunArgs, "command" | "json" | "limit"> {
  readonly command: "report";
  readonly out: string;
  /** Rows shown per result table. */
  readonly rows: number;
  readonly code: "show" | "hide";
}

/** The parsed command line: a run, a report, or a request for help. */
export type CliArgs = RunArgs | ReportArgs | { readonly command: "help" };

/** A command line the runner cannot act on; the message says what to fix. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Rows per cell written to the JSON when `--limit` is not given. */
export const DEFAULT_LIMIT = 1000;

/** Rows per table in a report when `--rows` is not given. */
export const DEFAULT_REPORT_ROWS = 50;

/** Parses the arguments after the script name (e.g. `["run", "nb.md", "--data", "orders=o.csv"]`). */
export function parseArgs(argv: readonly string[], defaultLang: "en" | "zh-CN" = "en"): CliArgs {
  if (argv.includes("--help") || argv.includes("-h")) return { command: "help" };
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError(m.noCommand());
  if (command !== "run" && command !== "report") throw new UsageError(m.unknownCommand(command));
  let notebook: string | undefined;
  let json: string | undefined;
  let limit = DEFAULT_LIMIT;
  let out: string | undefined;
  let rows = DEFAULT_REPORT_ROWS;
  let code: "show" | "hide" = "hide";
  let lang = defaultLang;
  const report = command === "report";
  const data = new Map<string, string>();
  const set = new Map<string, string>();
  const encoding = new Map<string, string>();
  const dateOrder = new Map<string, DateOrder>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    // Both `--limit 5` and `--limit=5`.
    const [option, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = rest[++i];
      if (next === undefined) throw new UsageError(m.missingValue(option));
      return next;
    };
    if (option === "--data") {
      const spec = value();
      const eq = spec.indexOf("=");
      if (eq <= 0 || eq === spec.length - 1) throw new UsageError(m.badData(spec));
      data.set(spec.slice(0, eq), spec.slice(eq + 1));
    } else if (option === "--set") {
      const spec = value();
      const eq = spec.indexOf("=");
      if (eq <= 0) throw new UsageError(m.badSet(spec));
      set.set(spec.slice(0, eq), spec.slice(eq + 1));
    } else if (option === "--encoding") {
      const spec = value();
      const eq = spec.indexOf("=");
      if (eq <= 0 || eq === spec.length - 1) throw new UsageError(m.badEncoding(spec));
      try {
        encoding.set(spec.slice(0, eq), normalizeEncoding(spec.slice(eq + 1)));
      } catch (e) {
        throw new UsageError(`--encoding ${spec.slice(0, eq)}: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else if (option === "--date-order") {
      const spec = value();
      const eq = spec.indexOf("=");
      const order = spec.slice(eq + 1);
      if (eq <= 0 || (order !== "dmy" && order !== "mdy")) throw new UsageError(m.badDateOrder(spec));
      dateOrder.set(spec.slice(0, eq), order);
    } else if (report && option === "--out") out = value();
    else if (report && option === "--rows") {
      const text = value();
      if (!/^\d+$/.test(text)) throw new UsageError(m.badRows(text));
      rows = Number(text);
    } else if (report && option === "--code") {
      const text = value();
      if (text !== "show" && text !== "hide") throw new UsageError(m.badCode(text));
      code = text;
    } else if (option === "--lang") {
      const text = value();
      if (text !== "en" && text !== "zh-CN") throw new UsageError(m.badLang(text));
      lang = text;
    } else if (!report && option === "--json") json = value();
    else if (!report && option === "--limit") {
      const text = value();
      if (!/^\d+$/.test(text)) throw new UsageError(m.badLimit(text));
      limit = Number(text);
    } else if (option.startsWith("-")) throw new UsageError(m.unknownOption(option));
    else if (notebook === undefined) notebook = arg;
    else throw new UsageError(m.extraArgument(arg));
  }
  if (notebook === undefined) throw new UsageError(m.noNotebook());
  if (report) {
    if (out === undefined) throw new UsageError(m.noOut());
    return { command: "report", notebook, data, set, encoding, dateOrder, out, rows, code, lang };
  }
  return {
    command: "run",
    notebook,
    data,
    set,
    encoding,
    dateOrder,
    ...(json !== undefined ? { json } : {}),
    limit,
    lang,
  };
}
