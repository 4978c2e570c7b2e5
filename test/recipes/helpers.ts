// Shared setup for recipe tests: the real native engine, fixture tables, running built cells (sql, ts, chart)
// through a real session with the Node code runner, and compiling every default chart with Vega-Lite.
import { resolve } from "node:path";
import { compile } from "vega-lite";
import { nativeEngine } from "../../src/engine/native/native-engine";
import type { Engine } from "../../src/engine/engine";
import { compileCell } from "../../src/compile/compile";
import { bindChartData } from "../../src/charts/bind";
import type { Cell, NewCell } from "../../src/notebook/types";
import { serializeNotebook } from "../../src/notebook/serialize";
import { openSession } from "../../src/session/session";
import { quoteIdent } from "../../src/sql/ident";
import type { CodeRunner } from "../../src/code/runner";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import type { ResultTable } from "../../src/table/result";
import { buildRecipe, type BuildRequest } from "../../src/recipes/registry";
import type { Recipe } from "../../src/recipes/recipe";

export const root = resolve(__dirname, "../..");

/** Rows of a result as plain objects. */
export type Rows = Record<string, unknown>[];

/** What running a recipe's cells gave: rows per sql and ts cell, Vega-Lite warnings per chart cell. */
export interface RunResult {
  readonly rows: Record<string, Rows>;
  readonly chartWarnings: Record<string, string[]>;
  /** Error messages by cell name (always empty without `allowErrors`, which throws instead). */
  readonly errors: Record<string, string>;
  readonly cells: NewCell[];
}

/** A fresh native engine with the given setup statements run (unlocked: the setup reads sample files by path). */
export async function engineWith(...statements: string[]): Promise<Engine> {
  const engine = await nativeEngine({ unlocked: true });
  for (const sql of statements) await engine.query(sql);
  return engine;
}

/** Compiles a chart spec with its rows inlined; returns Vega-Lite's warnings and errors. */
export function chartWarnings(spec: Record<string, unknown>, table: ResultTable): string[] {
  const warnings: string[] = [];
  const push = (...a: unknown[]) => (warnings.push(a.join(" ")), logger);
  const logger = { level: () => logger, warn: push, error: push, info: () => logger, debug: () => logger };
  compile(bindChartData(spec, table) as never, { logger: logger as never });
  return warnings;
}

/** How `runCells` runs: the code runner for ts cells (a fresh Node runner when needed and not given), and whether cell errors are returned rather than thrown. */
export interface RunOptions {
  readonly runner?: CodeRunner;
  /** Return cell errors in `errors` (a ts cell that stops with a sentence, and the cells after it) instead of throwing. */
  readonly allowErrors?: boolean;
}

/**
 * Runs built cells through a real session on `engine` (trusted, every cell, in dependency order), after
 * checking each with the real cell compiler. ts cells run in the Node code runner. Rows are read per sql and
 * ts cell; charts are compiled with their data cell's rows. Throws on a cell error unless `allowErrors`.
 */
export async function runCells(engine: Engine, cells: NewCell[], options: RunOptions = {}): Promise<RunResult> {
  const notebookCells: Cell[] = cells.map((c, i) => ({
    id: `c${i}`,
    kind: c.kind,
    name: c.name,
    attrs: c.attrs ?? {},
    source: c.source,
  }));
  for (const cell of notebookCells) {
    const compiled = compileCell(cell);
    if (compiled.error) throw new Error(`${cell.name}: ${compiled.error.message}\n${cell.source}`);
  }
  const needsRunner = cells.some((c) => c.kind === "ts") && !options.runner;
  const runner = options.runner ?? (needsRunner ? nodeCodeRunner() : undefined);
  try {
    const session = openSession(engine, { runner, liveDelayMs: false });
    session.open(serializeNotebook({ frontMatter: { notebook: 1, data: {}, extra: {} }, cells: notebookCells }), {
      trusted: true,
    });
    await session.runAll();
    const rows: Record<string, Rows> = {};
    const tables: Record<string, ResultTable> = {};
    const errors: Record<string, string> = {};
    const chartWarningsOf: Record<string, string[]> = {};
    const states = session.getState().cells;
    for (const s of states) {
      const name = s.cell.name ?? s.cell.id;
      if (s.error) errors[name] = s.error.message;
      if (s.output?.type !== "table") continue;
      // Every row, also past the display cap (the cell's temp table holds them all).
      tables[name] =
        (s.output.totalRows ?? 0) > s.output.table.numRows
          ? await engine.query(`SELECT * FROM ${quoteIdent(name)}`)
          : s.output.table;
      rows[name] = tables[name].rows().map((r) => ({ ...r }));
    }
    for (const s of states) {
      if (s.cell.kind === "chart" && s.output?.type === "chart")
        chartWarningsOf[s.cell.name!] = chartWarnings(JSON.parse(s.cell.source), tables[s.cell.attrs.data ?? ""]);
    }
    if (Object.keys(errors).length && !options.allowErrors) {
      // The cell that failed first (not one that only depends on a failed cell), with its source.
      const cause =
        states.find((s) => s.error && !/^depends on /.test(s.error.message)) ?? states.find((s) => s.error)!;
      throw new Error(
        `${cause.cell.name}: ${cause.error!.message}\n(all errors: ${JSON.stringify(errors)})\n${cause.cell.source}`,
      );
    }
    return { rows, chartWarnings: chartWarningsOf, errors, cells };
  } finally {
    if (needsRunner) runner?.close();
  }
}

/** Builds a recipe and runs its cells. */
export async function runRecipe(
  engine: Engine,
  recipe: Recipe | string,
  request: BuildRequest,
  options: RunOptions = {},
): Promise<RunResult> {
  return runCells(engine, buildRecipe(recipe, request), options);
}

/** Rounds every number of the rows to `digits` decimals, for exact comparisons. */
export function rounded(rows: Rows, digits = 6): Rows {
  const f = 10 ** digits;
  return rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? Math.round(v * f) / f : v])),
  );
}

/** The value of `column` per row, keyed by `key`. */
export function byKey(rows: Rows, key: string, column: string): Record<string, unknown> {
  return Object.fromEntries(rows.map((r) => [String(r[key]), r[column]]));
}

/** A CREATE TABLE statement for rows of literals (strings quoted; `null` stays NULL; dates as 'YYYY-MM-DD' text cast by `types`). */
export function tableSql(
  name: string,
  columns: Record<string, string>,
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const lit = (v: string | number | null) =>
    v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`;
  const names = Object.keys(columns);
  const select = names.map((c) => `CAST("${c}" AS ${columns[c]}) AS "${c}"`).join(", ");
  return `CREATE TABLE "${name}" AS SELECT ${select} FROM (VALUES ${rows.map((r) => `(${r.map(lit).join(", ")})`).join(", ")}) AS v(${names.map((c) => `"${c}"`).join(", ")})`;
}

/** Transactions columns of the fixtures. */
export const TX_COLUMNS = { customer: "VARCHAR", day: "DATE", amount: "DOUBLE", margin: "DOUBLE" };

/** The binding of a fixture transactions table. */
export const txBinding = (table = "orders") => ({
  table,
  roles: { customer_id: "customer", date: "day", amount: "amount", margin: "margin" },
});

/** Adds `days` days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
