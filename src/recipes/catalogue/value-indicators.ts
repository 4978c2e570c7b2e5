// The indicators of the composite value score and its `indicators` parameter: `name:weight[:more|less]`
// entries, weights in [0, 1] that must add up to 1, each indicator min-max normalized in its direction.
import * as msg from "../../messages/recipes";
import type { ParamSpec } from "../params";
import { VALUE_INDICATORS_TEXT } from "../../messages/recipes/value-indicators";

/** One indicator with its weight and direction (`less`: smaller values score higher). */
export interface WeightedIndicator {
  readonly name: string;
  readonly weight: number;
  readonly direction: "more" | "less";
}

/** An indicator the score knows: its SQL per customer (over `tx`, grouped by customer) and what it needs. */
interface IndicatorDef {
  readonly sql: string;
  readonly direction: "more" | "less";
  readonly needs?: "margin" | "size";
}

/** Every indicator, by family: financial, transactions, loyalty, customer traits. */
export const INDICATORS: Readonly<Record<string, IndicatorDef>> = {
  revenue: { sql: "sum(t.amount)", direction: "more" },
  margin: { sql: "sum(t.margin)", direction: "more", needs: "margin" },
  margin_pct: { sql: "sum(t.margin) / NULLIF(sum(t.amount), 0)", direction: "more", needs: "margin" },
  orders: { sql: "count(*) FILTER (WHERE t.amount > 0)", direction: "more" },
  avg_order: { sql: "avg(t.amount) FILTER (WHERE t.amount > 0)", direction: "more" },
  largest_order: { sql: "max(t.amount)", direction: "more" },
  returns: { sql: "COALESCE(-sum(t.amount) FILTER (WHERE t.amount < 0), 0)", direction: "less" },
  recency: { sql: "datediff('day', max(t.date) FILTER (WHERE t.amount > 0), any_value(a.day))", direction: "less" },
  tenure: { sql: "datediff('day', min(t.date) FILTER (WHERE t.amount > 0), any_value(a.day))", direction: "more" },
  active_months: { sql: "count(DISTINCT date_trunc('month', t.date)) FILTER (WHERE t.amount > 0)", direction: "more" },
  size: { sql: "any_value(TRY_CAST(c.size AS DOUBLE))", direction: "more", needs: "size" },
};

/** The default: revenue 0.4, margin 0.3, orders 0.2, recency 0.1 (less is better). */
export const DEFAULT_INDICATORS: readonly WeightedIndicator[] = [
  { name: "revenue", weight: 0.4, direction: "more" },
  { name: "margin", weight: 0.3, direction: "more" },
  { name: "orders", weight: 0.2, direction: "more" },
  { name: "recency", weight: 0.1, direction: "less" },
];

/** Reads `revenue:0.4,recency:0.1:less` (direction defaults to the indicator's own). */
export function parseIndicators(text: string): WeightedIndicator[] {
  return text
    .split(",")
    .filter((e) => e.trim())
    .map((entry) => {
      const [name, weight, direction, extra] = entry.split(":").map((s) => s.trim());
      const w = Number(weight);
      if (!name || weight === undefined || weight === "" || !Number.isFinite(w) || extra !== undefined)
        throw new Error(msg.badWeightsEntry(entry.trim()));
      if (direction !== undefined && direction !== "more" && direction !== "less")
        throw new Error(msg.badWeightsEntry(entry.trim()));
      return {
        name,
        weight: w,
        direction: (direction as "more" | "less" | undefined) ?? INDICATORS[name]?.direction ?? "more",
      };
    });
}

/** Writes the indicators in their info-string form. */
export function formatIndicators(list: readonly WeightedIndicator[]): string {
  return list.map((i) => `${i.name}:${i.weight}:${i.direction}`).join(",");
}

/** Checks names, duplicates, each weight in [0, 1] and the sum equal to 1 (to 1e-9). */
export function validateIndicators(list: readonly WeightedIndicator[]): string[] {
  if (!list.length) return [msg.noIndicators()];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const i of list) {
    if (!(i.name in INDICATORS)) problems.push(msg.unknownIndicator(i.name, Object.keys(INDICATORS)));
    if (seen.has(i.name)) problems.push(msg.duplicateIndicator(i.name));
    seen.add(i.name);
    if (!(i.weight >= 0 && i.weight <= 1)) problems.push(msg.weightOutOfRange(i.name, i.weight));
  }
  const sum = list.reduce((s, i) => s + i.weight, 0);
  if (Math.abs(sum - 1) > 1e-9) problems.push(msg.weightsDoNotSum(sum));
  return problems;
}

/** The `indicators` parameter of the value score. */
export const INDICATORS_PARAM: ParamSpec = {
  name: "indicators",
  type: "custom",
  get label() {
    return VALUE_INDICATORS_TEXT.label;
  },
  get help() {
    return VALUE_INDICATORS_TEXT.help;
  },
  default: DEFAULT_INDICATORS,
  parse: parseIndicators,
  format: (value) => formatIndicators(value as readonly WeightedIndicator[]),
  validate: (value) => validateIndicators(value as readonly WeightedIndicator[]),
};
