// Derived roles on native DuckDB, against hand-computed fixtures: amount = quantity × unit price (exact DECIMAL),
// cancellations netted by a rule the user can read (invoice prefix, status value), margin = amount - cost, the
// picked order of ambiguous slash dates, bad input (a derived role on text), and the price-looks-like-amount warning.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { checkMapping } from "../../src/recipes/bindings";
import { amountLooksLikePrice } from "../../src/recipes/price-check";
import { buildRecipe } from "../../src/recipes/registry";
import { EXCLUSION, derivedFromText, returnRuleNote, settingNeedsRole } from "../../src/messages/recipes";
import { byKey, engineWith, runRecipe, tableSql } from "./helpers";
import { hintOf } from "./role-corpus/score";

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(
    tableSql(
      "lines",
      {
        InvoiceNo: "VARCHAR",
        Quantity: "BIGINT",
        UnitPrice: "DOUBLE",
        CustomerID: "DOUBLE",
        Day: "DATE",
        Cost: "DOUBLE",
      },
      [
        ["536365", 6, 2.55, 17850, "2024-01-05", 9],
        ["536366", 2, 1.85, 17850, "2024-01-06", 2],
        ["C536379", -1, 2.55, 17850, "2024-01-07", -1.5],
        ["536370", 24, 0.85, 12583, "2024-01-08", 12],
        ["C536371", 3, 0.85, 12583, "2024-01-09", 0],
        ["C536380", -2, 1.25, 13047, "2024-01-10", 0],
      ],
    ),
    tableSql("orders_s", { who: "VARCHAR", day: "DATE", paid: "DOUBLE", state: "VARCHAR" }, [
      ["c1", "2024-02-01", 100, "已完成"],
      ["c1", "2024-02-02", 40, "已取消"],
      ["c2", "2024-02-03", 50, "done"],
      ["c2", "2024-02-04", 30, "Cancelled"],
    ]),
    tableSql("slashes", { who: "VARCHAR", day: "VARCHAR", paid: "DOUBLE" }, [
      ["c1", "03/04/2024", 10],
      ["c1", "05/04/2024", 20],
      ["c2", "01/02/2024", 30],
    ]),
    tableSql("texty", { who: "VARCHAR", day: "DATE", Description: "VARCHAR", UnitPrice: "DOUBLE" }, [
      ["c1", "2024-01-05", "WHITE HANGING HEART", 2.55],
      ["c2", "2024-01-06", "3", 1.0],
    ]),
  );
});
afterAll(() => engine.close());

const LINES = { customer_id: "CustomerID", date: "Day", quantity: "Quantity", unit_price: "UnitPrice" };
const abc = (roles: Record<string, string>, table = "lines", params: Record<string, unknown> = {}) =>
  runRecipe(engine, "abc", {
    tables: { transactions: { table, roles } },
    params: { analysis_date: "2024-12-31", ...params },
  });

describe("amount = quantity × unit price", () => {
  it("nets each customer's lines exactly (6 × 2.55 + 2 × 1.85 - 1 × 2.55 = 16.45)", async () => {
    const out = await abc(LINES);
    // 12583: 24 × 0.85 + 3 × 0.85 = 22.95; 13047 only returned goods (-2.50), so it is not ranked.
    expect(byKey(out.rows.abc, "customer_id", "revenue")).toEqual({ "12583": 22.95, "17850": 16.45 });
    const sql = out.cells.find((c) => c.name === "abc")!.source;
    expect(sql).toContain(`amount = "Quantity" × "UnitPrice"`);
    expect(sql).toMatch(/CAST\(.*"Quantity".* \* .*"UnitPrice".* AS DECIMAL\(18, 4\)\) AS amount/);
  });

  it("counts an invoice starting with C as a cancellation when the rule says so, with the rule in the SQL", async () => {
    const out = await abc({ ...LINES, order_id: "InvoiceNo", cancel_prefix: "C" });
    // C536371 has a positive quantity, yet it is a cancellation: 24 × 0.85 - 3 × 0.85 = 17.85.
    expect(byKey(out.rows.abc, "customer_id", "revenue")).toEqual({ "12583": 17.85, "17850": 16.45 });
    const returns = out.rows.abc_checks.find((r) => r.check === EXCLUSION.returns)!;
    expect([returns.rows, returns.amount]).toEqual([3, -7.6]);
    const note = returnRuleNote({ kind: "prefix", column: "InvoiceNo", prefix: "C" });
    expect(out.cells.find((c) => c.name === "abc")!.source).toContain(note);
  });

  it("gives margin = amount - cost per line (17850: 6.30 + 1.70 - 1.05 = 6.95)", async () => {
    const out = await abc({ ...LINES, cost: "Cost", order_id: "InvoiceNo", cancel_prefix: "C" }, "lines", {
      measure: "margin",
    });
    // 12583: (20.40 - 12) + (-2.55 - 0) = 5.85.
    expect(byKey(out.rows.abc, "customer_id", "margin")).toEqual({ "12583": 5.85, "17850": 6.95 });
  });
});

