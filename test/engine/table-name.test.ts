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
    expect(tableNameFor("１２月.csv", [])).toBe("t_12月");
    expect(tableNameFor("---.csv", [])).toBe("table");
  });
  it("keeps letters and digits of any script, lowercasing only ASCII", () => {
    expect(tableNameFor("中文订单.csv", [])).toBe("中文订单");
    expect(tableNameFor("2024年 销售（华东）.CSV", [])).toBe("t_2024年_销售_华东");
    expect(tableNameFor("客户ABC.csv", [])).toBe("客户abc");
    expect(tableNameFor("Ωmega Заказы.csv", [])).toBe("Ωmega_Заказы");
    expect(tableNameFor("がぎ 고객.csv", [])).toBe("がぎ_고객");
    expect(tableNameFor("中文订单.csv", ["中文订单"])).toBe("中文订单_2");
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
