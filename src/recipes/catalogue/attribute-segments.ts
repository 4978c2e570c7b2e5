// Recipe 1, attribute segments: customers by industry, by size band or by geography relative to a home
// region, with counts and revenue and margin shares per segment, and a customer-share vs value-share bar chart.
import { mustBeBelow } from "../../messages/recipes";
import { CellWriter } from "../cells";
import { customerCtes, customersSlot, hasCustomerRole } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe, RoleNeed } from "../recipe";
import { worded } from "../params";
import { sqlString, withQuery } from "../sql";
import { ATTRIBUTE_SEGMENTS_TEXT } from "../../messages/recipes/attribute-segments";
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

const T = ATTRIBUTE_SEGMENTS_TEXT;

/** The SQL that puts a customer (`c`) in a segment, per segmentation, with the labels of the current locale. */
function segmentSql(by: string): string {
  const label = (key: keyof typeof T.segments) => sqlString(T.segments[key]);
  const unknown = label("unknown");
  const sql: Record<string, string> = {
    industry: `COALESCE(c.industry, ${unknown})`,
    size: `CASE WHEN c.size IS NULL THEN ${unknown}
       WHEN TRY_CAST(c.size AS DOUBLE) IS NULL THEN c.size
       WHEN TRY_CAST(c.size AS DOUBLE) >= p.size_large THEN ${label("large")}
       WHEN TRY_CAST(c.size AS DOUBLE) >= p.size_medium THEN ${label("medium")}
       ELSE ${label("small")} END`,
    geography: `CASE WHEN c.region IS NULL AND c.country IS NULL THEN ${unknown}
       WHEN c.region = h.home_region THEN ${label("local")}
       WHEN list_contains(string_split(regexp_replace(p.nearby_regions, '\\s*,\\s*', ',', 'g'), ','), c.region) THEN ${label("regional")}
       WHEN c.country IS NULL OR c.country = h.home_country THEN ${label("national")}
       ELSE ${label("international")} END`,
  };
  return sql[by];
}
const NEEDS: Record<string, string[]> = { industry: ["industry"], size: ["size"], geography: ["region", "country"] };

/** Segments by an attribute of the customers table, valued from the transactions. */
export const attributeSegments: Recipe = {
  id: "attribute-segments",
  get title() {
    return ATTRIBUTE_SEGMENTS_TEXT.title;
  },
  get question() {
    return ATTRIBUTE_SEGMENTS_TEXT.question;
  },
  family: "segmentation",
  inputs: [customersSlot(true, ["industry", "size", "region", "country"]), transactionsSlot()],
  params: [
    {
      name: "by",
      type: "choice",
      get label() {
        return ATTRIBUTE_SEGMENTS_TEXT.by.label;
      },
      default: "industry",
      get options() {
        const t = ATTRIBUTE_SEGMENTS_TEXT.by;
        return [
          { value: "industry", label: t.industry },
          { value: "size", label: t.size },
          { value: "geography", label: t.geography },
        ];
      },
    },
    ANALYSIS_DATE,
    windowParam(12),
    worded({ name: "size_large", type: "number", default: 50_000_000, min: 0 }, () => ({ label: T.sizeLarge })),
    worded({ name: "size_medium", type: "number", default: 10_000_000, min: 0 }, () => ({ label: T.sizeMedium })),
    worded({ name: "home_region", type: "text", default: "" }, () => ({ label: T.homeRegion })),
    worded({ name: "home_country", type: "text", default: "" }, () => ({ label: T.homeCountry })),
    worded({ name: "nearby_regions", type: "text", default: "" }, () => ({ label: T.nearbyRegions })),
  ],
  needs: (p): RoleNeed[] => [
    { slot: "customers", anyOf: NEEDS[p.text("by")], because: T.segmentBecause(p.text("by")) },
  ],
  validate: (p) => (p.number("size_medium") < p.number("size_large") ? [] : [mustBeBelow(T.mediumShort, T.largeShort)]),
  build(ctx) {
    const w = new CellWriter(attributeSegments, ctx);
    const text = T;
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
      body: `SELECT e.*, CASE WHEN NOT e.listed THEN ${sqlString(text.segments.notListed)} ELSE ${segmentSql(by).replace(/\bc\./g, "e.")} END AS segment
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
        text: text.chart.title(!!margin, by),
        subtitle: text.chart.subtitle,
      },
      transform: [{ fold: ["customer_share", margin ? "margin_share" : "revenue_share"], as: ["measure", "share"] }],
      mark: "bar",
      encoding: {
        y: { field: "segment", type: "nominal", sort: { field: "revenue", order: "descending" }, title: null },
        x: { field: "share", type: "quantitative", title: text.chart.share, axis: { format: ".0%" } },
        yOffset: { field: "measure", type: "nominal" },
        color: { field: "measure", type: "nominal", title: null },
      },
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
