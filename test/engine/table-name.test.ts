// tableNameFor: file names become unique, SQL-friendly table names.
import { describe, expect, it } from "vitest";
import { tableNameFor } from "../../src/engine/table-name";

describe("tableNameFor(fileName, taken)", () => {
  it("lowercases and replaces everything but letters and digits", () => {
    expect(tableNameFor("Orders 2024 (final).csv", [])).toBe("orders_2024_final");
    expect(tableNameFor("Kunden-Übersicht.tsv", [])).toBe("kunden_ubersicht");
  });
  it("prefixes a leading digit and names nameless files", () => {
    expect(tableNameFor("2024-orders.csv", [])).toBe("t_2024_orders");
    expect(tableNameFor("客户.csv", [])).toBe("table");
  });
  it("keeps keywords (the engines quote names) and drops folders", () => {
    expect(tableNameFor("select.csv", [])).toBe("select");
    expect(tableNameFor("C:\\data\\Sales.parquet", [])).toBe("sales");
  });
  it("makes the name unique with _2, _3", () => {
    expect(tableNameFor("orders.csv", ["orders"])).toBe("orders_2");
    expect(tableNameFor("Orders.csv", ["orders", "orders_2"])).toBe("orders_3");
  });
});
