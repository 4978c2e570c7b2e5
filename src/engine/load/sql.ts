// Quoting for the SQL the engine builds itself: identifiers come from file and column names and
// string literals from paths, both possibly hostile (a header can be `x" FROM t; --`).

/** Quotes an identifier for DuckDB (`a"b` -> `"a""b"`). */
export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Quotes a string literal for DuckDB (`it's` -> `'it''s'`). */
export const quoteString = (text: string) => `'${text.replace(/'/g, "''")}'`;
