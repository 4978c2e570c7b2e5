import { describe, it, expect } from "vitest";
import { compileSql, sourcePosition } from "../../src/compile/sql";
import { scanSql } from "../../src/compile/sql-scan";

describe("compileSql(source)", () => {
  it("collects table-like names, lower-cased, and leaves out columns after '.', aliases after AS and functions", () => {
    const out = compileSql('SELECT o.Amount AS total, count(*) FROM Orders AS o JOIN "Customer Totals" c USING (id)');
    expect(out.references).toEqual(["o", "orders", "join", "customer totals", "c", "id"]);
    expect(out.body).toEqual({
      type: "sql",
      sql: 'SELECT o.Amount AS total, count(*) FROM Orders AS o JOIN "Customer Totals" c USING (id)',
      params: [],
      paramAt: [],
    });
  });

  it("skips names inside strings, E-strings, dollar-quoted strings and comments", () => {
    const sql = [
      "SELECT 'from hidden_a' AS s, E'it\\'s hidden_b', $$hidden_c$$, $tag$ hidden_d $tag$",
      "-- hidden_e",
      "/* hidden_f /* nested hidden_g */ still hidden_h */ FROM visible",
    ].join("\n");
    const out = compileSql(sql);
    expect(out.error).toBeUndefined();
    expect(out.references.filter((r) => r.includes("hidden"))).toEqual([]);
    expect(out.references).toContain("visible");
  });

  it("keeps the content of quoted identifiers, with doubled quotes unescaped", () => {
    expect(compileSql('SELECT * FROM "my ""odd"" Table"').references).toEqual(['my "odd" table']);
  });

  it("replaces ${name} with ? in order and records the params, but not inside strings or comments", () => {
    const out = compileSql(
      "SELECT '${not_me}' AS s -- ${nor_me}\nFROM t WHERE a >= ${ Min_Orders } AND b < ${limit2} OR c = ${min_orders}",
    );
    expect(out.body).toEqual({
      type: "sql",
      sql: "SELECT '${not_me}' AS s -- ${nor_me}\nFROM t WHERE a >= ? AND b < ? OR c = ?",
      params: ["Min_Orders", "limit2", "min_orders"],
      paramAt: [55, 65, 74],
    });
    expect(out.references).toContain("min_orders");
    expect(out.references).toContain("limit2");
    expect(out.references).not.toContain("not_me");
  });

  it("drops a trailing ; and trailing comments but keeps leading comments", () => {
    expect(compileSql("-- top\nSELECT 1 ;  -- done\n").body?.sql).toBe("-- top\nSELECT 1");
  });

  it("refuses a second statement, with its position", () => {
    expect(compileSql("SELECT 1;\nSELECT 2").error).toMatchObject({ line: 1, column: 9 });
  });

  it("refuses an empty query", () => {
    expect(compileSql("  -- nothing\n;").error?.message).toContain("no query yet");
  });

  it("reports unclosed strings, quoted names, comments and dollar quotes at their start", () => {
    expect(compileSql("SELECT 1,\n  'abc").error).toMatchObject({
      line: 2,
      column: 3,
      message: expect.stringContaining("closing quote"),
    });
    expect(compileSql('SELECT "abc').error).toMatchObject({ line: 1, column: 8 });
    expect(compileSql("SELECT 1 /* a /* b */").error).toMatchObject({ line: 1, column: 10 });
    expect(compileSql("SELECT $x$ abc").error).toMatchObject({ line: 1, column: 8 });
  });

  it("refuses malformed ${...} and DuckDB's own placeholders", () => {
    expect(compileSql("SELECT ${a.b}").error).toMatchObject({
      line: 1,
      column: 8,
      message: expect.stringContaining("${name}"),
    });
    expect(compileSql("SELECT * FROM t WHERE a = ?").error?.message).toContain("? placeholders");
    expect(compileSql("SELECT $1").error?.message).toContain("$1 placeholders");
  });

  it("leaves out reserved keywords written bare (not quoted ones, not unreserved BY)", () => {
    expect(compileSql('SELECT "order" FROM "select" WHERE x IN (SELECT y FROM z ORDER BY 1)').references).toEqual([
      "order",
      "select",
      "x",
      "y",
      "z",
      "by",
    ]);
  });

  it("does not read numbers like 1e10 as names", () => {
    expect(compileSql("SELECT 1e10, 0.5, x1 FROM t").references).toEqual(["x1", "t"]);
  });
});

describe("scanSql(text)", () => {
  it("covers the text with tokens end to end", () => {
    const text = "SELECT a, 'b''c' FROM \"t\" -- x\n/* y */ WHERE d = ${e}";
    const { tokens, error } = scanSql(text);
    expect(error).toBeUndefined();
    expect(tokens.map((t) => text.slice(t.start, t.end)).join("")).toBe(text);
    expect(tokens.filter((t) => t.type !== "space").map((t) => t.type)).toEqual([
      "ident",
      "ident",
      "punct",
      "string",
      "ident",
      "quoted",
      "comment",
      "comment",
      "ident",
      "ident",
      "punct",
      "param",
    ]);
  });
});

describe("sourcePosition(source, sqlOffset)", () => {
  it("maps query offsets back to the cell source across ${name} replacements", () => {
    const source = "SELECT ${a}, ${bb}\nFROM t WHERE x = ${c} AND bad";
    const sql = compileSql(source).body!.sql;
    expect(sql).toBe("SELECT ?, ?\nFROM t WHERE x = ? AND bad");
    expect(sourcePosition(source, sql.indexOf("?"))).toEqual({ line: 1, column: 8 });
    expect(sourcePosition(source, sql.lastIndexOf("?"))).toEqual({ line: 2, column: 18 });
    expect(sourcePosition(source, sql.indexOf("bad"))).toEqual({
      line: 2,
      column: source.split("\n")[1].indexOf("bad") + 1,
    });
    expect(sourcePosition(source, 0)).toEqual({ line: 1, column: 1 });
  });
});
