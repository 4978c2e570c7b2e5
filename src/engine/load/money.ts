// Amounts as Chinese CRMs export them (`¥1,234.00`, `￥1,234.00`, `1,234.00元`, `-¥56.00`): text to
// DuckDB's CSV reader, numbers to the user. Only text columns where the yuan mark appears and every value
// is such an amount become DECIMAL(18,2), so names, codes and decimal-comma numbers stay as they are.
import type { Exec } from "../profile";
import { quoteIdent, quoteString } from "./sql";

// Grouped thousands (1,234,567) or plain digits, at most two decimals, a sign before or after the mark.
const AMOUNT = String.raw`^\s*[-+]?\s*[¥￥]?\s*[-+]?(\d{1,3}(,\d{3}){1,4}|\d{1,15})(\.\d{1,2})?\s*元?\s*$`;
const MARK = "[¥￥元]";
// Rows looked at to find candidates: the full check then runs on those columns only.
const SAMPLE_ROWS = 2048;

/** The `USING` expression that turns a yuan amount column into DECIMAL(18,2). */
export const moneyValueSql = (column: string): string =>
  `CAST(regexp_replace(${quoteIdent(column)}, '[¥￥元,+\\s]', '', 'g') AS DECIMAL(18,2))`;

/** Retypes `table`'s yuan amount columns (see the module note) as DECIMAL(18,2) and returns their names. */
export async function typeMoneyColumns(exec: Exec, table: string): Promise<string[]> {
  const described = await exec(
    `SELECT column_name FROM duckdb_columns() WHERE table_name = ${quoteString(table)} AND schema_name = 'main' ` +
      `AND NOT internal AND data_type = 'VARCHAR' ORDER BY column_index`,
    { quick: true },
  );
  const text = Array.from({ length: described.numRows }, (_, r) => String(described.column(0)[r]));
  if (!text.length) return [];
  const marked = await exec(
    `SELECT ${text.map((c) => `bool_or(regexp_matches(${quoteIdent(c)}, '${MARK}'))`).join(", ")} ` +
      `FROM (SELECT * FROM ${quoteIdent(table)} LIMIT ${SAMPLE_ROWS})`,
    { quick: true },
  );
  const candidates = text.filter((_, i) => marked.column(i)[0] === true);
  if (!candidates.length) return [];
  const checked = await exec(
    `SELECT ${candidates
      .map((c) => `bool_and(${quoteIdent(c)} IS NULL OR regexp_full_match(${quoteIdent(c)}, ${quoteString(AMOUNT)}))`)
      .join(", ")} FROM ${quoteIdent(table)}`,
  );
  const money = candidates.filter((_, i) => checked.column(i)[0] === true);
  for (const column of money)
    await exec(
      `ALTER TABLE ${quoteIdent(table)} ALTER ${quoteIdent(column)} SET DATA TYPE DECIMAL(18,2) ` +
        `USING ${moneyValueSql(column)}`,
    );
  return money;
}
