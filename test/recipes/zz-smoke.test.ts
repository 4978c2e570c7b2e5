import { it } from "vitest";
import { readFileSync } from "node:fs";
import { engineWith, runRecipe } from "/work/main/test/recipes/helpers";
import { RECIPES } from "/work/main/src/recipes/registry";
it("smoke", async () => {
  const e = await engineWith(
    "CREATE TABLE orders AS SELECT * FROM read_csv('/work/main/public/notebooks/orders.csv')",
    "CREATE TABLE customers AS SELECT * FROM read_csv('/work/main/public/notebooks/customers.csv')",
  );
  const tables = {
    transactions: { table: "orders", roles: { customer_id: "customer_id", date: "order_date", amount: "amount", margin: "margin", order_id: "order_id" } },
    customers: { table: "customers", roles: { customer_id: "customer_id", industry: "industry", size: "size", region: "region", country: "country", first_contact_date: "first_contact_date" } },
  };
  for (const r of RECIPES) {
    try {
      const out = await runRecipe(e, r, { tables });
      for (const [k, v] of Object.entries(out.rows)) console.log(r.id, k, v.length, JSON.stringify(v.slice(0, 2)));
      console.log(r.id, "charts", JSON.stringify(out.chartWarnings));
    } catch (err) { console.log("FAIL", r.id, (err as Error).message.slice(0, 1500)); }
  }
  await e.close();
}, 120000);
