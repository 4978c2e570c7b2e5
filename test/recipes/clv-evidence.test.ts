// Formula CLV says when its observed retention rests on less than 12 months of data before the last 12.
// Analysis date 2024-12-31: the last 12 months start after 2023-12-31, the year before after 2022-12-31.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { engineWith, rounded, runRecipe, tableSql, TX_COLUMNS, txBinding } from "./helpers";

const SHORT = [
  ["k1", "2023-06-01", 100, 40],
  ["k1", "2024-06-01", 100, 40],
  ["k2", "2023-07-01", 100, 40],
  ["k3", "2024-12-31", 100, 40],
] as const;

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(
    tableSql("short_tx", TX_COLUMNS, SHORT),
    tableSql("long_tx", TX_COLUMNS, [...SHORT, ["k4", "2022-01-01", 100, 40]]),
  );
});
afterAll(() => engine.close());

const clvOf = (table: string, params: Record<string, unknown> = {}) =>
  runRecipe(engine, "clv", {
    tables: { transactions: txBinding(table) },
    params: { level: "formula", analysis_date: "2024-12-31", ...params },
  });

describe("formula CLV: how much history the retention rests on", () => {
  it("notes an observed retention on 6 months of prior data (2023-06-01 to 2023-12-31)", async () => {
    const rows = rounded((await clvOf("short_tx")).rows.clv);
    // Buyers of the year before: k1 and k2; k1 bought again: r = 1/2.
    expect(rows[0].retention).toBe(0.5);
    expect(new Set(rows.map((r) => r.retention_note))).toEqual(
      new Set([
        "The observed retention rests on only 6 months of data before the last 12 (less than 12), so it compares a partial year with a full one: read it with care, or set the retention.",
      ]),
    );
  });

  it("says nothing with 23 months of prior data, or when the retention is set", async () => {
    const long = (await clvOf("long_tx")).rows.clv;
    expect(long.map((r) => r.retention_note)).toEqual([null, null, null, null]);
    expect(rounded(long)[0].retention).toBe(0.5);
    const set = (await clvOf("short_tx", { retention: 0.8 })).rows.clv;
    expect(set.every((r) => r.retention_note === null && r.retention === 0.8)).toBe(true);
  });
});
