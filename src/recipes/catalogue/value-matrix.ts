// Recipe 12, value matrix: current value (last 12 months) against growth potential (peer-benchmark headroom,
// formula CLV or predicted CLV minus current value), split at medians or set cut points, with each quadrant's strategy.
import { CellWriter, scatterSample } from "../cells";
import { customerCtes, customersSlot, hasCustomerRole } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe, RoleNeed } from "../recipe";
import { worded } from "../params";
import { VALUE_MATRIX_TEXT } from "../../messages/recipes/value-matrix";
import { sqlNumber, sqlString, withQuery } from "../sql";
import {
  ANALYSIS_DATE,
  measureParam,
  RETURNS_NOTE,
  checksQuery,
  marginNeed,
  transactionCtes,
  transactionsSlot,
} from "../transactions";
import { FORMULA_PARAMS, formulaCtes } from "./clv-formula";
import { PREDICTIVE_PARAMS } from "./clv-predictive";
import { writePredictive } from "./clv-predictive-cells";

/** The four quadrants with their investment and relationship strategy (analytics.md, recipe 12), worded now. */
export function quadrants() {
  const q = VALUE_MATRIX_TEXT.quadrants;
  const quadrant = (
    current: "high" | "low",
    potential: "high" | "low",
    [name, invest, relationship]: readonly string[],
  ) => ({ current, potential, quadrant: name, invest, relationship });
  return [
    quadrant("high", "high", q.highHigh),
    quadrant("high", "low", q.highLow),
    quadrant("low", "high", q.lowHigh),
    quadrant("low", "low", q.lowLow),
  ];
}

