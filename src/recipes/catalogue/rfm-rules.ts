// The RFM segment rule table: a parameter of the RFM recipe. Rules are tried in order and the first whose
// R, F and M score ranges all hold names the customer's segment ("Other" when none does).
import { badRule, badRuleRange, noRules } from "../../messages/recipes";
import type { ParamSpec } from "../params";
import { sqlNumber, sqlString } from "../sql";

/** One named segment: inclusive score ranges for recency, frequency and monetary (1-5). */
export interface SegmentRule {
  readonly segment: string;
  readonly r: readonly [number, number];
  readonly f: readonly [number, number];
  readonly m: readonly [number, number];
}

const rule = (
  segment: string,
  r: [number, number],
  f: [number, number],
  m: [number, number] = [1, 5],
): SegmentRule => ({ segment, r, f, m });

/**
 * The default 11 segments. They follow the widely used R x F segment map (champions top right, hibernating
 * and lost bottom left) and together cover all 125 score combinations, so "Other" never appears with them;
 * monetary only separates "Can't lose them" (big spenders gone quiet) from "At risk".
 */
export const DEFAULT_RULES: readonly SegmentRule[] = [
  rule("Champions", [5, 5], [4, 5]),
  rule("Loyal", [3, 4], [4, 5]),
  rule("Potential loyalist", [4, 5], [2, 3]),
  rule("New", [5, 5], [1, 1]),
  rule("Promising", [4, 4], [1, 1]),
  rule("Need attention", [3, 3], [3, 3]),
  rule("About to sleep", [3, 3], [1, 2]),
  rule("Can't lose them", [1, 2], [4, 5], [4, 5]),
  rule("At risk", [1, 2], [3, 5]),
  rule("Hibernating", [2, 2], [1, 2]),
  rule("Lost", [1, 1], [1, 2]),
];

/**
 * The example table of the R package rfm (`rfm_segment`'s documentation): 10 segments tried in order, the
 * first match kept (as the package does), and "Others" for the rest, so results match the package's.
 */
export const RFM_PACKAGE_RULES: readonly SegmentRule[] = [
  { segment: "Champions", r: [5, 5], f: [5, 5], m: [5, 5] },
  { segment: "Potential Loyalist", r: [3, 5], f: [3, 5], m: [2, 5] },
  { segment: "Loyal Customers", r: [2, 4], f: [2, 4], m: [2, 4] },
  { segment: "Promising", r: [3, 4], f: [1, 3], m: [3, 5] },
  { segment: "New Customers", r: [4, 5], f: [1, 3], m: [1, 5] },
  { segment: "Can't Lose Them", r: [1, 2], f: [3, 4], m: [4, 5] },
  { segment: "At Risk", r: [1, 2], f: [2, 5], m: [4, 5] },
  { segment: "Need Attention", r: [1, 3], f: [3, 5], m: [3, 5] },
  { segment: "About To Sleep", r: [2, 3], f: [1, 3], m: [1, 4] },
  { segment: "Lost", r: [1, 1], f: [1, 5], m: [1, 5] },
  { segment: "Others", r: [1, 5], f: [1, 5], m: [1, 5] },
];

/** Named rule tables, written by name in the info string: `segments=standard` or `segments=rfm_package`. */
export const RULE_PRESETS: Readonly<Record<string, readonly SegmentRule[]>> = {
  standard: DEFAULT_RULES,
  rfm_package: RFM_PACKAGE_RULES,
};

/** The segment for customers no rule matches. */
export const OTHER_SEGMENT = "Other";

const range = (text: string): [number, number] | undefined => {
  const m = /^\s*(\d)\s*(?:-\s*(\d)\s*)?$/.exec(text);
  return m ? [Number(m[1]), Number(m[2] ?? m[1])] : undefined;
};

/** Reads `Name:R-R/F-F/M-M;...` or a preset name (the info-string form of the rule table). */
export function parseRules(text: string): SegmentRule[] {
  const preset = RULE_PRESETS[text.trim()];
  if (preset) return [...preset];
  return text
    .split(";")
    .filter((entry) => entry.trim())
    .map((entry) => {
      const colon = entry.lastIndexOf(":");
      const parts = colon > 0 ? entry.slice(colon + 1).split("/") : [];
      const [r, f, m] = parts.map(range);
      if (parts.length !== 3 || !r || !f || !m) throw new Error(badRule(entry.trim()));
      return { segment: entry.slice(0, colon).trim(), r, f, m };
    });
}

/** Writes the rule table in its info-string form (a preset by its name). */
export function formatRules(rules: readonly SegmentRule[]): string {
  const text = (list: readonly SegmentRule[]) => JSON.stringify(list);
  const preset = Object.keys(RULE_PRESETS).find((name) => text(RULE_PRESETS[name]) === text(rules));
  if (preset) return preset;
  const span = ([lo, hi]: readonly [number, number]) => `${lo}-${hi}`;
  return rules.map((r) => `${r.segment}:${span(r.r)}/${span(r.f)}/${span(r.m)}`).join(";");
}

/** Checks ranges (1-5, low <= high) and names (present, no separators or quotes). */
export function validateRules(rules: readonly SegmentRule[]): string[] {
  if (!rules.length) return [noRules()];
  const problems: string[] = [];
  for (const r of rules) {
    if (!r.segment || /[;:"\\\n]/.test(r.segment)) problems.push(badRule(r.segment));
    const ok = [r.r, r.f, r.m].every(
      ([lo, hi]) => Number.isInteger(lo) && Number.isInteger(hi) && lo >= 1 && hi <= 5 && lo <= hi,
    );
    if (!ok) problems.push(badRuleRange(r.segment));
  }
  return problems;
}

/** The rule-table parameter of the RFM recipe. */
export const RULES_PARAM: ParamSpec = {
  name: "segments",
  type: "custom",
  label: "Segment rules",
  help: "Tried in order; the first rule whose R, F and M score ranges all hold names the segment.",
  default: DEFAULT_RULES,
  parse: parseRules,
  format: (value) => formatRules(value as readonly SegmentRule[]),
  validate: (value) => validateRules(value as readonly SegmentRule[]),
};

/** The rule table as a VALUES list, one readable line per segment. */
export function rulesValues(rules: readonly SegmentRule[]): string {
  const rows = rules.map((r, i) => {
    const nums = [i + 1, ...r.r, ...r.f, ...r.m].map((n) => sqlNumber(n)).join(", ");
    return `  (${sqlString(r.segment)}, ${nums})`;
  });
  return `SELECT * FROM (VALUES\n${rows.join(",\n")}\n) AS rules(segment, priority, r_min, r_max, f_min, f_max, m_min, m_max)`;
}
