// The cleaned transactions most recipes start from, and the documented handling of bad input:
// rows without a customer, a readable date or a numeric amount are left out, and so are rows dated after
// the analysis date; returns and zero amounts stay in value sums (netted) but are not purchases.
import { EXCLUSION } from "../messages/recipes";
import { TRANSACTIONS_TEXT } from "../messages/recipes/transactions";
import { subscribeLocale } from "../messages/locale";
import type { ParamSpec } from "./params";
import type { RecipeContext, TableSlot } from "./recipe";
import { hasRole } from "./recipe";
import { roleCte } from "./mapping";
import { dateSql } from "./dates";
import { dateOrderOf } from "./role-settings";
import { quoteIdent, TODAY_SQL, sqlString, withQuery, type Cte } from "./sql";

/** The analysis date parameter every transaction recipe has (automatic: the latest date in the data up to today). */
export const ANALYSIS_DATE: ParamSpec = {
  name: "analysis_date",
  type: "date",
  get label() {
    return TRANSACTIONS_TEXT.analysisDate.label;
  },
  default: null,
  get auto() {
    return TRANSACTIONS_TEXT.analysisDate.auto;
  },
  get help() {
    return TRANSACTIONS_TEXT.analysisDate.help;
  },
};

/**
 * The SQL comment every recipe carries about returns, zero amounts and future dates, in the current locale
 * (a live binding: importers read the new text after a switch, so a recipe built then carries it).
 */
export let RETURNS_NOTE = TRANSACTIONS_TEXT.returnsNote;
subscribeLocale(() => (RETURNS_NOTE = TRANSACTIONS_TEXT.returnsNote));

/** The transactions slot with the three required roles and the given optional ones. */
export function transactionsSlot(optional: readonly string[] = ["margin", "cost", "order_id"]): TableSlot {
  return {
    name: "transactions",
    kind: "transactions",
    required: true,
    roles: ["customer_id", "date", "amount"],
    optional,
  };
}

/** Which optional transaction features are on for this binding. */
export interface TxFeatures {
  /** Margin is known: mapped directly, or amount minus cost. */
  readonly margin: boolean;
  /** Orders are counted as distinct order ids rather than rows. */
  readonly orderId: boolean;
}

/** Reads which optional roles are mapped on the transactions slot. */
export function txFeatures(ctx: RecipeContext): TxFeatures {
  const binding = ctx.tables.transactions;
  return { margin: hasRole(binding, "margin") || hasRole(binding, "cost"), orderId: hasRole(binding, "order_id") };
}

/** The order-count expression over purchases only: distinct order ids when mapped, else purchase rows. */
export function orderCount(features: TxFeatures, alias = ""): string {
  return features.orderId
    ? `count(DISTINCT ${alias}order_id) FILTER (WHERE ${alias}amount > 0)`
    : `count(*) FILTER (WHERE ${alias}amount > 0)`;
}

/**
 * The CTEs `tx_roles` (mapping), `as_of` (the analysis day) and `tx` (rows used), to follow a `params` CTE
 * that has `analysis_date`.
 */
export function transactionCtes(ctx: RecipeContext, extraRoles: readonly string[] = []): Cte[] {
  const binding = ctx.tables.transactions;
  const features = txFeatures(ctx);
  const wanted = ["customer_id", "date", "amount", "margin", "cost", "order_id", ...extraRoles];
  const mapping: Cte = { ...roleCte("tx_roles", "transactions", binding, wanted), inline: true };
  const margin = hasRole(binding, "margin") ? "t.margin" : hasRole(binding, "cost") ? "t.amount - t.cost" : null;
  const columns = [
    "t.customer_id",
    "t.date",
    "t.amount",
    ...(margin ? [`${margin} AS margin`] : []),
    ...(features.orderId ? ["t.order_id"] : []),
    ...extraRoles.filter((r) => hasRole(binding, r)).map((r) => `t.${r}`),
  ];
  return [
    mapping,
    {
      name: "as_of",
      comment: "the analysis date: the parameter, or else the latest purchase date up to today",
      body: `SELECT COALESCE((SELECT analysis_date FROM params), (SELECT max(date) FROM tx_roles WHERE date <= ${TODAY_SQL})) AS day`,
    },
    {
      name: "tx",
      comment: "rows used: complete and not after the analysis date (returns kept, netted)",
      body: `SELECT ${columns.join(", ")}
FROM tx_roles AS t, as_of AS a
WHERE t.customer_id IS NOT NULL AND t.date IS NOT NULL AND t.amount IS NOT NULL
  AND t.date <= a.day`,
    },
  ];
}

/**
 * The checks query: how many rows each rule left out or treated specially, the analysis date, and an explicit
 * "no rows" line; the unreadable-date line shows up to 3 of the values that could not be read.
 */
