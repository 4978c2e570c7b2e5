// The date role as exports write it, on native DuckDB: every form with a leap day, an ambiguous 03/04/2024 read
// both ways, the detector's verdicts, a column with 30 % unreadable values, and numeric ids joining as integers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { dateSql, detectDateFormat } from "../../src/recipes/dates";
import { roleExpression } from "../../src/recipes/mapping";
import { EXCLUSION } from "../../src/messages/recipes";
import { setLocale } from "../../src/messages/locale";
import { loadLocale } from "../../src/messages/load-locale";
import { engineWith, runRecipe, tableSql } from "./helpers";

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(
    tableSql("forms", { v: "VARCHAR" }, [
      ["2024-02-29"],
      ["20240229"],
      ["2024/2/29 11:05"],
      ["2024年2月29日"],
      ["29.02.2024"],
      ["45351"],
      ["1709164800"],
      ["1709164800000"],
      ["2023-02-29"],
      ["20230229"],
      ["soon"],
      [null],
    ]),
    tableSql("ints", { d: "BIGINT" }, [[19970101], [20240229]]),
    tableSql("ambiguous", { d: "VARCHAR" }, [["03/04/2024"], ["12/01/2024"]]),
    tableSql("typed", { d: "DATE", ts: "TIMESTAMP", ms: "TIMESTAMP_MS" }, [
      ["2024-02-29", "2024-02-29 23:59:59", "2024-02-29 00:00:01"],
      [null, null, null],
    ]),
    tableSql("text_ids", { id: "VARCHAR" }, [["17850.0"], ["17850.5"], ["A.17"], ["C000001"], ["-3.00"], [null]]),
    tableSql("orders_d", { cust: "DOUBLE", day: "BIGINT", amount: "DOUBLE" }, [
      [17850, 20240105, 100],
      [17850, 20240229, 50],
      [13047, 20240301, 70],
    ]),
    tableSql("clients_i", { id: "BIGINT", industry: "VARCHAR" }, [
      [17850, "Retail"],
      [13047, "Energy"],
    ]),
    tableSql("part_dates", { customer: "VARCHAR", day: "VARCHAR", amount: "DOUBLE" }, [
      ...Array.from({ length: 7 }, (_, i) => [`c${i % 3}`, `2024-01-0${i + 1}`, 10] as const),
      ["c0", "n/a", 10],
      ["c1", "soon", 10],
      ["c2", "32/13", 10],
    ]),
  );
});
afterAll(() => engine.close());

const dates = async (sql: string, table: string) =>
  (await engine.query(`SELECT CAST(${sql} AS VARCHAR) AS d FROM ${table}`)).rows().map((r) => r.d);

describe("dateSql(column, order)", () => {
  it("reads ISO, YYYYMMDD, 2024/2/29 11:05, 2024年2月29日, 29.02.2024, Excel serials and Unix seconds/ms, leap day included", async () => {
    const got = await dates(dateSql("v"), "forms");
    expect(got.slice(0, 8)).toEqual(Array(8).fill("2024-02-29"));
    // 29 February 2023 does not exist; words are not dates; NULL stays NULL.
    expect(got.slice(8)).toEqual([null, null, null, null]);
  });

  it("reads DATE and TIMESTAMP columns as their day, NULL as NULL (the fast path for typed columns)", async () => {
    for (const column of ["d", "ts", "ms"]) expect(await dates(dateSql(column), "typed")).toEqual(["2024-02-29", null]);
  });

  it("reads YYYYMMDD integers (CDNOW as distributed)", async () => {
    expect(await dates(dateSql("d"), "ints")).toEqual(["1997-01-01", "2024-02-29"]);
  });

  it("reads 03/04/2024 as 3 April or 4 March as told, and not at all when not told", async () => {
    expect(await dates(dateSql("d", "dmy"), "ambiguous")).toEqual(["2024-04-03", "2024-01-12"]);
    expect(await dates(dateSql("d", "mdy"), "ambiguous")).toEqual(["2024-03-04", "2024-12-01"]);
    expect(await dates(dateSql("d"), "ambiguous")).toEqual([null, null]);
  });
});

