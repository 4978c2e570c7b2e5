// The shipped sample tables (public/notebooks/*.csv) bound to recipe slots and roles, shared by the recipe
// tests and scripts/bench-recipes.ts (whose generated files have the sample files' columns).
import { CATALOGUE, RECIPES } from "../../src/recipes/registry";
import type { TableBinding } from "../../src/recipes/recipe";

/** The sample tables as recipes 1-13 bind them (orders and customers). */
export const BASIC: Readonly<Record<string, TableBinding>> = {
  transactions: {
    table: "orders",
    roles: { customer_id: "customer_id", date: "order_date", amount: "amount", margin: "margin" },
  },
  customers: {
    table: "customers",
    roles: {
      customer_id: "customer_id",
      industry: "industry",
      size: "size",
      region: "region",
      first_contact_date: "first_contact_date",
    },
  },
};

/** The sample tables as recipes 14-25 bind them; deals by outcome here, by pipeline stage in PIPELINE. */
export const MARKET: Readonly<Record<string, TableBinding>> = {
  transactions: {
    table: "orders",
    roles: {
      customer_id: "customer_id",
      date: "order_date",
      amount: "amount",
      margin: "margin",
      category: "category",
      order_id: "order_id",
    },
  },
  customers: {
    table: "customers",
    roles: { customer_id: "customer_id", industry: "industry", size: "size", region: "region", country: "country" },
  },
  survey: {
    table: "survey",
    roles: {
      customer_id: "customer_id",
      date: "survey_date",
      attribute: "attribute",
      importance: "importance",
      satisfaction: "satisfaction",
      nps: "nps",
    },
  },
  deals: {
    table: "deals",
    roles: {
      deal_id: "deal_id",
      stage: "outcome",
      customer_id: "customer_id",
      created: "created",
      closed: "closed",
      amount: "amount",
      our_price: "our_price",
      competitor: "competitor",
      competitor_price: "competitor_price",
      loss_reason: "loss_reason",
    },
  },
  receivables: {
    table: "receivables",
    roles: {
      customer_id: "customer_id",
      amount: "amount",
      due_date: "due_date",
      invoice_date: "invoice_date",
      paid_date: "paid_date",
    },
  },
};

/** deals.csv loaded a second time as "pipeline", bound by pipeline stage (the funnel's deals slot). */
export const PIPELINE: TableBinding = {
  table: "pipeline",
  roles: { deal_id: "deal_id", stage: "stage", customer_id: "customer_id" },
};

/** Parameters the sample needs beyond the defaults (it has categories, not products; its own stage names). */
export const PARAMS: Readonly<Record<string, Record<string, string>>> = {
  "basket-associations": { item: "category", basket: "customer_month" },
  funnel: { stages: "lead,qualified,proposal,negotiation,won" },
};

/** Each sample table with the file it is loaded from (deals.csv twice: deals and pipeline). */
export const SAMPLE_TABLES: readonly (readonly [table: string, file: string])[] = [
  ["orders", "orders.csv"],
  ["customers", "customers.csv"],
  ["survey", "survey.csv"],
  ["deals", "deals.csv"],
  ["pipeline", "deals.csv"],
  ["receivables", "receivables.csv"],
];

/** Every slot of recipe `id` bound to the sample table of its kind: BASIC for recipes 1-13, else MARKET (the funnel's deals: PIPELINE). */
export function tablesOf(id: string): Record<string, TableBinding> {
  const recipe = CATALOGUE.find((r) => r.id === id)!;
  const bindings = RECIPES.includes(recipe) ? BASIC : MARKET;
  return Object.fromEntries(
    recipe.inputs.map((slot) => [slot.name, id === "funnel" && slot.name === "deals" ? PIPELINE : bindings[slot.name]]),
  );
}
