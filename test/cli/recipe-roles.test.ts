// The headless runner on a recipe built from a saved mapping with derived and setting roles: amount = quantity ×
// unit price, cancellations by invoice prefix, and day-first slash dates, from the notebook file to the numbers.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildRecipe } from "../../src/recipes/registry";
import { serializeNotebook } from "../../src/notebook/serialize";
import { EXCLUSION } from "../../src/messages/recipes";
import { runCli } from "./run-cli";

const tmp = mkdtempSync(join(tmpdir(), "clientbook-cli-roles-"));

const ROLES = {
  customer_id: "CustomerID",
  date: "InvoiceDate",
  quantity: "Quantity",
  unit_price: "UnitPrice",
  order_id: "InvoiceNo",
  cancel_prefix: "C",
  date_order: "dmy",
};

// 03/04/2024 is 3 April (day first); "n/a" keeps the column text, so the loader does not pick an order itself.
const CSV = `InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID
536365,6,03/04/2024,2.55,17850
536366,2,13/04/2024,1.85,17850
C536379,1,14/04/2024,2.55,17850
536370,24,05/04/2024,0.85,12583
536371,1,n/a,9.99,12583
`;

/** Runs `notebook` with the CLI in this process (see run-cli.ts), writing its JSON report to `out`. */
const run = (notebook: string, out: string) => runCli({}, "run", notebook, "--json", out);

describe("notebook run on a recipe with derived roles and a picked date order", () => {
  it("computes revenue from quantity × unit price, nets the C invoice, reads 13/04/2024 and counts n/a", async () => {
    writeFileSync(join(tmp, "lines.csv"), CSV);
    const cells = buildRecipe("abc", {
      tables: { transactions: { table: "lines", roles: ROLES } },
      params: { analysis_date: "2024-12-31" },
    });
    const text = serializeNotebook({
      frontMatter: { notebook: 1, data: { lines: { file: "lines.csv", roles: ROLES } }, extra: {} },
      cells: cells.map((c, i) => ({ id: `c${i}`, kind: c.kind, name: c.name, attrs: c.attrs ?? {}, source: c.source })),
    });
    writeFileSync(join(tmp, "roles.md"), text);
    const out = join(tmp, "roles.json");
    const result = await run(join(tmp, "roles.md"), out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      cells: { name: string; rows: Record<string, unknown>[] }[];
    };
    const rows = (name: string) => report.cells.find((c) => c.name === name)!.rows;
    // 17850: 6 × 2.55 + 2 × 1.85 - 1 × 2.55 = 16.45; 12583: 24 × 0.85 = 20.40 (its n/a row is left out).
    expect(Object.fromEntries(rows("abc").map((r) => [r.customer_id, r.revenue]))).toEqual({
      "12583": 20.4,
      "17850": 16.45,
    });
    const checks = rows("abc_checks");
    expect(checks.find((r) => r.check === EXCLUSION.noDate)).toMatchObject({ rows: 1, examples: "n/a" });
  });
});
