// toEngineError: DuckDB messages to EngineError with a 0-based position into the SQL.
import { describe, expect, it } from "vitest";
import { toEngineError } from "../../src/engine/errors";

describe("toEngineError(error, sql)", () => {
  it("converts DuckDB's LINE excerpt and caret into an offset and drops the excerpt", () => {
    const sql = "SELECT 1,\n  2 FROM nosuch";
    const e = toEngineError(
      new Error("Catalog Error: Table with name nosuch does not exist!\n\nLINE 2:   2 FROM nosuch\n                 ^"),
      sql,
    );
    expect(e.message).toBe("Catalog Error: Table with name nosuch does not exist!");
    expect(sql.slice(e.position)).toBe("nosuch");
  });
  it("follows DuckDB's shortened excerpts of long lines", () => {
    const sql = `SELECT ${"x, ".repeat(40)}nosuch_col FROM t`;
    const excerpt = `...${sql.slice(100, 160)}...`;
    const caret = " ".repeat("LINE 1: ".length + 3 + (sql.indexOf("nosuch_col") - 100)) + "^";
    const e = toEngineError(new Error(`Binder Error: no column\n\nLINE 1: ${excerpt}\n${caret}`), sql);
    expect(e.position).toBe(sql.indexOf("nosuch_col"));
  });
  it("reads duckdb-wasm's JSON errors with their exact position", () => {
    const e = toEngineError(
      new Error(
        '{"exception_type":"Parser","exception_message":"syntax error at or near \\"t\\"\\n\\nLINE 1: SELECT 1 FRM t\\n   ^","position":"13"}',
      ),
      "SELECT 1 FRM t",
    );
    expect(e.message).toBe('Parser Error: syntax error at or near "t"');
    expect(e.position).toBe(13);
  });
  it("leaves the position undefined when DuckDB gives none", () => {
    expect(toEngineError(new Error("Out of Memory Error: no"), "SELECT 1").position).toBeUndefined();
  });
});
