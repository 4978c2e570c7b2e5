// A cell's engine error in the user's language: a table that is not there says why (its file failed to load,
// named, with the reason; its declared file is not loaded; no table has that name), never DuckDB's "Did you mean
// "pg_type"?", which points at DuckDB's own catalog; DuckDB's common errors say what is wrong and what to do.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileSourceFromPath } from "../../src/engine/node-file";
import { loadLocale } from "../../src/messages/load-locale";
import { setLocale } from "../../src/messages/locale";
import { engineErrorMessage, missingTableMessage } from "../../src/session/cell-error-text";
import { cell, notebookText, sample, sessionWith } from "./helpers";

beforeAll(() => loadLocale("zh-CN"));
afterEach(() => setLocale("en"));

const duckdb = (table: string, suggestion: string) =>
  `Catalog Error: Table with name ${table} does not exist!\nDid you mean "${suggestion}"?`;
const known = {
  declared: { orders: { file: "orders.csv" }, customers: { file: "customers.csv" }, result: {} },
  failed: new Map([["orders", { file: "orders.csv", reason: "orders.csv: empty file, there is nothing to load." }]]),
};

describe("missingTableMessage(message, known)", () => {
  it("names the file that failed to load, its reason and what to do, in English and Chinese", () => {
    expect(missingTableMessage(duckdb("Orders", "pg_type"), known)).toBe(
      "The table Orders is missing: its file “orders.csv” could not be loaded. Fix the file and drop it on the " +
        "page again: this cell then runs again. The reason: empty file, there is nothing to load.",
    );
    setLocale("zh-CN");
    expect(missingTableMessage(duckdb("orders", "pg_type"), known)).toBe(
      "数据表 orders 不存在：它的文件“orders.csv”未能加载。请修正文件后重新拖放到页面上，此单元格随后会重新运行。" +
        "原因：empty file, there is nothing to load.",
    );
  });

  it("names the declared file of a table never loaded", () => {
    expect(missingTableMessage(duckdb("customers", "pg_tables"), known)).toMatch(
      /^The table customers is not loaded: the notebook reads it from “customers\.csv”\. Load that file/,
    );
  });

  it("drops DuckDB's suggestion of its own tables and keeps one of the user's", () => {
    expect(missingTableMessage(duckdb("nosuch", "pg_prepared_statements"), known)).toBe(
      "No table or cell is named nosuch: check the name, or load the file the table comes from.",
    );
    expect(missingTableMessage(duckdb("ordrs", "orders"), known)).toContain("(did you mean orders?)");
    expect(missingTableMessage(duckdb("result", "duckdb_tables"), known)).not.toContain("duckdb_tables");
  });

  it("leaves every other error alone", () => {
    expect(missingTableMessage('Binder Error: Referenced column "x" not found', known)).toBeUndefined();
  });
});

describe("engineErrorMessage(message)", () => {
  // DuckDB's own texts (native and wasm alike), as the engine passes them on without the LINE excerpt.
  const cases: [string, string, string][] = [
    [
      'Binder Error: Referenced column "amout" not found in FROM clause!\nCandidate bindings: "amount", "customer_id"',
      "No table this query reads has a column “amout”; close names: “amount”, “customer_id”.",
      "此查询读取的表中没有列“amout”；相近的名称：“amount”、“customer_id”。",
    ],
    [
      'Binder Error: Table "t" does not have a column named "x"\n\nCandidate bindings: : "amount", "customer_id"',
      "The table “t” has no column “x”; close names: “amount”, “customer_id”.",
      "表“t”没有列“x”；相近的名称：“amount”、“customer_id”。",
    ],
    [
      'Binder Error: Referenced table "x" not found!\nCandidate tables: "t"',
      "The query writes x.column, but it reads no table or alias called “x”; it reads “t”.",
      "查询写了 x.列名，但没有读取名为“x”的表或别名；它读取的是 “t”。",
    ],
    [
      'Binder Error: Column "nope" does not exist on left side of join!',
      "The join's USING names the column “nope”, which the table on the left does not have.",
      "连接的 USING 使用了列“nope”，但左侧的表没有这一列。",
    ],
    [
      'Binder Error: column "customer_id" must appear in the GROUP BY clause or must be part of an aggregate function.\nEither add it to the GROUP BY list, or use "ANY_VALUE(customer_id)" if the exact value of "customer_id" is not important.',
      "The column “customer_id” is neither in GROUP BY nor inside an aggregate (sum, count, …): add it to GROUP BY, or aggregate it, e.g. any_value(customer_id).",
      "列“customer_id”既不在 GROUP BY 中，也不在聚合函数（sum、count 等）中：请把它加入 GROUP BY，或对它聚合，例如 any_value(customer_id)。",
    ],
    [
      'Parser Error: syntax error at or near "SELEC"',
      "SQL syntax error at or near “SELEC”: check the spelling, and the commas and brackets around it.",
      "SQL 语法错误，位于“SELEC”处或其附近：请检查拼写，以及它周围的逗号和括号。",
    ],
    [
      "Parser Error: syntax error at end of input",
      "SQL syntax error: the statement ends too early (a bracket, quote or clause left open?).",
      "SQL 语法错误：语句提前结束（是否有括号、引号或子句没有写完？）。",
    ],
    [
      "Conversion Error: Could not convert string 'abc' to INT32",
      "The text 'abc' cannot be converted to INT32: fix or filter out the value, or use TRY_CAST, which gives NULL for a value that does not convert.",
      "无法将文本 'abc' 转换为 INT32：请修正或筛除这个值，或改用 TRY_CAST（无法转换的值会变为 NULL）。",
    ],
    [
      'Catalog Error: Scalar Function with name foo does not exist!\nDid you mean "floor"?',
      "There is no function named foo (did you mean floor?).",
      "没有名为 foo 的函数（是否要写 floor？）。",
    ],
  ];

  it.each(cases)("says %j in English and Chinese", (duckdbText, english, chinese) => {
    expect(engineErrorMessage(duckdbText)).toBe(english);
    setLocale("zh-CN");
    expect(engineErrorMessage(duckdbText)).toBe(chinese);
  });

  it("leaves an error it does not know as DuckDB wrote it", () => {
    expect(engineErrorMessage("Out of Memory Error: could not allocate block of size 256 KiB")).toBeUndefined();
  });
});

