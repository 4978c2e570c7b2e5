// A cell reading a table that is not there says why, in the user's language: its file failed to load (named,
// with the reason), its declared file is not loaded, or no table has that name; never DuckDB's "Did you mean
// "pg_type"?", which points at DuckDB's own catalog.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileSourceFromPath } from "../../src/engine/node-file";
import { loadLocale } from "../../src/messages/load-locale";
import { setLocale } from "../../src/messages/locale";
import { missingTableMessage } from "../../src/session/missing-table";
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
      "The table Orders is missing: its file “orders.csv” could not be loaded (empty file, there is nothing to " +
        "load). Fix the file and load it again (drop it on the page): this cell then runs again.",
    );
    setLocale("zh-CN");
    expect(missingTableMessage(duckdb("orders", "pg_type"), known)).toBe(
      "数据表 orders 不存在：它的文件“orders.csv”未能加载（empty file, there is nothing to load）。" +
        "请修正文件后重新加载（拖放到页面上），此单元格随后会重新运行。",
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

describe("Session: a cell reading a missing table", () => {
  it("says the file failed to load, or is not loaded, at the table's place in the cell", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clientbook-missing-"));
    writeFileSync(join(dir, "orders.csv"), "");
    const text = notebookText(
      [
        ["sql a", "SELECT count(*) AS n\nFROM orders"],
        ["sql b", "SELECT count(*) AS n FROM customers"],
        ["sql c", "SELECT count(*) AS n FROM nowhere"],
      ],
      ["orders: { file: orders.csv }", "customers: { file: customers.csv }"],
    );
    const { session, close } = await sessionWith(text, { liveDelayMs: 0 });
    try {
      await expect(session.loadFile(fileSourceFromPath(join(dir, "orders.csv")))).rejects.toThrow(/empty file/);
      await session.runAll();
      const a = cell(session, "a").error;
      expect(a?.message).toMatch(/^The table orders is missing: its file “orders\.csv” could not be loaded \(empty/);
      expect([a?.line, a?.column]).toEqual([2, 6]);
      expect(cell(session, "b").error?.message).toMatch(/not loaded: the notebook reads it from “customers\.csv”/);
      expect(cell(session, "c").error?.message).not.toMatch(/Did you mean|pg_/);
      // Once the file loads, its reader runs again and succeeds.
      await session.loadFile(sample("customers.csv"));
      await session.whenIdle();
      expect(cell(session, "b").status).toBe("done");
    } finally {
      await close();
    }
  });
});
