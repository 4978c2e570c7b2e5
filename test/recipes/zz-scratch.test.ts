// scratch: run a recipe on the sample data
import { resolve } from "node:path";
import { it } from "vitest";
import { engineWith, runRecipe } from "./helpers";
const csv = (f: string) => resolve("/work/main/public/notebooks", f);
export const SAMPLE = {
  transactions: { table: "orders", roles: { customer_id: "customer_id", date: "order_date", amount: "amount", margin: "margin", category: "category", order_id: "order_id", channel: "channel" } },
  customers: { table: "customers", roles: { customer_id: "customer_id", industry: "industry", size: "size", region: "region", country: "country" } },
  survey: { table: "survey", roles: { customer_id: "customer_id", date: "survey_date", attribute: "attribute", importance: "importance", satisfaction: "satisfaction", nps: "nps" } },
  deals: { table: "deals", roles: { deal_id: "deal_id", stage: "outcome", customer_id: "customer_id", created: "created", closed: "closed", amount: "amount", our_price: "our_price", competitor: "competitor", competitor_price: "competitor_price", loss_reason: "loss_reason" } },
  pipeline: { table: "deals", roles: { deal_id: "deal_id", stage: "stage", customer_id: "customer_id", created: "created", closed: "closed", amount: "amount" } },
  receivables: { table: "receivables", roles: { customer_id: "customer_id", amount: "amount", due_date: "due_date", invoice_date: "invoice_date", paid_date: "paid_date" } },
};
it("scratch", async () => {
const [id, slots, paramsJson] = [process.env.ID!, process.env.SLOTS!, process.env.PARAMS];
const engine = await engineWith(...["orders", "customers", "survey", "deals", "receivables"].map((t) => `CREATE TABLE ${t} AS SELECT * FROM read_csv('${csv(t + ".csv")}')`));
const tables: Record<string, unknown> = {};
for (const s of slots.split(",")) { const [slot, key] = s.split("="); tables[slot] = (SAMPLE as any)[key ?? slot]; }
const t0 = performance.now();
const out = await runRecipe(engine, id, { tables: tables as any, params: paramsJson ? JSON.parse(paramsJson) : {} });
for (const [name, rows] of Object.entries(out.rows)) { console.log(`== ${name} (${rows.length})`); for (const r of rows.slice(0, Number(process.env.N ?? 12))) console.log(JSON.stringify(r)); }
console.log("charts", JSON.stringify(out.chartWarnings), Math.round(performance.now() - t0), "ms");
if (process.env.SRC) for (const c of out.cells) console.log(c.kind, c.name, JSON.stringify(c.attrs), "\n" + c.source);
await engine.close();
}, 600000);
