import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { TX_COLUMNS, byKey, engineWith, rounded, runRecipe, tableSql, txBinding } from "./helpers";

let engine: Engine;
const VALUES = [500, 200, 100, 60, 40, 30, 30, 20, 10, 10]; // total 1000
beforeAll(async () => {
  engine = await engineWith(
    tableSql(
      "abc_orders",
      TX_COLUMNS,
      VALUES.map((v, i) => [`C${String(i + 1).padStart(2, "0")}`, "2024-06-01", v, v / 10]),
    ),
    tableSql(
      "pyr_orders",
      TX_COLUMNS,
      Array.from({ length: 100 }, (_, i) => [`P${String(i + 1).padStart(3, "0")}`, "2024-06-01", (i + 1) * 10, 1]),
    ),
    tableSql(
      "tie_orders",
      TX_COLUMNS,
      Array.from({ length: 100 }, (_, i) => [`T${String(i + 1).padStart(3, "0")}`, "2024-06-01", 5, 1]),
    ),
  );
});
afterAll(() => engine.close());

describe("abc recipe", () => {
  it("classes customers by the share ranked above them; shares sum to 100 %", async () => {
    const out = await runRecipe(engine, "abc", { tables: { transactions: txBinding("abc_orders") } });
    expect(byKey(out.rows.abc, "customer_id", "class")).toEqual({
      C01: "A",
      C02: "A",
      C03: "A",
      C04: "B",
      C05: "B",
      C06: "B",
      C07: "B",
      C08: "C",
      C09: "C",
      C10: "C",
    });
    expect(out.rows.abc.map((r) => r.customer_id).slice(5, 7)).toEqual(["C06", "C07"]); // tie at 30 broken by id
    expect(rounded(out.rows.abc_classes)).toEqual([
      { class: "A", customers: 3, customer_share: 0.3, value: 800, value_share: 0.8 },
      { class: "B", customers: 4, customer_share: 0.4, value: 160, value_share: 0.16 },
      { class: "C", customers: 3, customer_share: 0.3, value: 40, value_share: 0.04 },
    ]);
    expect(out.rows.abc_classes.reduce((s, r) => s + Number(r.value_share), 0)).toBeCloseTo(1, 12);
    expect(out.rows.abc.at(-1)?.cumulative_share).toBeCloseTo(1, 12);
    expect(out.chartWarnings.abc_chart).toEqual([]);
  });

  it("keeps the customer who crosses a threshold in the class below it, and values by margin on request", async () => {
    const out = await runRecipe(engine, "abc", {
      tables: { transactions: txBinding("abc_orders") },
      params: { a_share: 75, measure: "margin" },
    });
    expect(byKey(out.rows.abc, "customer_id", "class")).toMatchObject({ C02: "A", C03: "A", C04: "B" });
    expect(out.rows.abc[0]).toMatchObject({ customer_id: "C01", value: 50 });
  });
});

describe("pyramid recipe", () => {
  it("puts 1 / 4 / 15 / 80 % of 100 customers into VIP / Major / Ordinary / Small", async () => {
    const out = await runRecipe(engine, "pyramid", { tables: { transactions: txBinding("pyr_orders") } });
    expect(out.rows.pyramid_tiers.map((r) => [r.tier, r.customers])).toEqual([
      ["VIP", 1],
      ["Major", 4],
      ["Ordinary", 15],
      ["Small", 80],
    ]);
    expect(byKey(out.rows.pyramid, "customer_id", "tier")).toMatchObject({
      P100: "VIP",
      P099: "Major",
      P096: "Major",
      P095: "Ordinary",
      P081: "Ordinary",
      P080: "Small",
    });
    // value shares: VIP 1000 / 50500, Major (990+980+970+960) / 50500
    expect(out.rows.pyramid_tiers[0].value_share).toBeCloseTo(1000 / 50500, 12);
    expect(out.rows.pyramid_tiers[1].value_share).toBeCloseTo(3900 / 50500, 12);
    expect(out.chartWarnings.pyramid_chart).toEqual([]);
  });

  it("splits ties deterministically by customer id, tier sizes unchanged", async () => {
    const out = await runRecipe(engine, "pyramid", { tables: { transactions: txBinding("tie_orders") } });
    expect(out.rows.pyramid_tiers.map((r) => r.customers)).toEqual([1, 4, 15, 80]);
    expect(out.rows.pyramid.filter((r) => r.tier === "Major").map((r) => r.customer_id)).toEqual([
      "T002",
      "T003",
      "T004",
      "T005",
    ]);
  });

  it("refuses cut points that leave nothing for Small", async () => {
    await expect(
      runRecipe(engine, "pyramid", { tables: { transactions: txBinding("pyr_orders") }, params: { ordinary_pct: 95 } }),
    ).rejects.toThrow(/add up to 100 %, which must stay below 100 %/);
  });
});
