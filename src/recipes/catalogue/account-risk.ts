// Recipe 22, key-account risk warning: per key account, credit (days overdue, overdue share, late payments),
// financial (spend and margin trend) and market (deals lost) risks, a weighted score, green/amber/red levels.
import { mustBeBelow, weightsDoNotSum } from "../../messages/recipes";
import { RISK_TEXT as T } from "../../messages/recipes/account-risk";
import { MARKET_TEXT } from "../../messages/recipes/market-inputs";
import { CellWriter } from "../cells";
import { paramsCte, roleCte } from "../mapping";
import type { Recipe } from "../recipe";
import { TODAY_SQL, sqlString, withQuery } from "../sql";
import { dealCtes, noCompetitor, OUTCOME_PARAMS } from "./deal-inputs";
import { dealsSlot, inputChecks, receivablesSlot, slotHas } from "./market-inputs";

const WEIGHTS = ["w_credit", "w_financial", "w_market"];
type Label = { [K in keyof typeof T]: (typeof T)[K] extends string ? K : never }[keyof typeof T];
const num = (name: string, label: Label, def: number, min: number, max: number, integer = false) => ({
  name,
  type: "number" as const,
  get label() {
    return T[label];
  },
  default: def,
  min,
  max,
  integer,
});

/** A risk clamped to [0, 1] that stays NULL when unknown (DuckDB's least and greatest skip NULLs). */
const cap = (x: string) => `CASE WHEN (${x}) IS NULL THEN NULL ELSE least(greatest(${x}, 0), 1) END`;

