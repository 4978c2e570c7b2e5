// Shared setup for recipe tests: the real native engine, fixture tables, running built cells in order
// (each checked by the real cell compiler first), and compiling every default chart with Vega-Lite.
import { resolve } from "node:path";
import { compile } from "vega-lite";
import { nativeEngine } from "../../src/engine/native/native-engine";
import type { Engine } from "../../src/engine/engine";
import { compileCell } from "../../src/compile/compile";
import { bindChartData } from "../../src/charts/bind";
import type { NewCell } from "../../src/session/types";
import type { ResultTable } from "../../src/table/result";
import { buildRecipe, type BuildRequest } from "../../src/recipes/registry";
import type { Recipe } from "../../src/recipes/recipe";

export const root = resolve(__dirname, "../..");

/** Rows of a result as plain objects. */
export type Rows = Record<string, unknown>[];

/** What running a recipe's cells gave: rows per sql cell, Vega-Lite warnings per chart cell. */
export interface RunResult {
  readonly rows: Record<string, Rows>;
  readonly chartWarnings: Record<string, string[]>;
  readonly cells: NewCell[];
}

/** A fresh native engine with the given setup statements run. */
export async function engineWith(...statements: string[]): Promise<Engine> {
  const engine = await nativeEngine();
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

/** Runs built cells in order as the session does (compiled first, then CREATE OR REPLACE TEMP TABLE). */
export async function runCells(engine: Engine, cells: NewCell[]): Promise<RunResult> {
  const rows: Record<string, Rows> = {};
  const tables: Record<string, ResultTable> = {};
  const chartWarningsOf: Record<string, string[]> = {};
  cells.forEach((c, i) => {
    const compiled = compileCell({ id: `c${i}`, kind: c.kind, name: c.name, attrs: c.attrs ?? {}, source: c.source });
    if (compiled.error) throw new Error(`${c.name}: ${compiled.error.message}\n${c.source}`);
  });
  for (const c of cells) {
    if (c.kind === "sql") {
      try {
        await engine.query(`CREATE OR REPLACE TEMP TABLE "${c.name}" AS ${c.source}`);
      } catch (e) {
        throw new Error(`${c.name}: ${(e as Error).message}\n${c.source}`);
      }
      tables[c.name!] = await engine.query(`SELECT * FROM "${c.name}"`);
      rows[c.name!] = tables[c.name!].rows().map((r) => ({ ...r }));
    } else if (c.kind === "chart") {
      const data = c.attrs?.data ?? "";
      chartWarningsOf[c.name!] = chartWarnings(JSON.parse(c.source), tables[data]);
    }
  }
  return { rows, chartWarnings: chartWarningsOf, cells };
}

/** Builds a recipe and runs its cells. */
export async function runRecipe(engine: Engine, recipe: Recipe | string, request: BuildRequest): Promise<RunResult> {
  return runCells(engine, buildRecipe(recipe, request));
}

/** Rounds every number of the rows to `digits` decimals, for exact comparisons. */
export function rounded(rows: Rows, digits = 6): Rows {
  const f = 10 ** digits;
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? Math.round(v * f) / f : v])));
}

/** The value of `column` per row, keyed by `key`. */
export function byKey(rows: Rows, key: string, column: string): Record<string, unknown> {
  return Object.fromEntries(rows.map((r) => [String(r[key]), r[column]]));
}

/** A CREATE TABLE statement for rows of literals (strings quoted; `null` stays NULL; dates as 'YYYY-MM-DD' text cast by `types`). */
export function tableSql(name: string, columns: Record<string, string>, rows: readonly (readonly (string | number | null)[])[]): string {
  const lit = (v: string | number | null) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`);
  const names = Object.keys(columns);
  const select = names.map((c) => `CAST("${c}" AS ${columns[c]}) AS "${c}"`).join(", ");
  return `CREATE TABLE "${name}" AS SELECT ${select} FROM (VALUES ${rows.map((r) => `(${r.map(lit).join(", ")})`).join(", ")}) AS v(${names.map((c) => `"${c}"`).join(", ")})`;
}

/** Transactions columns of the fixtures. */
export const TX_COLUMNS = { customer: "VARCHAR", day: "DATE", amount: "DOUBLE", margin: "DOUBLE" };

/** The binding of a fixture transactions table. */
export const txBinding = (table = "orders") => ({ table, roles: { customer_id: "customer", date: "day", amount: "amount", margin: "margin" } });

/** Adds `days` days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
