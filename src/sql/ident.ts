// SQL quoting, written once: identifiers come from file, column and cell names and string literals
// from paths, all possibly hostile (a header can be `x" FROM t; --`). Pure; used by engine/, session/,
// recipes/ and ui/ alike.

/** Quotes an identifier for DuckDB (`a"b` -> `"a""b"`). */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Quotes a string literal for DuckDB (`it's` -> `'it''s'`). */
export const quoteString = (text: string): string => `'${text.replace(/'/g, "''")}'`;
