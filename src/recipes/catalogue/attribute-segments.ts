// Recipe 1, attribute segments: customers by industry, by size band or by geography relative to a home
// region, with counts and revenue and margin shares per segment, and a customer-share vs value-share bar chart.
import { mustBeBelow } from "../../messages/recipes";
import { CellWriter } from "../cells";
import { customerCtes, customersSlot, hasCustomerRole } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe, RoleNeed } from "../recipe";
import { withQuery } from "../sql";
import {
  ANALYSIS_DATE,
  RETURNS_NOTE,
  windowParam,
  checksQuery,
  perCustomerCte,
  transactionCtes,
  transactionsSlot,
  txFeatures,
} from "../transactions";

const SEGMENT_SQL: Record<string, string> = {
  industry: "COALESCE(c.industry, '(unknown)')",
  size: `CASE WHEN c.size IS NULL THEN '(unknown)'
       WHEN TRY_CAST(c.size AS DOUBLE) IS NULL THEN c.size
       WHEN TRY_CAST(c.size AS DOUBLE) >= p.size_large THEN 'large'
       WHEN TRY_CAST(c.size AS DOUBLE) >= p.size_medium THEN 'medium'
       ELSE 'small' END`,
  geography: `CASE WHEN c.region IS NULL AND c.country IS NULL THEN '(unknown)'
       WHEN c.region = h.home_region THEN 'local'
       WHEN list_contains(string_split(regexp_replace(p.nearby_regions, '\\s*,\\s*', ',', 'g'), ','), c.region) THEN 'regional'
       WHEN c.country IS NULL OR c.country = h.home_country THEN 'national'
       ELSE 'international' END`,
};

const NEEDS: Record<string, string[]> = { industry: ["industry"], size: ["size"], geography: ["region", "country"] };

/** Segments by an attribute of the customers table, valued from the transactions. */
export const attributeSegments: Recipe = {
  id: "attribute-segments",
  title: "Attribute segments",
  question: "How do industries, size bands or regions compare in customers, revenue and margin?",
  family: "segmentation",
  inputs: [customersSlot(true, ["industry", "size", "region", "country"]), transactionsSlot()],
  params: [
    {
      name: "by",
      type: "choice",
      label: "Segment by",
      default: "industry",
      options: [
        { value: "industry", label: "Industry" },
        { value: "size", label: "Size band (large / medium / small)" },
        { value: "geography", label: "Geography (local / regional / national / international)" },
      ],
    },
    ANALYSIS_DATE,
    windowParam(12),
    {
      name: "size_large",
      type: "number",
      label: "Large from (size, e.g. annual revenue)",
      default: 50_000_000,
      min: 0,
    },
    { name: "size_medium", type: "number", label: "Medium from (size)", default: 10_000_000, min: 0 },
    { name: "home_region", type: "text", label: "Home region (empty: the most common region)", default: "" },
    { name: "home_country", type: "text", label: "Home country (empty: the most common country)", default: "" },
    { name: "nearby_regions", type: "text", label: "Regional: these regions (comma-separated)", default: "" },
  ],
  needs: (p): RoleNeed[] => [
    { slot: "customers", anyOf: NEEDS[p.text("by")], because: `segment by = ${p.text("by")}` },
  ],
  validate: (p) => (p.number("size_medium") < p.number("size_large") ? [] : [mustBeBelow("Medium from", "Large from")]),
  build(ctx) {
    const w = new CellWriter(attributeSegments, ctx);
    const by = ctx.params.text("by");
    const features = txFeatures(ctx);
    const roles = ["industry", "size", "region", "country"].filter((r) => hasCustomerRole(ctx, r));
    const params = paramsCte(attributeSegments.params, ctx.params, [
      "analysis_date",
      "months",
      "size_large",
      "size_medium",
      "home_region",
      "home_country",
      "nearby_regions",
    ]);
    const region = roles.includes("region")
      ? "(SELECT mode(region) FILTER (WHERE region IS NOT NULL) FROM cust)"
      : "CAST(NULL AS VARCHAR)";
    const country = roles.includes("country")
      ? "(SELECT mode(country) FILTER (WHERE country IS NOT NULL) FROM cust)"
      : "CAST(NULL AS VARCHAR)";
    const withNulls = ["industry", "size", "region", "country"].map((r) =>
      roles.includes(r) ? `c.${r}` : `CAST(NULL AS VARCHAR) AS ${r}`,
    );
    const margin = features.margin;
    const main = w.sql(
      undefined,
      `-- Attribute segments by ${by}: every customer of the customers table, plus buyers missing from it.
-- Revenue${margin ? " and margin" : ""} within the look-back window. Size: a number is banded at size_medium and
-- size_large; a text size (e.g. "small") is used as written. Geography: local = the home region,
-- regional = one of nearby_regions, national = the home country, international = elsewhere.
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...customerCtes(ctx, roles),
    ...transactionCtes(ctx),
    perCustomerCte(features, true),
    {
      name: "home",
      comment: "the home region and country: the parameters, or the most common ones",
      body: `SELECT COALESCE(NULLIF(p.home_region, ''), ${region}) AS home_region,\n  COALESCE(NULLIF(p.home_country, ''), ${country}) AS home_country\nFROM params AS p`,
    },
    {
      name: "everyone",
      comment: "customers table and buyers, joined on the customer id",
      body: `SELECT COALESCE(c.customer_id, v.customer_id) AS customer_id, c.customer_id IS NOT NULL AS listed,
  ${withNulls.join(", ")}, v.revenue,${margin ? " v.margin," : ""} COALESCE(v.orders, 0) AS orders
FROM cust AS c FULL OUTER JOIN per_customer AS v ON v.customer_id = c.customer_id`,
    },
    {
      name: "segmented",
      body: `SELECT e.*, CASE WHEN NOT e.listed THEN '(not in customers table)' ELSE ${SEGMENT_SQL[by].replace(/\bc\./g, "e.")} END AS segment
FROM everyone AS e, params AS p, home AS h`,
    },
  ],
  `SELECT segment,
  count(*) AS customers,
  count(*) / sum(count(*)) OVER () AS customer_share,
  count(*) FILTER (WHERE orders > 0) AS buyers,
  COALESCE(sum(revenue), 0) AS revenue,
  sum(revenue) / NULLIF(sum(sum(revenue)) OVER (), 0) AS revenue_share${
    margin
      ? `,
  COALESCE(sum(margin), 0) AS margin,
  sum(margin) / NULLIF(sum(sum(margin)) OVER (), 0) AS margin_share`
      : ""
  }
FROM segmented
GROUP BY segment
ORDER BY revenue DESC, segment`,
)}`,
    );
    w.chart("chart", main, {
      title: {
        text: `Customers and ${margin ? "margin" : "revenue"} by ${by}`,
        subtitle: "Share of customers vs share of value per segment",
      },
      transform: [{ fold: ["customer_share", margin ? "margin_share" : "revenue_share"], as: ["measure", "share"] }],
      mark: "bar",
      encoding: {
        y: { field: "segment", type: "nominal", sort: { field: "revenue", order: "descending" }, title: null },
        x: { field: "share", type: "quantitative", title: "Share", axis: { format: ".0%" } },
        yOffset: { field: "measure", type: "nominal" },
        color: { field: "measure", type: "nominal", title: null },
      },
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
