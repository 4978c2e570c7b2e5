import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { openSession } from "../../src/session/session";
import { wasmEngineInNode } from "../engine/wasm-node";
import { root, rowsOf, cell, sample } from "./helpers";

describe("openSession(wasm engine)", () => {
  it("runs the example notebook on duckdb-wasm (no extensions) with the same results as natively", async () => {
    const engine = await wasmEngineInNode();
    try {
      const session = openSession(engine);
      session.open(readFileSync(resolve(root, "notebooks/customer-review.md"), "utf8"), { trusted: true });
      await session.loadFile(sample("customers.csv"), { table: "customers" });
      await session.loadFile(sample("orders.csv"), { table: "orders" });
      await session.runAll();
      const notDone = session.getState().cells.filter((c) => c.status !== "done");
      expect(notDone.map((c) => [c.cell.name, c.error?.message])).toEqual([]);
      expect(rowsOf(cell(session, "top_customers"))).toHaveLength(20);
      expect(rowsOf(cell(session, "monthly_revenue"))[0].month).toBe(Date.UTC(2023, 0, 1));
    } finally {
      await engine.close();
    }
  });
});
