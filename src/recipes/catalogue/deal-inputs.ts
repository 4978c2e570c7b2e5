// The deals table as the competitor, price, priority and risk recipes read it: the outcome parameters
// (which stage texts mean won or lost), and a `deal` CTE with one row per deal, its outcome and segment.
import { DEAL_TEXT } from "../../messages/recipes/deal-inputs";
import { MARKET_TEXT } from "../../messages/recipes/market-inputs";
import { customerCtes } from "../customers";
import { roleCte } from "../mapping";
import type { ParamSpec } from "../params";
import type { RecipeContext } from "../recipe";
import { sqlString, type Cte } from "../sql";
import { inputChecks, segmentSql, slotHas, splitList, sqlLowerList } from "./market-inputs";

/** Which stage (or outcome) texts count as won and as lost; anything else is open. */
export const OUTCOME_PARAMS: readonly ParamSpec[] = [
  {
    name: "won",
    type: "text",
    get label() {
      return DEAL_TEXT.wonStages;
    },
    default: "won,closed won",
  },
  {
    name: "lost",
    type: "text",
    get label() {
      return DEAL_TEXT.lostStages;
    },
    default: "lost,closed lost",
  },
];

/** The outcome of a deal from its stage text: won, lost or open (case and spaces ignored). */
export function outcomeSql(ctx: RecipeContext, stage = "d.stage"): string {
  const won = sqlLowerList(splitList(ctx.params.text("won")));
  const lost = sqlLowerList(splitList(ctx.params.text("lost")));
  return `CASE WHEN list_contains(${won}, lower(trim(${stage}))) THEN 'won' WHEN list_contains(${lost}, lower(trim(${stage}))) THEN 'lost' ELSE 'open' END`;
}

/** The competitor of a deal naming none, `(none)`, as a SQL literal in the current locale. */
export function noCompetitor(): string {
  return sqlString(MARKET_TEXT.none);
}

/** Attributes of the deal itself that segment deals (the sales agent, product, lead source, the deal's region). */
export const DEAL_SEGMENTS: Readonly<Record<string, string>> = {
  owner: "owner",
  product: "product",
  source: "source",
  deal_region: "region",
};

/** The segment of a deal row `d` joined to its customer `c`: a deal attribute, a customer attribute, or `All`. */
export function dealSegmentSql(by: string): string {
  return by in DEAL_SEGMENTS ? `COALESCE(d.${DEAL_SEGMENTS[by]}, ${sqlString(MARKET_TEXT.unknown)})` : segmentSql(by);
}

/**
 * The CTEs `deal_roles` (mapping), `cust` when segmenting by a customer attribute, and `deal`: one row per deal
 * id (a deal listed twice keeps its last row by close or create date), with outcome, `(none)` for no
 * competitor, and segment (`by`: none, a customer attribute, or a key of DEAL_SEGMENTS).
 */
export function dealCtes(ctx: RecipeContext, by: string): Cte[] {
  const base = [
    "deal_id",
    "stage",
    "customer_id",
    "competitor",
    "our_price",
    "competitor_price",
    "amount",
    "loss_reason",
    "created",
    "closed",
  ];
  const roles = by in DEAL_SEGMENTS ? [...base, DEAL_SEGMENTS[by]] : base;
  const byCustomer = by !== "none" && !(by in DEAL_SEGMENTS);
  const has = (r: string) => slotHas(ctx, "deals", r);
  const col = (r: string, type: string) => (has(r) ? `d.${r}` : `CAST(NULL AS ${type}) AS ${r}`);
  const order = [has("closed") ? "d.closed" : null, has("created") ? "d.created" : null].filter(Boolean).join(", ");
  return [
    roleCte("deal_roles", "deals", ctx.tables.deals, roles),
    ...(byCustomer ? customerCtes(ctx, [by]) : []),
    {
      name: "deal",
      comment: "one row per deal: its outcome, competitor ((none) when not named) and segment",
      body: `SELECT d.deal_id, ${col("customer_id", "VARCHAR")}, d.stage, ${outcomeSql(ctx)} AS outcome,
  COALESCE(NULLIF(trim(${has("competitor") ? "d.competitor" : "NULL"}), ''), ${noCompetitor()}) AS competitor,
  ${col("amount", "DOUBLE")}, ${col("our_price", "DOUBLE")}, ${col("competitor_price", "DOUBLE")},
  ${col("loss_reason", "VARCHAR")}, ${col("created", "DATE")}, ${col("closed", "DATE")},
  ${dealSegmentSql(by)} AS segment
FROM deal_roles AS d${byCustomer ? "\nLEFT JOIN cust AS c ON c.customer_id = d.customer_id" : ""}
WHERE d.deal_id IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY d.deal_id ORDER BY ${
        order
          ? `${order
              .split(", ")
              .map((o) => `${o} DESC NULLS LAST`)
              .join(", ")}, `
          : ""
      }d.stage) = 1`,
    },
  ];
}

/** The checks query of a deals recipe: rows without a deal id, deals without a competitor, deals without both prices. */
export function dealChecks(ctx: RecipeContext, params: Cte): string {
  const has = (r: string) => slotHas(ctx, "deals", r);
  return inputChecks(
    [
      params,
      roleCte("deal_roles", "deals", ctx.tables.deals, [
        "deal_id",
        "stage",
        "competitor",
        "our_price",
        "competitor_price",
      ]),
    ],
    "deal_roles AS d",
    [
      [MARKET_TEXT.checks.noDeal, "d.deal_id IS NULL"],
      [MARKET_TEXT.checks.noCompetitor, has("competitor") ? "NULLIF(trim(d.competitor), '') IS NULL" : "TRUE"],
      ...(has("our_price") && has("competitor_price")
        ? [
            [
              MARKET_TEXT.checks.noPrices,
              "d.our_price IS NULL OR d.competitor_price IS NULL OR d.competitor_price <= 0",
            ] as const,
          ]
        : []),
    ],
  );
}