/** The customer value matrix. */
export const valueMatrix: Recipe = {
  id: "value-matrix",
  get title() {
    return VALUE_MATRIX_TEXT.title;
  },
  get question() {
    return VALUE_MATRIX_TEXT.question;
  },
  family: "value",
  inputs: [transactionsSlot(), customersSlot(false, ["industry"])],
  params: [
    measureParam("margin"),
    {
      name: "potential",
      type: "choice",
      get label() {
        return VALUE_MATRIX_TEXT.potential.label;
      },
      default: "peer",
      get options() {
        const t = VALUE_MATRIX_TEXT.potential;
        return [
          { value: "peer", label: t.peer },
          { value: "formula_clv", label: t.formula },
          { value: "predictive_clv", label: t.predictive },
        ];
      },
    },
    worded({ name: "peer_pct", type: "number", default: 75, min: 1, max: 100 }, () => ({
      label: VALUE_MATRIX_TEXT.peerPct,
    })),
    ANALYSIS_DATE,
    ...FORMULA_PARAMS,
    worded({ name: "current_cut", type: "number", default: null }, () => VALUE_MATRIX_TEXT.currentCut),
    worded({ name: "potential_cut", type: "number", default: null }, () => VALUE_MATRIX_TEXT.potentialCut),
    ...PREDICTIVE_PARAMS,
  ],
  needs: (p): RoleNeed[] => marginNeed(p.text("measure")),
  build(ctx) {
    const w = new CellWriter(valueMatrix, ctx);
    const measure = ctx.params.text("measure");
    const text = VALUE_MATRIX_TEXT;
    const groups = text.peerGroups;
    const QUADRANTS = quadrants();
    const column = measure === "margin" ? "margin" : "amount";
    const peer = ctx.params.text("potential") === "peer";
    const predictive = ctx.params.text("potential") === "predictive_clv";
    // The predictive CLV cells are written after this one (the main cell comes first); this is their valuation cell.
    const predicted = w.name("clv");
    const peers = ["industry"].filter((r) => hasCustomerRole(ctx, r));
    const params = paramsCte(valueMatrix.params, ctx.params, [
      "analysis_date",
      "peer_pct",
      "retention",
      "discount",
      "horizon",
      "acquisition_cost",
      "current_cut",
      "potential_cut",
    ]);
    const group = peers.length ? peers.map((r) => `c.${r}`).join(", ") : "'all'";
    const potential = peer
      ? {
          name: "potential",
          comment: `peer headroom: the peer_pct percentile of current value among ${peers.length ? `customers of the same ${peers.join(" and ")}` : "all customers"}, minus own, at least 0`,
          body: `SELECT y.customer_id, y.m AS current_value, ${peers.length ? `concat_ws(' / ', ${peers.map((r) => `COALESCE(c.${r}, ${sqlString(groups.unknown)})`).join(", ")})` : sqlString(groups.all)} AS peer_group,
  -- quantile_cont takes a constant: ${sqlNumber(ctx.params.number("peer_pct") / 100, true)} is peer_pct / 100
  GREATEST(quantile_cont(y.m, ${sqlNumber(ctx.params.number("peer_pct") / 100, true)}) OVER (PARTITION BY ${group}) - y.m, 0) AS potential
FROM placed AS y CROSS JOIN params AS p${peers.length ? "\nLEFT JOIN cust AS c ON c.customer_id = y.customer_id" : ""}`,
        }
      : predictive
        ? {
            name: "potential",
            comment: `predicted CLV (cell ${predicted}: BG/NBD + Gamma-Gamma over the horizon, discounted) minus current value`,
            body: `SELECT y.customer_id, y.m AS current_value, ${sqlString(groups.predicted)} AS peer_group,
  v.lifetime_value - y.m AS potential
FROM placed AS y
JOIN "${predicted}" AS v ON v.customer_id = y.customer_id`,
          }
        : {
            name: "potential",
            comment:
              "formula CLV minus current value; with one retention rate for everyone it ranks like current value",
            body: `SELECT y.customer_id, y.m AS current_value, ${sqlString(groups.formula)} AS peer_group,
  y.m * f.f - p.acquisition_cost - y.m AS potential
FROM placed AS y, factor AS f, params AS p`,
          };
    const strategies = QUADRANTS.map(
      (q) =>
        `(${sqlString(q.current)}, ${sqlString(q.potential)}, ${sqlString(q.quadrant)}, ` +
        `${sqlString(q.invest)}, ${sqlString(q.relationship)})`,
    ).join(",\n    ");
    const main = w.sql(
      undefined,
      `-- Value matrix: current value = ${measure} in the last 12 months before the analysis date; potential =
-- ${peer ? "peer headroom (see the potential CTE)" : predictive ? `predicted CLV (cells ${w.name("summary")} to ${predicted}, below) minus current value` : "formula CLV minus current value"}.
-- High = at or above the cut point (the median unless set).
-- Customers with a purchase in the last 24 months are placed.
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...transactionCtes(ctx),
    ...formulaCtes(column as "margin" | "amount"),
    ...(peer && peers.length ? customerCtes(ctx, peers) : []),
    { name: "placed", body: "SELECT * FROM yearly WHERE bought_last_year OR bought_year_before" },
    potential,
    {
      name: "cuts",
      body: "SELECT COALESCE(p.current_cut, (SELECT median(current_value) FROM potential)) AS current_cut,\n  COALESCE(p.potential_cut, (SELECT median(potential) FROM potential)) AS potential_cut\nFROM params AS p",
    },
    {
      name: "strategy",
      body: `SELECT * FROM (VALUES\n    ${strategies}\n) AS s(current_level, potential_level, quadrant, invest, relationship)`,
    },
  ],
  `SELECT v.customer_id, v.peer_group, v.current_value, v.potential, k.current_cut, k.potential_cut, s.quadrant, s.invest, s.relationship
FROM potential AS v
CROSS JOIN cuts AS k
JOIN strategy AS s ON s.current_level = CASE WHEN v.current_value >= k.current_cut THEN 'high' ELSE 'low' END
  AND s.potential_level = CASE WHEN v.potential >= k.potential_cut THEN 'high' ELSE 'low' END
ORDER BY v.current_value DESC, v.customer_id`,
)}`,
    );
    if (predictive && writePredictive(w, ctx, valueMatrix.params, "summary").values !== predicted)
      throw new Error("value matrix: the predictive CLV cell is misnamed");
    w.sql(
      "quadrants",
      `-- Customers and value per quadrant with the strategy (every quadrant present)
SELECT q.quadrant, q.invest, q.relationship, count(c.customer_id) AS customers,
  COALESCE(sum(c.current_value), 0) AS current_value, COALESCE(sum(c.potential), 0) AS potential
FROM (VALUES ${QUADRANTS.map((q, i) => `(${i + 1}, ${sqlString(q.quadrant)}, ${sqlString(q.invest)}, ${sqlString(q.relationship)})`).join(",\n  ")}) AS q(quadrant_order, quadrant, invest, relationship)
LEFT JOIN "${main}" AS c ON c.quadrant = q.quadrant
GROUP BY q.quadrant_order, q.quadrant, q.invest, q.relationship
ORDER BY q.quadrant_order`,
    );
    const points = w.sql("points", scatterSample(main));
    w.chart("chart", points, {
      title: { text: text.chart.title, subtitle: text.chart.subtitle },
      layer: [
        {
          mark: { type: "point", filled: true, opacity: 0.6 },
          encoding: {
            x: { field: "current_value", type: "quantitative", title: text.chart.current(measure) },
            y: { field: "potential", type: "quantitative", title: text.chart.potential },
            color: { field: "quadrant", type: "nominal", title: null, sort: QUADRANTS.map((q) => q.quadrant) },
            tooltip: [
              { field: "customer_id", type: "nominal" },
              { field: "invest", type: "nominal" },
              { field: "relationship", type: "nominal" },
            ],
          },
        },
        {
          mark: { type: "rule", strokeDash: [4, 4] },
          encoding: { x: { aggregate: "min", field: "current_cut", type: "quantitative" } },
        },
        {
          mark: { type: "rule", strokeDash: [4, 4] },
          encoding: { y: { aggregate: "min", field: "potential_cut", type: "quantitative" } },
        },
      ],
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
