// Runs CSV files through the product's loader on one native engine and compares each result with
// what plain DuckDB `read_csv` gave (rows, columns, names, first rows as text).
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Engine } from "../../../src/engine/engine";
import { quoteIdent } from "../../../src/engine/load/sql";
import { fileSourceFromPath } from "../../../src/engine/node-file";

/** What plain DuckDB `read_csv` gave for one file (a line of native-read_csv.jsonl). */
export interface NativeResult {
  readonly file: string;
  readonly rows?: number;
  readonly cols?: number;
  readonly names?: string[];
  readonly head?: unknown[][];
  readonly error?: string;
}

/** One file's outcome: `same` as native (or both refuse it), `refused` by ours alone with a message, or `differs`. */
export interface Outcome {
  readonly file: string;
  readonly outcome: "same" | "differs" | "refused";
  readonly detail: string;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").slice(0, 300);

// The native results hold Python values with text cut at 80 characters; numbers print differently
// in Python and DuckDB (1 vs 1.0), so they are compared as numbers.
function sameCell(ours: unknown, native: unknown): boolean {
  if (ours === null || native === null) return ours === native;
  const x = String(ours).slice(0, 80).toLowerCase();
  const y = String(native).toLowerCase();
  if (x === y) return true;
  const nx = Number(x);
  const ny = Number(y);
  return x.trim() !== "" && y.trim() !== "" && !Number.isNaN(nx) && nx === ny;
}

/** Loads `dir/expected.file` with the product loader and compares it with `expected`. */
export async function compareOne(engine: Engine, dir: string, expected: NativeResult): Promise<Outcome> {
  const file = expected.file;
  let report;
  try {
    report = await engine.loadFile(fileSourceFromPath(join(dir, file)), "t");
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { file, outcome: expected.error ? "same" : "refused", detail: oneLine(`ours fails: ${message}`) };
  }
  const names = report.columns.map((c) => c.name);
  if (expected.error) {
    const ours = `${report.rows} x ${names.length} [${names.join(",")}]`;
    return { file, outcome: "differs", detail: oneLine(`native fails; ours ${ours}`) };
  }
  const text = names.map((n) => `CAST(${quoteIdent(n)} AS VARCHAR)`).join(", ");
  const head = await engine.query(`SELECT ${text} FROM t LIMIT 3`);
  const ours = head.rows().map((r) => Object.values(r));
  const problems: string[] = [];
  if (report.rows !== expected.rows) problems.push(`rows ${report.rows} vs ${expected.rows}`);
  if (names.length !== expected.cols) problems.push(`cols ${names.length} vs ${expected.cols}`);
  if (names.join("\u0001") !== expected.names!.join("\u0001")) {
    problems.push(`names [${names.slice(0, 6).join(",")}] vs [${expected.names!.slice(0, 6).join(",")}]`);
  }
  const want = expected.head ?? [];
  const sameRow = (row: unknown[], r: number) =>
    row.length === ours[r].length && row.every((v, c) => sameCell(ours[r][c], v));
  const textSame = ours.length === want.length && want.every(sameRow);
  if (!textSame && problems.length === 0) problems.push(`text ${JSON.stringify(ours)} vs ${JSON.stringify(want)}`);
  return { file, outcome: problems.length ? "differs" : "same", detail: oneLine(problems.join("; ")) };
}

/** A listed difference: its class (defensible, neither, refused, worse) and the reason. */
export interface Expected {
  readonly cls: string;
  readonly why: string;
}

/** The native results and the expected-class table of the corpus in `dir`. */
export function readCorpus(dir: string): { natives: NativeResult[]; expected: Map<string, Expected> } {
  const lines = (name: string) =>
    readFileSync(join(dir, name), "utf8")
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("#"));
  const natives: NativeResult[] = lines("native-read_csv.jsonl").map((l) => JSON.parse(l));
  const table = lines("expected.tsv").map((l) => l.split("\t"));
  const expected = new Map(table.map(([file, cls, why]): [string, Expected] => [file, { cls, why }]));
  return { natives, expected };
}

/** Counts outcomes per class and lists every file whose outcome the table does not explain. */
export function judge(
  outcomes: readonly Outcome[],
  expected: ReadonlyMap<string, Expected>,
): { counts: Record<string, number>; wrong: string[] } {
  const counts: Record<string, number> = { same: 0 };
  const wrong: string[] = [];
  for (const o of outcomes) {
    const entry = expected.get(o.file);
    const cls = o.outcome === "same" ? "same" : (entry?.cls ?? "unlisted");
    counts[cls] = (counts[cls] ?? 0) + 1;
    if (o.outcome === "same" && entry) wrong.push(`${o.file}: now the same as read_csv; remove it from the table`);
    const explained = ["defensible", "neither"].includes(entry?.cls ?? "");
    if (o.outcome === "differs" && !explained) wrong.push(`${o.file}: differs (${o.detail})`);
    if (o.outcome === "refused" && entry?.cls !== "refused") wrong.push(`${o.file}: refused (${o.detail})`);
    // A refusal is only fair with a message that names the file.
    const named = o.detail.startsWith(`ours fails: ${basename(o.file)}: `);
    if (o.outcome === "refused" && !named) wrong.push(`${o.file}: unclear refusal (${o.detail})`);
  }
  return { counts, wrong };
}