describe("Session: a cell reading a missing table", () => {
  it("says the file failed to load, or is not loaded, at the table's place in the cell", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clientbook-missing-"));
    writeFileSync(join(dir, "orders.csv"), "");
    const text = notebookText(
      [
        ["sql a", "SELECT count(*) AS n\nFROM orders"],
        ["sql b", "SELECT count(*) AS n FROM customers"],
        ["sql c", "SELECT count(*) AS n FROM nowhere"],
        ["sql d", "SELEC 1"],
      ],
      ["orders: { file: orders.csv }", "customers: { file: customers.csv }"],
    );
    const { session, close } = await sessionWith(text, { liveDelayMs: 0 });
    try {
      await expect(session.loadFile(fileSourceFromPath(join(dir, "orders.csv")))).rejects.toThrow(/empty file/);
      await session.runAll();
      const a = cell(session, "a").error;
      expect(a?.message).toMatch(
        /^The table orders is missing: its file “orders\.csv” could not be loaded\. .*The reason: empty file/,
      );
      expect([a?.line, a?.column]).toEqual([2, 6]);
      expect(cell(session, "b").error?.message).toMatch(/not loaded: the notebook reads it from “customers\.csv”/);
      expect(cell(session, "c").error?.message).not.toMatch(/Did you mean|pg_/);
      // DuckDB's own error, said plainly at its place.
      expect(cell(session, "d").error).toMatchObject({
        message: expect.stringMatching(/^SQL syntax error at or near “SELEC”/),
        line: 1,
        column: 1,
      });
      // Once the file loads, its reader runs again and succeeds.
      await session.loadFile(sample("customers.csv"));
      await session.whenIdle();
      expect(cell(session, "b").status).toBe("done");
    } finally {
      await close();
    }
  });
});

describe("Session: a failed load or fetch reaches the cells reading its table", () => {
  it("a reader that said 'not loaded' says why once the file fails, and the other cells keep their results", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clientbook-failed-"));
    writeFileSync(join(dir, "orders.csv"), 'id,name\n1,"unclosed\n2,b\n');
    const text = notebookText(
      [
        ["sql a", "SELECT count(*) AS n FROM orders"],
        ["sql b", "SELECT count(*) AS n FROM customers"],
        ["sql other", "SELECT 7 AS n"],
      ],
      ["orders: { file: orders.csv }", "customers: { file: customers.csv }"],
    );
    const { session, close } = await sessionWith(text, { liveDelayMs: 0 });
    try {
      await session.runAll();
      expect(cell(session, "a").error?.message).toMatch(/not loaded/);
      const other = cell(session, "other").output;
      await expect(session.loadFile(fileSourceFromPath(join(dir, "orders.csv")))).rejects.toThrow();
      await session.whenIdle();
      expect(cell(session, "a").error?.message).toMatch(
        /^The table orders is missing: its file “orders\.csv” could not/,
      );
      expect(cell(session, "other").output).toBe(other);
      // A linked notebook's file whose fetch failed: its reader says which file and what status.
      session.fetchFailed("customers", "customers.csv", "the server answered 404");
      await session.whenIdle();
      expect(cell(session, "b").error?.message).toBe(
        "The table customers is missing: its file “customers.csv” could not be fetched from this site (the server " +
          "answered 404). Reload the page to try again, or drop the file on the page: this cell then runs again.",
      );
      setLocale("zh-CN");
      await session.runAll({ only: "outdated" });
      expect(cell(session, "b").error?.message).toMatch(
        /^数据表 customers 不存在：未能从本站获取它的文件“customers\.csv”/,
      );
      expect(cell(session, "other").output).toBe(other);
    } finally {
      await close();
    }
  });

  it("a reader of a declared file that leaves the notebook's folder says it was not fetched, in en and zh", async () => {
    const text = notebookText(
      [["sql a", "SELECT count(*) AS n FROM orders"]],
      ["orders: { file: https://evil.example/x.csv }"],
    );
    const { session, close } = await sessionWith(text, { liveDelayMs: 0 });
    try {
      await session.runAll();
      expect(cell(session, "a").error?.message).toMatch(/not loaded/);
      session.fileRefused("orders", "https://evil.example/x.csv");
      await session.whenIdle();
      expect(cell(session, "a").error?.message).toBe(
        "The table orders is missing: its file “https://evil.example/x.csv” is not in the notebook's folder on this " +
          "site, and a notebook opened by link reads data only from there: it was not fetched. Drop the file on the " +
          "page: this cell then runs again.",
      );
      setLocale("zh-CN");
      await session.runAll({ only: "outdated" });
      expect(cell(session, "a").error?.message).toMatch(
        /^数据表 orders 不存在：它的文件“https:\/\/evil\.example\/x\.csv”不在/,
      );
    } finally {
      await close();
    }
  });
});