export function checksQuery(params: Cte, ctx: RecipeContext): string {
  const [mapping, asof] = transactionCtes(ctx);
  const reasons = [
    EXCLUSION.purchases,
    EXCLUSION.returns,
    EXCLUSION.noCustomer,
    EXCLUSION.noDate,
    EXCLUSION.noAmount,
    EXCLUSION.afterAnalysisDate,
  ];
  const reason = `CASE
    WHEN t.customer_id IS NULL THEN ${sqlString(EXCLUSION.noCustomer)}
    WHEN t.date IS NULL THEN ${sqlString(EXCLUSION.noDate)}
    WHEN t.amount IS NULL THEN ${sqlString(EXCLUSION.noAmount)}
    WHEN t.date > a.day THEN ${sqlString(EXCLUSION.afterAnalysisDate)}
    WHEN t.amount <= 0 THEN ${sqlString(EXCLUSION.returns)}
    ELSE ${sqlString(EXCLUSION.purchases)}
  END`;
  return withQuery(
    [
      params,
      mapping,
      asof,
      {
        name: "reasons",
        body: `SELECT * FROM (VALUES ${reasons.map((r, i) => `(${i + 1}, ${sqlString(r)})`).join(", ")}) AS v(ord, "check")`,
      },
      {
        name: "counted",
        body: `SELECT ${reason} AS "check", count(*) AS rows, sum(t.amount) AS amount\nFROM tx_roles AS t, as_of AS a\nGROUP BY 1`,
      },
      unreadableDates(ctx),
    ],
    `SELECT "check", rows, amount, analysis_date, examples FROM (
  SELECT r.ord, r."check", COALESCE(c.rows, 0) AS rows, c.amount, (SELECT day FROM as_of) AS analysis_date,
    CASE WHEN r."check" = ${sqlString(EXCLUSION.noDate)} THEN (SELECT examples FROM unreadable_dates) END AS examples
  FROM reasons AS r LEFT JOIN counted AS c USING ("check")
  UNION ALL
  SELECT 0, ${sqlString(EXCLUSION.nothingLeft)}, 0, NULL, (SELECT day FROM as_of), NULL
  WHERE NOT EXISTS (SELECT 1 FROM counted WHERE "check" = ${sqlString(EXCLUSION.purchases)})
)
ORDER BY ord`,
  );
}

/** `unreadable_dates`: up to 3 distinct values of the date column that are there but cannot be read as dates. */
function unreadableDates(ctx: RecipeContext): Cte {
  const binding = ctx.tables.transactions;
  const column = binding.roles.date;
  return {
    name: "unreadable_dates",
    comment: "examples of date values that could not be read (shown with the count of rows left out for it)",
    body: `SELECT string_agg(v, ', ' ORDER BY v) AS examples FROM (
  SELECT DISTINCT CAST(${quoteIdent(column)} AS VARCHAR) AS v
  FROM ${quoteIdent(binding.table)}
  WHERE ${quoteIdent(column)} IS NOT NULL AND ${dateSql(column, dateOrderOf(binding.roles))} IS NULL
  ORDER BY v
  LIMIT 3
)`,
    reads: [binding.table],
  };
}

/** The look-back window parameter in months (0 = all history up to the analysis date). */
export function windowParam(defaultMonths = 0): ParamSpec {
  return {
    name: "months",
    type: "number",
    get label() {
      return TRANSACTIONS_TEXT.window;
    },
    default: defaultMonths,
    min: 0,
    max: 600,
    integer: true,
  };
}

/** The parameter valuing customers by revenue or by margin (margin needs the margin or cost role). */
export function measureParam(defaultMeasure: "revenue" | "margin" = "revenue"): ParamSpec {
  return {
    name: "measure",
    type: "choice",
    get label() {
      return TRANSACTIONS_TEXT.measure.label;
    },
    default: defaultMeasure,
    get options() {
      return [
        { value: "revenue", label: TRANSACTIONS_TEXT.measure.revenue },
        { value: "margin", label: TRANSACTIONS_TEXT.measure.margin },
      ];
    },
  };
}

/** The role need of a `measure = margin` choice. */
export function marginNeed(measure: string): { slot: string; anyOf: string[]; because: string }[] {
  return measure === "margin"
    ? [{ slot: "transactions", anyOf: ["margin", "cost"], because: TRANSACTIONS_TEXT.marginBecause }]
    : [];
}

/**
 * `per_customer`: net revenue, net margin (when known), orders (purchases only) and first/last purchase per
 * customer; with `windowed`, only rows within the last `months` (a `params` column). Customers whose rows in
 * the window are all returns keep their (negative) value and 0 orders.
 */
export function perCustomerCte(features: TxFeatures, windowed: boolean): Cte {
  const where = windowed ? "\nWHERE p.months = 0 OR tx.date > a.day - to_months(p.months)" : "";
  return {
    name: "per_customer",
    comment: windowed ? "one row per customer, within the look-back window" : "one row per customer",
    body: `SELECT customer_id,
  sum(amount) AS revenue,${features.margin ? "\n  sum(margin) AS margin," : ""}
  ${orderCount(features, "tx.")} AS orders,
  min(date) FILTER (WHERE amount > 0) AS first_purchase,
  max(date) FILTER (WHERE amount > 0) AS last_purchase
FROM tx, params AS p, as_of AS a${where}
GROUP BY customer_id`,
  };
}
