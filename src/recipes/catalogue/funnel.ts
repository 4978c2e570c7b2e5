// Recipe 24, funnel: deals per stage and the conversion from each stage to the next, by segment or account
// manager. A deal counts as having passed every stage before the furthest one it reached (skipped ones too);
// with per-stage date columns, a deal that has a stage's date has reached that stage.
import { badStageDates, badStages } from "../../messages/recipes";
import { FUNNEL_TEXT as T } from "../../messages/recipes/funnel";
import { MARKET_TEXT } from "../../messages/recipes/market-inputs";
import { CellWriter } from "../cells";
import { customerCtes, customersSlot } from "../customers";
import { paramsCte, roleCte, roleExpression } from "../mapping";
import { dateOrderOf } from "../role-settings";
import type { Recipe, RecipeContext } from "../recipe";
import { quoteIdent, sqlString, withQuery, type Cte } from "../sql";
import { inputChecks, segmentNeeds, slotHas, segmentParam, segmentSql, splitList } from "./market-inputs";

/** Stage counts and stage-to-stage conversion of the deal pipeline. */
export const funnel: Recipe = {
  id: "funnel",
  get title() {
    return T.title;
  },
  get question() {
    return T.question;
  },
  family: "key accounts",
  inputs: [
    { name: "deals", kind: "deals", required: true, roles: ["deal_id", "stage"], optional: ["customer_id"] },
    customersSlot(false, ["industry", "region", "size", "account_manager"]),
  ],
  params: [
    {
      name: "stages",
      type: "text",
      get label() {
        return T.stages;
      },
      default: "lead,opportunity,quote,won",
    },
    segmentParam("none"),
    {
      name: "stage_dates",
      type: "text",
      get label() {
        return T.stageDates;
      },
      default: "",
    },
  ],
  needs: (p) => [
    ...segmentNeeds(p.text("segment_by")),
    ...(p.text("segment_by") === "none" ? [] : [{ slot: "deals", anyOf: ["customer_id"], because: T.segmentsBecause }]),
  ],
  validate: (p) => {
    const stages = splitList(p.text("stages"));
    if (
      stages.length < 2 ||
      stages.length !==
        p
          .text("stages")
          .split(",")
          .filter((s) => s.trim()).length
    )
      return [badStages(p.text("stages"))];
    return stageDates(p.text("stage_dates"), stages) ? [] : [badStageDates(p.text("stage_dates"), stages)];
  },
  build(ctx) {
    const w = new CellWriter(funnel, ctx);
    const by = ctx.params.text("segment_by");
    const stages = splitList(ctx.params.text("stages"));
    const params = paramsCte(funnel.params, ctx.params, ["stages", "stage_dates"]);
    const dated = stageDates(ctx.params.text("stage_dates"), stages) ?? [];
    const deals = roleCte("deal_roles", "deals", ctx.tables.deals, ["deal_id", "stage", "customer_id"]);
    const main = w.sql(
      undefined,
      `-- Funnel over the stages ${stages.join(" > ")}${by === "none" ? "" : `, by ${by}`}. A deal's furthest stage is the latest listed stage
-- among its rows (a table may hold one row per deal, or one per stage reached); it counts as having reached
-- that stage and every stage before it, so a skipped stage is still passed. A deal whose stages are all
-- unlisted (e.g. "lost" without a history) counts at the first stage only. recorded = deals with a row at
-- the stage; skipped = deals that passed the stage with no row for it (only a stage history shows these).
-- conversion = reached / reached at the previous stage; overall = reached / reached at the first stage.${
        dated.length
          ? `
-- Per-stage dates (${dated.map((d) => `${d.stage}=${d.column}`).join(", ")}): a deal with the date has reached the stage.`
          : ""
      }
${withQuery(
  [
    params,
    deals,
    ...(by === "none" ? [] : customerCtes(ctx, [by])),
    ...stageDatedCte(ctx, dated, stages),
    {
      name: "stage_list",
      body: `SELECT * FROM (VALUES ${stages.map((s, i) => `(${i + 1}, ${sqlString(s)})`).join(", ")}) AS v(position, stage)`,
    },
    {
      name: "positioned",
      body: `SELECT d.deal_id, ${slotHas(ctx, "deals", "customer_id") ? "d.customer_id" : "CAST(NULL AS VARCHAR) AS customer_id"}, s.position
FROM deal_roles AS d LEFT JOIN stage_list AS s ON lower(trim(d.stage)) = lower(s.stage)
WHERE d.deal_id IS NOT NULL${dated.length ? "\nUNION ALL\nSELECT deal_id, customer_id, position FROM stage_dated" : ""}`,
    },
    {
      name: "per_deal",
      body: `SELECT g.deal_id, ${segmentSql(by)} AS segment, COALESCE(max(g.position), 1) AS furthest, list(DISTINCT g.position) FILTER (WHERE g.position IS NOT NULL) AS recorded
FROM positioned AS g${by === "none" ? "" : "\nLEFT JOIN cust AS c ON c.customer_id = g.customer_id"}
GROUP BY ALL`,
    },
    { name: "segments", body: "SELECT DISTINCT segment FROM per_deal" },
  ],
  `SELECT g.segment, s.position, s.stage,
  count(d.deal_id) AS reached,
  count(d.deal_id) FILTER (WHERE list_contains(d.recorded, s.position)) AS recorded,
  CASE WHEN (SELECT max(len(recorded)) FROM per_deal) > 1
    THEN count(d.deal_id) FILTER (WHERE NOT list_contains(d.recorded, s.position) AND list_max(d.recorded) > s.position) END AS skipped,
  count(d.deal_id) / NULLIF(lag(count(d.deal_id)) OVER (PARTITION BY g.segment ORDER BY s.position), 0) AS conversion,
  count(d.deal_id) / NULLIF(first_value(count(d.deal_id)) OVER (PARTITION BY g.segment ORDER BY s.position), 0) AS overall
FROM segments AS g CROSS JOIN stage_list AS s
LEFT JOIN per_deal AS d ON d.segment = g.segment AND d.furthest >= s.position
GROUP BY g.segment, s.position, s.stage
ORDER BY g.segment, s.position`,
)}`,
    );
    w.chart("chart", main, {
      title: {
        text: T.chartTitle,
        subtitle: T.chartSubtitle,
      },
      mark: "bar",
      encoding: {
        y: { field: "stage", type: "nominal", title: null, sort: stages },
        x: { field: "reached", type: "quantitative", title: T.reached },
        ...(by === "none"
          ? {}
          : {
              yOffset: { field: "segment", type: "nominal" },
              color: {
                field: "segment",
                type: "nominal",
                title: MARKET_TEXT.segmentNames[by as keyof typeof MARKET_TEXT.segmentNames] ?? by,
              },
            }),
        tooltip: [
          { field: "segment", type: "nominal" },
          { field: "stage", type: "nominal" },
          { field: "reached", type: "quantitative" },
          { field: "conversion", type: "quantitative", format: ".0%" },
          { field: "overall", type: "quantitative", format: ".0%" },
        ],
      },
    });
    const list = `[${stages.map((st) => sqlString(st.toLowerCase())).join(", ")}]`;
    w.sql(
      "checks",
      `-- Deal rows used and rows left out, by reason\n${inputChecks([params, deals], "deal_roles AS d", [
        [MARKET_TEXT.checks.noDeal, "d.deal_id IS NULL"],
        [MARKET_TEXT.checks.unlistedStage, `NOT list_contains(${list}, lower(trim(d.stage)))`],
      ])}`,
    );
    return w.cells;
  },
};

