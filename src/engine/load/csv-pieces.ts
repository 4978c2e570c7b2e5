// A big CSV read in pieces of whole records, for engines that copy what they read into their own memory:
// the first piece creates the table as a whole file would (types and date formats sniffed there), each
// later piece is appended with those columns, and a column a later piece does not fit is widened.
import type { DateOrder } from "../engine";
import type { Exec } from "../profile";
import type { LoadBackend } from "./backend";
import { readCsvSql, type CsvRetry } from "./csv-sql";
import { createCsvTable, forcedOrder, guessedOrder, type DateOrderFound } from "./csv-table";
import { forceOrder, sniffDateFormats, type DateFormats } from "./date-order";
import type { Piece } from "./pieces";
import type { LoadPlan } from "./plan";
import { quoteIdent, quoteString } from "./sql";
import { timed } from "./timing";

/** A column of the table the pieces go into. */
interface Column {
  readonly name: string;
  readonly type: string;
}

let pieceTables = 0;

/** Creates `table` from `pieces` (UTF-8 CSV, each ending at a record's end) and says how its dates were read. */
export async function createFromPieces(
  backend: LoadBackend,
  pieces: AsyncIterable<Piece>,
  plan: LoadPlan,
  table: string,
  dateOrder?: DateOrder,
): Promise<DateOrderFound> {
  const { exec } = backend;
  const staging = `__clientbook_pieces_${++pieceTables}`;
  const iterator = pieces[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new Error("the file has no text");
  // Measured before staging: the engine may take the bytes over (a transfer leaves them empty here).
  let size = first.value.bytes.length;
  let staged = await timed("stage", () => backend.stageUtf8(once(first.value.bytes), "csv"));
  const read = (retry?: CsvRetry, dates?: DateFormats) =>
    readCsvSql(staged.path, plan.dialect!, "utf-8", size, retry, dates);
  // After the first piece: no header, no lines to skip, the first piece's columns (or their types sniffed).
  const dialect = { ...plan.dialect!, hasHeader: false, skip: 0 };
  const readLater = (retry: CsvRetry, dates: DateFormats, columns?: readonly Column[]) =>
    readCsvSql(staged.path, dialect, "utf-8", size, retry, dates, columns);
  try {
    const forced = dateOrder
      ? forceOrder(await timed("dates", () => sniffDateFormats(exec, read())), dateOrder)
      : undefined;
    const retry = await createCsvTable(exec, staging, (r) => read(r, forced));
    // Later pieces must read dates as the first did: DuckDB's pick there is pinned.
    const dates = forced ?? (await timed("dates", () => sniffDateFormats(exec, read(retry))).catch(() => ({})));
    let columns = await columnsOf(exec, staging);
    // The next piece is read (and cut) while DuckDB parses this one.
    let next = iterator.next();
    for (let step = await next; !step.done; step = await next) {
      next = iterator.next();
      next.catch(() => undefined);
      await staged.release();
      const { bytes, linesBefore } = step.value;
      size = bytes.length;
      staged = await timed("stage", () => backend.stageUtf8(once(bytes), "csv"));
      for (;;) {
        try {
          const insert = `INSERT INTO ${quoteIdent(staging)} SELECT * FROM ${readLater(retry, dates, columns)}`;
          await timed("read_csv", () => exec(insert));
          break;
        } catch (e) {
          const wider = await widened(exec, staging, columns, readLater({ ...retry, fullSample: true }, dates));
          if (!wider) throw wholeFileLines(e, linesBefore);
          columns = wider;
        }
      }
    }
    await exec(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
    await exec(`ALTER TABLE ${quoteIdent(staging)} RENAME TO ${quoteIdent(table)}`);
    return forced ? forcedOrder(forced) : await guessedOrder(exec, table, dates);
  } catch (e) {
    await exec(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`).catch(() => undefined);
    await iterator.return?.(undefined).catch(() => undefined);
    throw e;
  } finally {
    await staged.release();
  }
}

/** DuckDB's error about a later piece, its line numbers counted from the start of the file. */
function wholeFileLines(error: unknown, linesBefore: number): Error {
  const message = error instanceof Error ? error.message : String(error);
  const shifted = message.replace(
    /(\bLine:?\s*)(\d+)/gi,
    (_, label: string, n: string) => label + (Number(n) + linesBefore),
  );
  return new Error(shifted, { cause: error });
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function columnsOf(exec: Exec, table: string): Promise<Column[]> {
  const result = await exec(
    `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ${quoteString(table)} ` +
      `AND schema_name = 'main' ORDER BY column_index`,
    { quick: true },
  );
  return Array.from({ length: result.numRows }, (_, r) => ({
    name: String(result.column(0)[r]),
    type: String(result.column(1)[r]),
  }));
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/;

/**
 * Widens the columns of `table` whose values in the staged piece (`readAll`: typed from every row) do
 * not fit their type, as DuckDB's sniffer would over the whole file: numbers to DOUBLE, else VARCHAR.
 * Returns the new columns, or undefined when no column differs (the error is something else).
 */
async function widened(
  exec: Exec,
  table: string,
  columns: readonly Column[],
  readAll: string,
): Promise<Column[] | undefined> {
  const piece = await exec(`DESCRIBE SELECT * FROM ${readAll}`);
  const types = Array.from({ length: piece.numRows }, (_, r) => String(piece.column(1)[r]));
  if (types.length !== columns.length) return undefined;
  let changed = false;
  const out = columns.map((c, i): Column => {
    if (types[i] === c.type || c.type === "VARCHAR") return c;
    const type = NUMERIC.test(types[i]) && NUMERIC.test(c.type) ? "DOUBLE" : "VARCHAR";
    if (type === c.type) return c;
    changed = true;
    return { name: c.name, type };
  });
  if (!changed) return undefined;
  for (const [i, c] of out.entries())
    if (c.type !== columns[i].type)
      await exec(`ALTER TABLE ${quoteIdent(table)} ALTER ${quoteIdent(c.name)} SET DATA TYPE ${c.type}`);
  return out;
}
