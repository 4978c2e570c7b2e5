// The native engine's `createTable`: rows go into a staging table through DuckDB's appender (values stay
// data, never SQL text), then one CREATE TABLE ... AS SELECT casts them to the declared types.
import type { DuckDBAppender, DuckDBConnection } from "@duckdb/node-api";
import type { TableData } from "../engine";
import { toEngineError } from "../errors";
import { quoteIdent } from "../load/sql";
import { asText, checkTableData, dataTypeOf, type DataType } from "../table-data";

/** How a column is staged: as numbers (DOUBLE), booleans, or text that SQL casts (the fallback for mixed values). */
type Staging = "DOUBLE" | "BOOLEAN" | "VARCHAR";

const NUMERIC = new Set<DataType>(["INTEGER", "BIGINT", "DOUBLE", "DATE", "TIMESTAMP"]);

/** The staging type of a column: its values' JS type when every value has the one the declared type expects. */
function stagingOf(type: DataType, values: readonly unknown[]): Staging {
  const all = (t: string) => values.every((v) => v === null || v === undefined || typeof v === t);
  if (NUMERIC.has(type) && all("number")) return "DOUBLE";
  if (type === "BOOLEAN" && all("boolean")) return "BOOLEAN";
  return "VARCHAR";
}

/** The SQL turning staged column `col` into its declared type (dates and timestamps arrive as epoch ms). */
function castOf(col: string, type: DataType, staging: Staging): string {
  if (type === "VARCHAR") return col;
  if (type === "DATE" || type === "TIMESTAMP")
    return `make_timestamp((CAST(${col} AS DOUBLE) * 1000)::BIGINT)::${type}`;
  return staging === type ? col : `CAST(${col} AS ${type})`;
}

/** Text of a value for a text-staged column; in a column SQL casts, numbers as JS writes them (so they cast back exactly). */
const textOf = (v: unknown, type: DataType): string | null =>
  type !== "VARCHAR" && typeof v === "number" ? String(v) : asText(v);

function appendColumnValue(appender: DuckDBAppender, staging: Staging, type: DataType, v: unknown): void {
  if (v === null || v === undefined) return appender.appendNull();
  if (staging === "DOUBLE") return appender.appendDouble(v as number);
  if (staging === "BOOLEAN") return appender.appendBoolean(v as boolean);
  const text = textOf(v, type);
  if (text === null) appender.appendNull();
  else appender.appendVarchar(text);
}

/** Appends every row to the staging table; the appender's errors become EngineErrors. */
async function appendRows(
  connection: DuckDBConnection,
  staging: string,
  data: TableData,
  types: readonly DataType[],
  stagings: readonly Staging[],
  rows: number,
): Promise<void> {
  let appender: DuckDBAppender | undefined;
  try {
    appender = await connection.createAppender(staging, "main", "temp");
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < stagings.length; c++) appendColumnValue(appender, stagings[c], types[c], data.data[c][r]);
      appender.endRow();
    }
    const done = appender;
    appender = undefined;
    done.closeSync(); // flushes the rows
  } catch (e) {
    try {
      appender?.closeSync();
    } catch {
      // the error that brought us here is the one to report
    }
    throw toEngineError(e, "");
  }
}

/**
 * Creates (or replaces) the temp table `name` holding `data` on `connection`, through the staging temp table
 * `staging` (dropped afterwards). `run` runs SQL with the engine's error handling. Throws on malformed data.
 */
export async function appendTable(
  connection: DuckDBConnection,
  run: (sql: string) => Promise<unknown>,
  name: string,
  data: TableData,
  staging: string,
): Promise<void> {
  const rows = checkTableData(data);
  const types = data.columns.map((c) => dataTypeOf(c.type));
  const stagings = data.data.map((col, c) => stagingOf(types[c], col));
  const cols = data.columns.map((_, c) => `c${c}`);
  await run(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdent(staging)} (${cols.map((c, i) => `${c} ${stagings[i]}`).join(", ")})`,
  );
  try {
    await appendRows(connection, staging, data, types, stagings, rows);
    const select = data.columns
      .map((c, i) => `${castOf(cols[i], types[i], stagings[i])} AS ${quoteIdent(c.name)}`)
      .join(", ");
    await run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} AS SELECT ${select} FROM ${quoteIdent(staging)}`);
  } finally {
    await run(`DROP TABLE IF EXISTS temp.main.${quoteIdent(staging)}`).catch(() => undefined);
  }
}