describe("a status column as the cancellation rule", () => {
  it("counts rows whose status is one of the values as returns: c1 100 - 40, c2 50 - 30", async () => {
    const roles = {
      customer_id: "who",
      date: "day",
      amount: "paid",
      status: "state",
      cancel_status: "已取消, Cancelled",
    };
    const out = await abc(roles, "orders_s");
    expect(byKey(out.rows.abc, "customer_id", "revenue")).toEqual({ c1: 60, c2: 20 });
  });

  it("says which role a rule needs when it is not mapped", () => {
    const roles = { customer_id: "who", date: "day", amount: "paid", cancel_status: "Cancelled" };
    expect(checkMapping("transactions", "orders_s", roles, ["who", "day", "paid", "state"]).messages).toEqual([
      settingNeedsRole("orders_s", "cancel_status", "status"),
    ]);
  });
});

describe("the picked order of ambiguous slash dates reaches the recipe", () => {
  const roles = { customer_id: "who", date: "day", amount: "paid" };
  const latest = async (extra: Record<string, string>) => {
    const out = await abc({ ...roles, ...extra }, "slashes", { analysis_date: null });
    return new Date(Number(out.rows.abc_checks[0].analysis_date)).toISOString().slice(0, 10);
  };

  it("reads 03/04/2024 and 05/04/2024 as April with day first, as March and May with month first", async () => {
    expect(await latest({ date_order: "dmy" })).toBe("2024-04-05");
    expect(await latest({ date_order: "mdy" })).toBe("2024-05-04");
  });

  it("leaves them unread, counted with examples, when no order is picked", async () => {
    const out = await abc(roles, "slashes", { analysis_date: "2024-12-31" });
    const noDate = out.rows.abc_checks.find((r) => r.check === EXCLUSION.noDate)!;
    expect([noDate.rows, noDate.examples]).toEqual([3, "01/02/2024, 03/04/2024, 05/04/2024"]);
  });
});

describe("bad input", () => {
  it("says so when quantity is mapped to a text column (amount would be computed from text)", () => {
    const roles = { customer_id: "who", date: "day", quantity: "Description", unit_price: "UnitPrice" };
    const types = { who: "VARCHAR", day: "DATE", Description: "VARCHAR", UnitPrice: "DOUBLE" };
    const check = checkMapping("transactions", "texty", roles, Object.keys(types), types);
    expect(check.missing).toEqual([]);
    expect(check.messages).toEqual([derivedFromText("texty", "quantity", "Description", "VARCHAR", "amount")]);
  });

  it("leaves the rows whose quantity is not a number out and counts them", async () => {
    const roles = { customer_id: "who", date: "day", quantity: "Description", unit_price: "UnitPrice" };
    const out = await abc(roles, "texty");
    expect(out.rows.abc_checks.find((r) => r.check === EXCLUSION.noAmount)!.rows).toBe(1);
    expect(byKey(out.rows.abc, "customer_id", "revenue")).toEqual({ c2: 3 });
  });

  it("refuses nothing silently: without quantity or unit price, amount is missing", () => {
    const build = () =>
      buildRecipe("abc", {
        tables: {
          transactions: { table: "lines", roles: { customer_id: "CustomerID", date: "Day", quantity: "Quantity" } },
        },
      });
    expect(build).toThrow(/amount/);
  });
});

describe("amount mapped to a column that looks like a unit price", () => {
  const columns = ["InvoiceNo", "Quantity|BIGINT", "UnitPrice|DOUBLE", "Total Price|DOUBLE", "Betrag|DOUBLE"].map(
    hintOf,
  );
  const rows = Array.from({ length: 10 }, (_, i) => {
    const quantity = [1, 2, 3, 5, 8, 12, 24, 48, 100, 6][i];
    const price = [9.95, 4.5, 3.2, 2.1, 1.65, 0.85, 0.55, 0.42, 0.21, 2.95][i];
    return { Quantity: quantity, UnitPrice: price, "Total Price": quantity * price, Betrag: price };
  });

  it("warns when the header names a price and the table has a quantity", () => {
    expect(amountLooksLikePrice({ amount: "UnitPrice" }, columns)).toBe("Quantity");
  });

  it("warns when the values do not grow with the quantity, whatever the header", () => {
    expect(amountLooksLikePrice({ amount: "Betrag", quantity: "Quantity" }, columns, rows)).toBe("Quantity");
  });

  it("stays quiet on a real line amount, and without a quantity column", () => {
    expect(amountLooksLikePrice({ amount: "Total Price" }, columns, rows)).toBeNull();
    expect(amountLooksLikePrice({ amount: "UnitPrice" }, [hintOf("UnitPrice|DOUBLE")])).toBeNull();
  });
});
