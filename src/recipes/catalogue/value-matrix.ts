// Recipe 12, value matrix: current value (last 12 months) against growth potential (peer-benchmark headroom,
// formula CLV or predicted CLV minus current value), split at medians or set cut points, with each quadrant's strategy.
import { CellWriter, scatterSample } from "../cells";
import { customerCtes, customersSlot, hasCustomerRole } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe, RoleNeed } from "../recipe";
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

/** The four quadrants with their investment and relationship strategy (analytics.md, recipe 12). */
export const QUADRANTS = [
  {
    current: "high",
    potential: "high",
    quadrant: "high current, high potential",
    invest: "top priority",
    relationship: "spare no effort to keep and grow",
  },
  {
    current: "high",
    potential: "low",
    quadrant: "high current, low potential",
    invest: "key",
    relationship: "keep at a high level",
  },
  {
    current: "low",
    potential: "high",
    quadrant: "low current, high potential",
    invest: "moderate",
    relationship: "rebuild",
  },
  { current: "low", potential: "low", quadrant: "low current, low potential", invest: "none", relationship: "let go" },
] as const;

/** The customer value matrix. */
export const valueMatrix: Recipe = {
  id: "value-matrix",
  title: "Value matrix",
  question: "Where should we invest: which customers are worth much now, and which could be worth more?",
  family: "value",
  inputs: [transactionsSlot(), customersSlot(false, ["industry"])],
  params: [
    measureParam("margin"),
    {
      name: "potential",
      type: "choice",
      label: "Growth potential",
      default: "peer",
      options: [
        { value: "peer", label: "Peer headroom: what similar customers buy (percentile below) minus current value" },
        { value: "formula_clv", label: "Formula CLV minus current value" },
        { value: "predictive_clv", label: "Predicted CLV (BG/NBD + Gamma-Gamma over the horizon) minus current value" },
      ],
    },
    { name: "peer_pct", type: "number", label: "Peer benchmark percentile", default: 75, min: 1, max: 100 },
    ANALYSIS_DATE,
    ...FORMULA_PARAMS,
    { name: "current_cut", type: "number", label: "High current value from", default: null, auto: "the median" },
    { name: "potential_cut", type: "number", label: "High potential from", default: null, auto: "the median" },
    ...PREDICTIVE_PARAMS,
  ],
  needs: (p): RoleNeed[] => marginNeed(p.text("measure")),
  build(ctx) {
    const w = new CellWriter(valueMatrix, ctx);
    const measure = ctx.params.text("measure");
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
          body: `SELECT y.customer_id, y.m AS current_value, ${peers.length ? `concat_ws(' / ', ${peers.map((r) => `COALESCE(c.${r}, '(unknown)')`).join(", ")})` : "'all customers'"} AS peer_group,
  -- quantile_cont takes a constant: ${sqlNumber(ctx.params.number("peer_pct") / 100, true)} is peer_pct / 100
  GREATEST(quantile_cont(y.m, ${sqlNumber(ctx.params.number("peer_pct") / 100, true)}) OVER (PARTITION BY ${group}) - y.m, 0) AS potential
FROM placed AS y CROSS JOIN params AS p${peers.length ? "\nLEFT JOIN cust AS c ON c.customer_id = y.customer_id" : ""}`,
        }
      : predictive
        ? {
            name: "potential",
            comment: `predicted CLV (cell ${predicted}: BG/NBD + Gamma-Gamma over the horizon, discounted) minus current value`,
            body: `SELECT y.customer_id, y.m AS current_value, 'predicted CLV' AS peer_group,
  v.lifetime_value - y.m AS potential
FROM placed AS y
JOIN "${predicted}" AS v ON v.customer_id = y.customer_id`,
          }
        : {
            name: "potential",
            comment:
              "formula CLV minus current value; with one retention rate for everyone it ranks like current value",
            body: `SELECT y.customer_id, y.m AS current_value, 'formula CLV' AS peer_group,
  y.m * f.f - p.acquisition_cost - y.m AS potential
FROM placed AS y, factor AS f, params AS p`,
          };
    const strategies = QUADRANTS.map(
      (q) => `(${sqlString(q.quadrant)}, ${sqlString(q.invest)}, ${sqlString(q.relationship)})`,
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
    { name: "strategy", body: `SELECT * FROM (VALUES\n    ${strategies}\n) AS s(quadrant, invest, relationship)` },
  ],
  `SELECT v.customer_id, v.peer_group, v.current_value, v.potential, k.current_cut, k.potential_cut, s.quadrant, s.invest, s.relationship
FROM potential AS v
CROSS JOIN cuts AS k
JOIN strategy AS s ON s.quadrant = concat(CASE WHEN v.current_value >= k.current_cut THEN 'high' ELSE 'low' END, ' current, ',
  CASE WHEN v.potential >= k.potential_cut THEN 'high' ELSE 'low' END, ' potential')
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
      title: { text: "Customer value matrix", subtitle: "Current value vs growth potential; lines at the cut points" },
      layer: [
        {
          mark: { type: "point", filled: true, opacity: 0.6 },
          encoding: {
            x: { field: "current_value", type: "quantitative", title: `Current value (${measure}, last 12 months)` },
            y: { field: "potential", type: "quantitative", title: "Growth potential" },
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
