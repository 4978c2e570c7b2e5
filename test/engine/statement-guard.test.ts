// The statement guard on its own (the engine contract runs it against both DuckDBs): what counts as
// the first keyword, where lexers could disagree, and that values and names never trip it.
import { describe, expect, it } from "vitest";
import { EngineError } from "../../src/engine/engine";
import { checkStatement } from "../../src/engine/statement-guard";

const refused = (sql: string) => {
  try {
    checkStatement(sql);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return (e as EngineError).message;
  }
};

describe("checkStatement(sql)", () => {
  it("refuses statements that write, export, import, attach or load, past comments, `;` and `(`", () => {
    for (const sql of [
      "COPY t TO 'x.csv'",
      "  copy t to 'x.csv'",
      "-- note\nCOPY t TO 'x'",
      "-- note\rCOPY t TO 'x'",
      "/* note */ EXPORT DATABASE 'd'",
      ";; (COPY t TO 'x')",
      "IMPORT DATABASE 'd'",
      "ATTACH 'x.db'",
      "INSTALL httpfs",
      "FORCE INSTALL httpfs",
      "LOAD httpfs",
      "PREPARE p AS COPY t TO 'x'",
      "EXECUTE p",
      "EXPLAIN ANALYZE COPY t TO 'x'",
      "EXPLAIN (ANALYZE) COPY t TO 'x'",
    ]) {
      expect(refused(sql), sql).toMatch(/not allowed here/);
    }
    expect(refused("COPY t TO 'x'")).toMatch(/^COPY is not allowed/);
  });

  it("refuses a leading comment that holds another comment's opening (lexers disagree on where it ends)", () => {
    expect(refused("/* /* */ COPY t TO 'x' -- */ SELECT 1")).toMatch(/comment inside a comment/);
  });

  it("lets queries through, whatever words their values, names and later comments hold", () => {
    for (const sql of [
      "SELECT 'COPY t TO x' AS copy",
      "WITH export AS (SELECT 1) SELECT * FROM export",
      "CREATE TEMP TABLE load_times AS SELECT 1 AS attach",
      "SELECT 1 -- COPY t TO 'x'",
      "/* copy */ SELECT 1",
      "EXPLAIN SELECT * FROM load_data",
      "",
      "-- only a comment",
    ]) {
      expect(refused(sql), sql).toBeUndefined();
    }
  });
});
