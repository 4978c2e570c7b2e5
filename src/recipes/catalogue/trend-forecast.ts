// Recipe 23, trend and forecast: monthly spend (all, one account or one segment), fitted by a moving
// average, simple exponential smoothing or a linear trend, and forecast n months ahead; one chart for both.
import { MARKET_TEXT } from "../../messages/recipes/market-inputs";
import { TREND_TEXT as T } from "../../messages/recipes/trend-forecast";
import { CellWriter } from "../cells";
import { customerCtes, customersSlot } from "../customers";
import { paramsCte } from "../mapping";
import type { Recipe, RoleNeed } from "../recipe";
import { sqlString, withQuery } from "../sql";
import { ANALYSIS_DATE, RETURNS_NOTE, checksQuery, transactionCtes, transactionsSlot } from "../transactions";

const FIT: Record<string, string> = {
  moving_average: "avg(h.value) OVER (ORDER BY h.t ROWS BETWEEN p.window - 1 PRECEDING AND CURRENT ROW)",
  linear: "l.intercept + l.slope * h.t",
};
const FORECAST: Record<string, string> = {
  moving_average: "(SELECT fitted FROM fitted ORDER BY t DESC LIMIT 1)",
  exponential: "(SELECT fitted FROM fitted ORDER BY t DESC LIMIT 1)",
  linear: "l.intercept + l.slope * f.t",
};

