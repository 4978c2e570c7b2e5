// Load warnings the user sees: skipped title lines, comments, a missing header row, duplicate or
// blank header names DuckDB renamed, ragged rows padded, extra fields in generated columns, and the
// legacy encoding the text was decoded from.
import {
  blankColumn,
  commentLines,
  decimalComma,
  decodedFrom,
  duplicateColumn,
  longRows,
  noHeader,
  shortRows,
  skippedLines,
} from "../../messages/engine";
import type { LoadPlan } from "./plan";

/** Compares the header as written with the columns DuckDB created and lists what the user should know. */
export function loadWarnings(plan: LoadPlan, columns: readonly string[], file: string): string[] {
  const warnings: string[] = [];
  const dialect = plan.dialect;
  if (dialect) {
    const header = dialect.header;
    if (dialect.skipped) warnings.push(skippedLines(dialect.skip, dialect.skipped));
    if (dialect.comment) warnings.push(commentLines());
    if (!dialect.hasHeader) warnings.push(noHeader(file, columns));
    const seen = new Set<string>();
    // Without a header row the first row is data: there are no written names to compare.
    for (let i = 0; dialect.hasHeader && i < header.length && i < columns.length; i++) {
      const written = header[i].trim();
      if (!written) warnings.push(blankColumn(i + 1, columns[i]));
      else if (seen.has(written) && columns[i] !== written) warnings.push(duplicateColumn(written, columns[i]));
      seen.add(written);
    }
    if (columns.length > header.length && header.length > 0) warnings.push(longRows(columns.slice(header.length)));
    if (dialect.shortRows.count > 0)
      warnings.push(shortRows(dialect.shortRows.count, dialect.shortRows.lines, header.length));
    if (dialect.decimalComma) warnings.push(decimalComma());
  }
  if (plan.encoding && !/^utf-(8|16)/.test(plan.encoding)) warnings.push(decodedFrom(plan.encoding));
  return warnings;
}