/** Parses `stage=column, ...` (stages matched ignoring case); undefined when unreadable or a stage is not listed. */
export function stageDates(
  text: string,
  stages: readonly string[],
): { stage: string; column: string; position: number }[] | undefined {
  const out: { stage: string; column: string; position: number }[] = [];
  for (const item of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const at = item.indexOf("=");
    const stage = item.slice(0, at).trim();
    const column = item.slice(at + 1).trim();
    const position = stages.findIndex((s) => s.toLowerCase() === stage.toLowerCase()) + 1;
    if (at < 0 || !column || position === 0) return undefined;
    out.push({ stage, column, position });
  }
  return out;
}

/** `stage_dated`: one row per deal and stage whose date column holds a readable date. */
function stageDatedCte(
  ctx: RecipeContext,
  dated: readonly { column: string; position: number }[],
  stages: readonly string[],
): Cte[] {
  if (!dated.length) return [];
  const binding = ctx.tables.deals;
  const id = roleExpression(binding.roles.deal_id, "id");
  const order = dateOrderOf(binding.roles);
  const customer = slotHas(ctx, "deals", "customer_id")
    ? roleExpression(binding.roles.customer_id, "id")
    : "CAST(NULL AS VARCHAR)";
  const rows = dated.map(
    (d) =>
      `SELECT ${id} AS deal_id, ${customer} AS customer_id, ${d.position} AS position\nFROM ${quoteIdent(binding.table)}\nWHERE ${roleExpression(d.column, "date", order)} IS NOT NULL`,
  );
  return [
    {
      name: "stage_dated",
      comment: `deals with the date of a stage (${stages.length} stages listed)`,
      body: rows.join("\nUNION ALL\n"),
      reads: [binding.table],
    },
  ];
}
