// mayHoldMany: a `;` in a comment, string or quoted name is no statement break; every text it cannot read for
// sure (dollar quotes, escape strings, nested comments, unclosed text) is still sent to DuckDB to be counted.
import { describe, expect, it } from "vitest";
import { mayHoldMany } from "../../../src/engine/wasm/statement-breaks";

describe("mayHoldMany(sql)", () => {
  it("is false for one statement, with or without a last `;`, whatever its comments and strings hold", () => {
    for (const sql of [
      "SELECT 1",
      "SELECT 1;",
      "SELECT 1 ;  \n",
      "-- ntile(5); ties by id\nSELECT 1",
      "SELECT 1 -- a; b",
      "SELECT 1 -- a; b\r, 2",
      "SELECT 1 /* a; b */ + 2",
      "SELECT 'a;b' AS s",
      "SELECT 'it''s; fine' AS s",
      'SELECT 1 AS "a;b"',
      'SELECT 1 AS "say ""hi""; there"',
      "SELECT regexp_replace(x, '^(\\d+)\\.0+$', '\\1') FROM t",
      "SELECT '--'; ",
    ])
      expect(mayHoldMany(sql), sql).toBe(false);
  });

  it("is true for a `;` with a statement (or anything) after it, and for a PIVOT", () => {
    for (const sql of [
      "SELECT 1; SELECT 2",
      "SELECT 1;SELECT 2;",
      "SELECT 1; -- done",
      "SELECT 'a;b'; DROP TABLE t",
      "SELECT 1 /* x */; SELECT 2",
      "PIVOT sales ON k USING sum(v)",
    ])
      expect(mayHoldMany(sql), sql).toBe(true);
  });

  it("is true for every text a lexer could read two ways, so DuckDB counts it", () => {
    for (const sql of [
      // An escape string: its `\'` is a quote inside it; read as a plain string, the `;` would hide in a string.
      "SELECT E'\\''; DROP TABLE t; SELECT ''",
      "SELECT e'a\\\\'; SELECT 2",
      // Dollar quoting: the quote inside `$$...$$` would open a string that hides the `;`.
      "SELECT $$'$$; DROP TABLE t; SELECT '$$'",
      "SELECT $tag$ a $tag$",
      // Nested block comments: DuckDB's lexer and a flat one end the comment in different places.
      "SELECT 1 /* a /* b */ ; SELECT 2 */",
      "SELECT 'unclosed; SELECT 2",
      'SELECT "unclosed; SELECT 2',
      "SELECT 1 /* unclosed; SELECT 2",
    ])
      expect(mayHoldMany(sql), sql).toBe(true);
  });
});