describe("detectDateFormat(values)", () => {
  it("names the form, and tells d/m from m/d only when a part above 12 decides it", () => {
    expect(detectDateFormat(["03/04/2024", "12/01/2024"])).toMatchObject({
      format: "DD/MM/YYYY or MM/DD/YYYY",
      ambiguous: true,
      order: null,
    });
    expect(detectDateFormat(["03/04/2024", "28/01/2024"])).toMatchObject({
      format: "DD/MM/YYYY",
      ambiguous: false,
      order: "dmy",
    });
    expect(detectDateFormat(["03/04/2024", "01/28/2024"])).toMatchObject({
      format: "MM/DD/YYYY",
      ambiguous: false,
      order: "mdy",
    });
    expect(detectDateFormat(["19970101", "19970118"]).format).toBe("YYYYMMDD");
    expect(detectDateFormat(["2016/8/1 11:05"]).format).toBe("YYYY/M/D");
    expect(detectDateFormat(["45351", "45352"]).format).toBe("Excel serial");
  });

  it("reports a column with 30 % unreadable values with examples", () => {
    const values = [...Array(7).fill("2024-01-05"), "n/a", "soon", "32/13"];
    const found = detectDateFormat(values);
    expect(found.unreadableShare).toBeCloseTo(0.3, 10);
    expect(found.unreadable).toEqual(["n/a", "soon", "32/13"]);
  });

  it("names the forms in Chinese with the UI in zh-CN, keeping the day/month pattern the role panel looks for", async () => {
    await loadLocale("zh-CN");
    setLocale("zh-CN");
    try {
      expect(detectDateFormat(["45351", "45352"]).format).toBe("Excel 序列号");
      expect(detectDateFormat(["1709164800"]).format).toBe("Unix 时间戳（秒）");
      expect(detectDateFormat(["03/04/2024", "05/06/2024"]).format).toBe("DD/MM/YYYY 或 MM/DD/YYYY");
      expect(detectDateFormat(["13/04/2024", "04/13/2024"]).format).toMatch(/^DD\/MM\/YYYY 与 MM\/DD\/YYYY/);
      expect(detectDateFormat(["2024-01-05"]).format).toBe("YYYY-MM-DD");
      expect(detectDateFormat(["soon"]).format).toBe("未知");
    } finally {
      setLocale("en");
    }
    expect(detectDateFormat(["soon"]).format).toBe("unknown");
  });
});

describe("a date column with unreadable values in a recipe", () => {
  it("leaves the 30 % unreadable rows (3 of 10) out, counts them and shows examples; the rest is analysed", async () => {
    const out = await runRecipe(engine, "abc", {
      tables: {
        transactions: { table: "part_dates", roles: { customer_id: "customer", date: "day", amount: "amount" } },
      },
    });
    const noDate = out.rows.abc_checks.find((r) => r.check === EXCLUSION.noDate)!;
    expect([noDate.rows, noDate.examples]).toEqual([3, "32/13, n/a, soon"]);
    expect(out.rows.abc.reduce((sum, r) => sum + Number(r.revenue), 0)).toBe(70);
    expect(out.rows.abc_checks.filter((r) => r.check !== EXCLUSION.noDate).every((r) => r.examples === null)).toBe(
      true,
    );
  });
});

describe("ids", () => {
  it("reads an integer-valued DOUBLE key as 17850, never 17850.0", async () => {
    const got = (await engine.query(`SELECT ${roleExpression("cust", "id")} AS id FROM orders_d`))
      .rows()
      .map((r) => r.id);
    expect(got).toEqual(["17850", "17850", "13047"]);
  });

  it("drops `.0` from integer-valued text keys only, and keeps every other text as written", async () => {
    const got = (await engine.query(`SELECT ${roleExpression("id", "id")} AS id FROM text_ids`))
      .rows()
      .map((r) => r.id);
    expect(got).toEqual(["17850", "17850.5", "A.17", "C000001", "-3", null]);
  });

  it("joins DOUBLE-keyed transactions with a BIGINT-keyed customers file in a recipe", async () => {
    const out = await runRecipe(engine, "attribute-segments", {
      tables: {
        transactions: { table: "orders_d", roles: { customer_id: "cust", date: "day", amount: "amount" } },
        customers: { table: "clients_i", roles: { customer_id: "id", industry: "industry" } },
      },
      params: { analysis_date: "2024-12-31" },
    });
    // 17850 bought 100 + 50 (dated 20240105 and 20240229), 13047 bought 70: both found in the customers file.
    expect(out.rows.attribute_segments.map((r) => [r.segment, r.buyers, r.revenue])).toEqual([
      ["Retail", 1, 150],
      ["Energy", 1, 70],
    ]);
  });
});