/** A sorted watch list of key accounts with a weighted risk score and a traffic-light level. */
export const accountRisk: Recipe = {
  id: "account-risk",
  get title() {
    return T.title;
  },
  get question() {
    return T.question;
  },
  family: "key accounts",
  inputs: [
    receivablesSlot(),
    {
      name: "transactions",
      kind: "transactions",
      required: false,
      roles: ["customer_id", "date", "amount"],
      optional: ["margin", "cost"],
    },
    dealsSlot(["customer_id", "competitor", "closed", "created"], false),
  ],
  params: [
    {
      name: "analysis_date",
      type: "date",
      get label() {
        return T.analysisDate;
      },
      default: null,
      get auto() {
        return T.analysisDateAuto;
      },
    },
    num("key_accounts", "keyAccounts", 50, 0, 100000, true),
    num("overdue_days_max", "overdueDaysMax", 90, 1, 3650, true),
    num("late_max", "lateMax", 5, 1, 1000, true),
    num("grace_days", "graceDays", 7, 0, 365, true),
    num("trend_months", "trendMonths", 6, 1, 60, true),
    num("spend_drop_max", "spendDropMax", 0.5, 0.01, 1),
    num("margin_drop_max", "marginDropMax", 0.1, 0.01, 1),
    num("lost_max", "lostMax", 3, 1, 1000, true),
    num("w_credit", "wCredit", 0.5, 0, 1),
    num("w_financial", "wFinancial", 0.3, 0, 1),
    num("w_market", "wMarket", 0.2, 0, 1),
    num("amber", "amber", 0.3, 0, 1),
    num("red", "red", 0.6, 0, 1),
    ...OUTCOME_PARAMS,
  ],
  validate(p) {
    const sum = WEIGHTS.reduce((s, n) => s + p.number(n), 0);
    return [
      ...(Math.abs(sum - 1) > 1e-9 ? [weightsDoNotSum(sum)] : []),
      ...(p.number("amber") < p.number("red") ? [] : [mustBeBelow(T.amberFrom, T.redFrom)]),
    ];
  },
  build(ctx) {
    const w = new CellWriter(accountRisk, ctx);
    const tx = !!ctx.tables.transactions;
    const margin = slotHas(ctx, "transactions", "margin") || slotHas(ctx, "transactions", "cost");
    const deals = !!ctx.tables.deals && slotHas(ctx, "deals", "customer_id");
    const paid = slotHas(ctx, "receivables", "paid_date");
    const invoiced = slotHas(ctx, "receivables", "invoice_date");
    const params = paramsCte(accountRisk.params, ctx.params, [
      "analysis_date",
      "key_accounts",
      "overdue_days_max",
      "late_max",
      "grace_days",
      "trend_months",
      "spend_drop_max",
      "margin_drop_max",
      "lost_max",
      ...WEIGHTS,
      "amber",
      "red",
      "won",
      "lost",
    ]);
    const rec = roleCte("rec_roles", "receivables", ctx.tables.receivables, [
      "customer_id",
      "amount",
      "due_date",
      "invoice_date",
      "paid_date",
    ]);
    const txRoles = tx
      ? [
          roleCte("tx_roles", "transactions", ctx.tables.transactions, [
            "customer_id",
            "date",
            "amount",
            "margin",
            "cost",
          ]),
        ]
      : [];
    const txMargin = slotHas(ctx, "transactions", "margin") ? "margin" : "amount - cost";
    const dateOf = (d: string) =>
      deals
        ? `COALESCE(${slotHas(ctx, "deals", "closed") ? "d.closed" : "NULL"}, ${slotHas(ctx, "deals", "created") ? "d.created" : "NULL"})`
        : d;
    const window = (col: string, from: number, to: number) =>
      `${col} > a.day - to_months(${from} * p.trend_months) AND ${col} <= a.day - to_months(${to} * p.trend_months)`;
    const ctes = [
      params,
      rec,
      ...txRoles,
      ...(deals ? dealCtes(ctx, "none") : []),
      {
        name: "as_of",
        comment: "the analysis date: the parameter, or else the latest invoice or payment date up to today",
        body: `SELECT COALESCE((SELECT analysis_date FROM params),
  (SELECT max(d) FROM (SELECT ${invoiced ? "invoice_date" : "due_date"} AS d FROM rec_roles${paid ? " UNION ALL SELECT paid_date FROM rec_roles" : ""}) WHERE d <= ${TODAY_SQL})) AS day`,
      },
      {
        name: "invoices",
        comment: "invoices issued by the analysis date; open = no paid date, or paid after the analysis date",
        body: `SELECT r.customer_id, r.amount, r.due_date, ${paid ? "r.paid_date" : "CAST(NULL AS DATE) AS paid_date"},
  ${paid ? "r.paid_date IS NULL OR r.paid_date > a.day" : "TRUE"} AS open,
  CASE WHEN (${paid ? "r.paid_date IS NULL OR r.paid_date > a.day" : "TRUE"}) AND r.due_date < a.day THEN date_diff('day', r.due_date, a.day) ELSE 0 END AS days_overdue
FROM rec_roles AS r CROSS JOIN as_of AS a
WHERE r.customer_id IS NOT NULL AND r.amount IS NOT NULL AND r.due_date IS NOT NULL${invoiced ? " AND (r.invoice_date IS NULL OR r.invoice_date <= a.day)" : ""}`,
      },
      {
        name: "credit",
        body: `SELECT customer_id, max(days_overdue) AS days_overdue,
  COALESCE(sum(amount) FILTER (WHERE days_overdue > 0), 0) AS overdue_amount,
  COALESCE(sum(amount) FILTER (WHERE open), 0) AS open_amount,
  count(*) FILTER (WHERE NOT open AND paid_date > due_date + CAST(p.grace_days AS INTEGER) AND paid_date > a.day - INTERVAL 12 MONTH) AS late_payments,
  sum(amount) FILTER (WHERE due_date > a.day - INTERVAL 12 MONTH) AS invoiced_12m
FROM invoices CROSS JOIN params AS p CROSS JOIN as_of AS a
GROUP BY customer_id`,
      },
      ...(tx
        ? [
            {
              name: "money",
              body: `SELECT customer_id,
  sum(amount) FILTER (WHERE date > a.day - INTERVAL 12 MONTH) AS revenue_12m,
  sum(amount) FILTER (WHERE ${window("date", 1, 0)}) AS spend_recent,
  sum(amount) FILTER (WHERE ${window("date", 2, 1)}) AS spend_before${
    margin
      ? `,
  sum(${txMargin}) FILTER (WHERE ${window("date", 1, 0)}) / NULLIF(sum(amount) FILTER (WHERE ${window("date", 1, 0)}), 0)
    - sum(${txMargin}) FILTER (WHERE ${window("date", 2, 1)}) / NULLIF(sum(amount) FILTER (WHERE ${window("date", 2, 1)}), 0) AS margin_trend`
      : ", CAST(NULL AS DOUBLE) AS margin_trend"
  }
FROM tx_roles CROSS JOIN params AS p CROSS JOIN as_of AS a
WHERE customer_id IS NOT NULL AND date IS NOT NULL AND amount IS NOT NULL AND date <= a.day
GROUP BY customer_id`,
            },
          ]
        : []),
      ...(deals
        ? [
            {
              name: "market",
              body: `SELECT d.customer_id, count(*) AS deals_lost\nFROM deal AS d CROSS JOIN as_of AS a\nWHERE d.outcome = 'lost' AND d.competitor <> ${noCompetitor()} AND ${dateOf("")} > a.day - INTERVAL 12 MONTH AND ${dateOf("")} <= a.day\nGROUP BY d.customer_id`,
            },
          ]
        : []),
      {
        name: "accounts",
        comment:
          "key accounts: the top key_accounts customers by revenue of the last 12 months (by invoiced amount without orders)",
        body: `SELECT c.*, ${tx ? "m.revenue_12m, m.spend_recent / NULLIF(m.spend_before, 0) - 1 AS spend_trend, m.margin_trend" : "c.invoiced_12m AS revenue_12m, CAST(NULL AS DOUBLE) AS spend_trend, CAST(NULL AS DOUBLE) AS margin_trend"},
  ${deals ? "COALESCE(k.deals_lost, 0)" : "CAST(NULL AS BIGINT)"} AS deals_lost
FROM credit AS c CROSS JOIN params AS p${tx ? "\nLEFT JOIN money AS m USING (customer_id)" : ""}${deals ? "\nLEFT JOIN market AS k USING (customer_id)" : ""}
QUALIFY p.key_accounts = 0 OR row_number() OVER (ORDER BY revenue_12m DESC NULLS LAST, c.customer_id) <= p.key_accounts`,
      },
      {
        name: "risks",
        comment:
          "each risk from 0 (none) to 1 (full); a family is the mean of its known risks, NULL when none is known",
        body: `SELECT *,
  (${cap("days_overdue / p.overdue_days_max")} + COALESCE(overdue_amount / NULLIF(open_amount, 0), 0) + ${cap("late_payments / p.late_max")}) / 3 AS credit_risk,
  (SELECT avg(x) FROM (VALUES (${cap("-spend_trend / p.spend_drop_max")}), (${cap("-margin_trend / p.margin_drop_max")})) AS v(x)) AS financial_risk,
  ${cap("deals_lost / p.lost_max")} AS market_risk
FROM accounts CROSS JOIN params AS p`,
      },
    ];
    const level = {
      red: sqlString(T.levels.red),
      amber: sqlString(T.levels.amber),
      green: sqlString(T.levels.green),
    };
    const main = w.sql(
      undefined,
      `-- Key-account risk: credit = mean of (days overdue / overdue_days_max, overdue share of open receivables,
-- late payments / late_max), each capped at 1; financial = mean of the spend and margin-% drops (last
-- trend_months vs the ones before) against their maxima; market = deals lost to a named competitor in 12
-- months / lost_max. score = the weighted mean of the known families (weights of unknown ones left out);
-- red from \`red\`, amber from \`amber\`, else green. Days overdue count calendar days from the due date.
${withQuery(
  ctes,
  `SELECT row_number() OVER (ORDER BY score DESC, customer_id) AS rank, customer_id,
  CASE WHEN score >= p.red THEN ${level.red} WHEN score >= p.amber THEN ${level.amber} ELSE ${level.green} END AS level,
  score, credit_risk, financial_risk, market_risk, days_overdue, overdue_amount, open_amount,
  overdue_amount / NULLIF(open_amount, 0) AS overdue_share, late_payments, revenue_12m, spend_trend, margin_trend, deals_lost
FROM (
  SELECT *, (p.w_credit * credit_risk + p.w_financial * COALESCE(financial_risk, 0) + p.w_market * COALESCE(market_risk, 0))
    / NULLIF(p.w_credit + CASE WHEN financial_risk IS NULL THEN 0 ELSE p.w_financial END + CASE WHEN market_risk IS NULL THEN 0 ELSE p.w_market END, 0) AS score
  FROM risks CROSS JOIN params AS p
) CROSS JOIN params AS p
ORDER BY rank`,
)}`,
    );
    w.sql(
      "levels",
      `-- Accounts per level\nSELECT k.level, count(r.customer_id) AS accounts, COALESCE(sum(r.open_amount), 0) AS open_amount\nFROM (VALUES (${level.red}, 1), (${level.amber}, 2), (${level.green}, 3)) AS k(level, ord) LEFT JOIN "${main}" AS r ON r.level = k.level\nGROUP BY k.level, k.ord\nORDER BY k.ord`,
    );
    const top = w.sql("top", `-- The watch list's top 25, for the chart\nSELECT * FROM "${main}" WHERE rank <= 25`);
    const a = ctx.params.number("amber");
    const r = ctx.params.number("red");
    w.chart("chart", top, {
      title: { text: T.chartTitle, subtitle: T.chartSubtitle(a, r) },
      layer: [
        {
          mark: "bar",
          encoding: {
            y: { field: "customer_id", type: "nominal", title: null, sort: { field: "rank", order: "ascending" } },
            x: { field: "score", type: "quantitative", title: T.score, scale: { domain: [0, 1] } },
            color: {
              field: "level",
              type: "nominal",
              title: T.level,
              scale: {
                domain: [T.levels.green, T.levels.amber, T.levels.red],
                range: ["#2ca02c", "#ff9f1c", "#d62728"],
              },
            },
            tooltip: [
              { field: "customer_id", type: "nominal" },
              { field: "days_overdue", type: "quantitative" },
              { field: "overdue_share", type: "quantitative", format: ".0%" },
              { field: "spend_trend", type: "quantitative", format: ".0%" },
              { field: "deals_lost", type: "quantitative" },
            ],
          },
        },
        {
          mark: { type: "rule", color: "#ff9f1c", strokeDash: [4, 4] },
          encoding: { x: { datum: a, type: "quantitative" } },
        },
        {
          mark: { type: "rule", color: "#d62728", strokeDash: [4, 4] },
          encoding: { x: { datum: r, type: "quantitative" } },
        },
      ],
    });
    w.sql(
      "checks",
      `-- Receivable rows used and rows left out, by reason\n${inputChecks(
        [params, rec, ctes.find((c) => c.name === "as_of")!],
        "rec_roles AS r, as_of AS a",
        [
          [MARKET_TEXT.checks.noCustomer, "r.customer_id IS NULL"],
          [MARKET_TEXT.checks.noAmount, "r.amount IS NULL"],
          [MARKET_TEXT.checks.noDueDate, "r.due_date IS NULL"],
          [MARKET_TEXT.checks.openReceivable, paid ? "r.paid_date IS NULL OR r.paid_date > a.day" : "TRUE"],
        ],
      )}`,
    );
    return w.cells;
  },
};