/** Monthly spend with a fitted line and a forecast. */
export const trendForecast: Recipe = {
  id: "trend-forecast",
  get title() {
    return T.title;
  },
  get question() {
    return T.question;
  },
  family: "key accounts",
  inputs: [transactionsSlot([]), customersSlot(false, ["industry", "region", "size", "account_manager"])],
  params: [
    {
      name: "series",
      type: "choice",
      get label() {
        return T.series;
      },
      default: "total",
      get options() {
        return (["total", "customer", "industry", "region"] as const).map((value) => ({
          value,
          label: T.seriesOptions[value],
        }));
      },
    },
    {
      name: "focus",
      type: "text",
      get label() {
        return T.focus;
      },
      default: "",
    },
    {
      name: "method",
      type: "choice",
      get label() {
        return T.method;
      },
      default: "linear",
      get options() {
        return (["moving_average", "exponential", "linear"] as const).map((value) => ({
          value,
          label: T.methods[value],
        }));
      },
    },
    ANALYSIS_DATE,
    {
      name: "history_months",
      type: "number",
      get label() {
        return T.historyMonths;
      },
      default: 0,
      min: 0,
      max: 600,
      integer: true,
    },
    {
      name: "horizon",
      type: "number",
      get label() {
        return T.horizon;
      },
      default: 6,
      min: 1,
      max: 60,
      integer: true,
    },
    {
      name: "window",
      type: "number",
      get label() {
        return T.window;
      },
      default: 3,
      min: 1,
      max: 60,
      integer: true,
    },
    {
      name: "alpha",
      type: "number",
      get label() {
        return T.alpha;
      },
      default: 0.3,
      min: 0.01,
      max: 1,
    },
  ],
  needs: (p): RoleNeed[] =>
    ["industry", "region"].includes(p.text("series"))
      ? [{ slot: "customers", anyOf: [p.text("series")], because: T.seriesBecause(p.text("series")) }]
      : [],
  build(ctx) {
    const w = new CellWriter(trendForecast, ctx);
    const series = ctx.params.text("series");
    const method = ctx.params.text("method");
    const params = paramsCte(trendForecast.params, ctx.params, [
      "analysis_date",
      "focus",
      "history_months",
      "horizon",
      "window",
      "alpha",
    ]);
    const seg =
      series === "customer"
        ? "t.customer_id"
        : series === "total"
          ? sqlString(T.allCustomers)
          : `COALESCE(c.${series}, ${sqlString(MARKET_TEXT.unknown)})`;
    const kind = { history: sqlString(T.kinds.history), forecast: sqlString(T.kinds.forecast) };
    const line = {
      actual: sqlString(T.lines.actual),
      fitted: sqlString(T.lines.fitted),
      forecast: sqlString(T.lines.forecast),
    };
    const joins = ["industry", "region"].includes(series);
    const ses = method === "exponential";
    const main = w.sql(
      undefined,
      `-- Monthly net spend (${series === "total" ? "all customers" : `one ${series}: focus, or the largest`}) up to the last complete month before the analysis
-- date, months without purchases as 0. Fitted: ${method.replace("_", " ")}${method === "moving_average" ? " of the last `window` months" : ses ? " (level_t = alpha * x_t + (1 - alpha) * level_t-1, starting at the first month)" : " (least squares on the month number)"};
-- forecast: ${method === "linear" ? "the trend line extended" : "flat at the last fitted value"} for \`horizon\` months. kind = history or forecast.
${RETURNS_NOTE}
${withQuery(
  [
    params,
    ...transactionCtes(ctx),
    ...(joins ? customerCtes(ctx, [series]) : []),
    {
      name: "labelled",
      body: `SELECT ${seg} AS series, t.date, t.amount FROM tx AS t${joins ? "\nLEFT JOIN cust AS c ON c.customer_id = t.customer_id" : ""}`,
    },
    {
      name: "chosen",
      comment: "the focus series, or else the one with the most revenue",
      body: `SELECT COALESCE((SELECT series FROM labelled, params AS p WHERE series = p.focus LIMIT 1),
  (SELECT series FROM labelled GROUP BY series ORDER BY sum(amount) DESC, series LIMIT 1)) AS series`,
    },
    {
      name: "span",
      comment: "complete months only: the analysis date's month counts when the analysis date is its last day",
      body: `SELECT CASE WHEN p.history_months = 0 THEN date_trunc('month', min(l.date)) ELSE date_trunc('month', a.day + INTERVAL 1 DAY) - to_months(p.history_months) END AS first_month,
  date_trunc('month', a.day + INTERVAL 1 DAY) - INTERVAL 1 MONTH AS last_month
FROM labelled AS l, chosen AS k, as_of AS a, params AS p
WHERE l.series = k.series
GROUP BY a.day, p.history_months`,
    },
    {
      name: "history",
      body: `SELECT row_number() OVER (ORDER BY m.month) AS t, CAST(m.month AS DATE) AS month, COALESCE(sum(l.amount), 0) AS value
FROM span AS s, generate_series(s.first_month, s.last_month, INTERVAL 1 MONTH) AS m(month)
LEFT JOIN (SELECT l.* FROM labelled AS l JOIN chosen USING (series)) AS l ON date_trunc('month', l.date) = m.month
GROUP BY m.month`,
    },
    { name: "line", body: "SELECT regr_intercept(value, t) AS intercept, regr_slope(value, t) AS slope FROM history" },
    ses
      ? {
          name: "fitted",
          comment: "the smoothed level, month by month (closed form of the recursion, weights alpha * (1 - alpha)^age)",
          body: `SELECT h.t, h.month, h.value,
  (SELECT sum(x.value * CASE WHEN x.t = 1 THEN pow(1 - p.alpha, h.t - 1) ELSE p.alpha * pow(1 - p.alpha, h.t - x.t) END) FROM history AS x WHERE x.t <= h.t) AS fitted
FROM history AS h CROSS JOIN params AS p`,
        }
      : {
          name: "fitted",
          body: `SELECT h.t, h.month, h.value, ${FIT[method]} AS fitted\nFROM history AS h CROSS JOIN params AS p CROSS JOIN line AS l`,
        },
    {
      name: "future",
      body: `SELECT (SELECT max(t) FROM history) + i AS t, CAST((SELECT max(month) FROM history) + to_months(CAST(i AS INTEGER)) AS DATE) AS month
FROM params AS p, range(1, p.horizon + 1) AS r(i)`,
    },
  ],
  `SELECT (SELECT series FROM chosen) AS series, month, ${kind.history} AS kind, value, fitted FROM fitted
UNION ALL
SELECT (SELECT series FROM chosen), f.month, ${kind.forecast}, ${FORECAST[method]}, NULL
FROM future AS f CROSS JOIN line AS l
ORDER BY month`,
)}`,
    );
    const long = w.sql(
      "lines",
      `-- The same in long form for the chart: one row per month and line (actual, fitted, forecast)
SELECT month, ${line.actual} AS line, value FROM "${main}" WHERE kind = ${kind.history}
UNION ALL SELECT month, ${line.fitted}, fitted FROM "${main}" WHERE kind = ${kind.history} AND fitted IS NOT NULL
UNION ALL SELECT month, ${line.forecast}, value FROM "${main}" WHERE kind = ${kind.forecast}
UNION ALL SELECT * FROM (SELECT month, ${line.forecast}, fitted FROM "${main}" WHERE kind = ${kind.history} ORDER BY month DESC LIMIT 1)
ORDER BY line, month`,
    );
    w.chart("chart", long, {
      title: {
        text: T.chartTitle,
        subtitle: T.chartSubtitle(T.methodNames[method as keyof typeof T.methodNames]),
      },
      mark: { type: "line", point: true },
      encoding: {
        x: { field: "month", type: "temporal", title: null },
        y: { field: "value", type: "quantitative", title: T.spend },
        color: {
          field: "line",
          type: "nominal",
          title: null,
          scale: {
            domain: [T.lines.actual, T.lines.fitted, T.lines.forecast],
            range: ["#1f77b4", "#9e9e9e", "#ff7f0e"],
          },
        },
        strokeDash: {
          field: "line",
          type: "nominal",
          title: null,
          scale: {
            domain: [T.lines.actual, T.lines.fitted, T.lines.forecast],
            range: [
              [1, 0],
              [2, 2],
              [6, 3],
            ],
          },
        },
      },
    });
    w.sql("checks", `-- Rows used and rows left out, by reason\n${checksQuery(params, ctx)}`);
    return w.cells;
  },
};
