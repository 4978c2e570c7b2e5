// Recipe 10, composite value score: CBV = sum of w_i * v_i over chosen indicators, each min-max normalized
// in its direction, weights in [0, 1] summing to 1; ranked, grouped into tiers, with a contribution chart.
import { CellWriter } from "../cells";
import { customerCtes, customersSlot } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe, RoleNeed } from "../recipe";
import { worded } from "../params";
import { VALUE_SCORE_TEXT } from "../../messages/recipes/value-score";
import { sqlNumber, withQuery } from "../sql";
import {
  ANALYSIS_DATE,
  RETURNS_NOTE,
  windowParam,
  checksQuery,
  transactionCtes,
  transactionsSlot,
} from "../transactions";
import { INDICATORS, INDICATORS_PARAM, type WeightedIndicator } from "./value-indicators";

/** The composite customer value score. */
export const valueScore: Recipe = {
  id: "value-score",
  get title() {
    return VALUE_SCORE_TEXT.title;
  },
  get question() {
    return VALUE_SCORE_TEXT.question;
  },
  family: "value",
  inputs: [transactionsSlot(), customersSlot(false, ["size"])],
  params: [
    ANALYSIS_DATE,
    INDICATORS_PARAM,
    windowParam(),
    worded({ name: "tiers", type: "number", default: 3, min: 1, max: 10, integer: true }, () => VALUE_SCORE_TEXT.tiers),
    worded(
      { name: "top_n", type: "number", default: 20, min: 1, max: 500, integer: true },
      () => VALUE_SCORE_TEXT.topN,
    ),
  ],
  needs(p) {
    const list = p.value<WeightedIndicator[]>("indicators");
    const needs: RoleNeed[] = [];
    if (list.some((i) => INDICATORS[i.name]?.needs === "margin"))
      needs.push({ slot: "transactions", anyOf: ["margin", "cost"], because: VALUE_SCORE_TEXT.marginBecause });
    if (list.some((i) => INDICATORS[i.name]?.needs === "size"))
      needs.push({ slot: "customers", anyOf: ["size"], because: VALUE_SCORE_TEXT.sizeBecause });
    return needs;
  },
  build(ctx) {
    const w = new CellWriter(valueScore, ctx);
    const list = ctx.params.value<WeightedIndicator[]>("indicators");
    const withSize = list.some((i) => i.name === "size");
    const params = paramsCte(
      valueScore.params,
      ctx.params,
      ["analysis_date", "months", "tiers"],
      list.map((i) => ({
        name: `w_${i.name}`,
        sql: sqlNumber(i.weight, true),
        comment: `weight of ${i.name} (${i.direction} is better)`,
      })),
    );
    const raw = list.map((i) => `  ${INDICATORS[i.name].sql} AS ${i.name}`).join(",\n");
    const norm = list
      .map((i) => {
        const scaled = `(${i.name} - min(${i.name}) OVER ()) / NULLIF(max(${i.name}) OVER () - min(${i.name}) OVER (), 0)`;
        const directed = i.direction === "less" ? `1 - ${scaled}` : scaled;
        return `  CASE WHEN ${i.name} IS NULL THEN 0 WHEN max(${i.name}) OVER () = min(${i.name}) OVER () THEN 0.5 ELSE ${directed} END AS n_${i.name}`;
      })
      .join(",\n");
    const parts = list.map((i) => `p.w_${i.name} * n_${i.name} AS part_${i.name}`).join(",\n  ");
    const score = list.map((i) => `p.w_${i.name} * n_${i.name}`).join(" + ");
    const main = w.sql(
      undefined,
      `-- Composite value score = ${list.map((i) => `${i.weight} * ${i.name}`).join(" + ")}, over customers with a purchase
-- (within the look-back window). Each indicator is min-max normalized to 0-1 (1 = best: for "less is
-- better" indicators the scale is reversed); an indicator equal for everyone gives 0.5, a missing value 0.
-- Tier 1 holds the top 1/tiers of customers by score (ties broken by customer_id).
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...transactionCtes(ctx),
    ...(withSize ? customerCtes(ctx, ["size"]) : []),
    {
      name: "raw",
      comment: "each indicator per customer",
      body: `SELECT t.customer_id,\n${raw}\nFROM tx AS t CROSS JOIN params AS p CROSS JOIN as_of AS a${withSize ? "\nLEFT JOIN cust AS c ON c.customer_id = t.customer_id" : ""}\nWHERE p.months = 0 OR t.date > a.day - to_months(p.months)\nGROUP BY t.customer_id\nHAVING count(*) FILTER (WHERE t.amount > 0) > 0`,
    },
    { name: "normalized", comment: "0 = worst, 1 = best", body: `SELECT *,\n${norm}\nFROM raw` },
    { name: "scored", body: `SELECT *,\n  ${parts},\n  ${score} AS score\nFROM normalized, params AS p` },
  ],
  `SELECT row_number() OVER (ORDER BY score DESC, customer_id) AS rank,
  ntile(p.tiers) OVER (ORDER BY score DESC, customer_id) AS tier,
  customer_id, score, ${list.map((i) => `${i.name}, n_${i.name}, part_${i.name}`).join(", ")}
FROM scored, params AS p
ORDER BY rank`,
)}`,
    );
    w.sql(
      "tiers",
      `-- Customers, score range and indicator means per tier\nSELECT tier, count(*) AS customers, min(score) AS min_score, max(score) AS max_score, ${list.map((i) => `avg(${i.name}) AS avg_${i.name}`).join(", ")}\nFROM "${main}"\nGROUP BY tier\nORDER BY tier`,
    );
    const top = w.sql(
      "top",
      `-- The top customers by score, for the chart\nSELECT * FROM "${main}" WHERE rank <= ${ctx.params.number("top_n")} ORDER BY rank`,
    );
    w.chart("chart", top, {
      title: { text: VALUE_SCORE_TEXT.chart.title, subtitle: VALUE_SCORE_TEXT.chart.subtitle },
      transform: [{ fold: list.map((i) => `part_${i.name}`), as: ["indicator", "contribution"] }],
      mark: "bar",
      encoding: {
        y: {
          field: "customer_id",
          type: "nominal",
          sort: { field: "rank", op: "min", order: "ascending" },
          title: null,
        },
        x: {
          field: "contribution",
          type: "quantitative",
          title: VALUE_SCORE_TEXT.chart.score,
          stack: "zero",
          scale: { domain: [0, 1] },
        },
        color: { field: "indicator", type: "nominal", title: VALUE_SCORE_TEXT.chart.indicator },
      },
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
