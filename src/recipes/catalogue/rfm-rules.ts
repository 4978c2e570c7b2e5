// The RFM segment rule table: a parameter of the RFM recipe. Rules are tried in order and the first whose
// R, F and M score ranges all hold names the customer's segment ("Other" when none does). Names come
// from the wording catalogue in the locale of the moment.
import { badRule, badRuleRange, noRules } from "../../messages/recipes";
import { RFM_RULES_TEXT } from "../../messages/recipes/rfm-rules";
import type { ParamSpec } from "../params";
import { sqlNumber, sqlString } from "../sql";

/** One named segment: inclusive score ranges for recency, frequency and monetary (1-5). */
export interface SegmentRule {
  readonly segment: string;
  readonly r: readonly [number, number];
  readonly f: readonly [number, number];
  readonly m: readonly [number, number];
}

type Range = readonly [number, number];

/** A rule whose name is read from the catalogue when used, so a table follows the current locale. */
const rule = <K extends string>(names: () => Record<K, string>, key: K, r: Range, f: Range, m: Range = [1, 5]) => ({
  get segment() {
    return names()[key];
  },
  r,
  f,
  m,
});
const standard = (key: keyof typeof RFM_RULES_TEXT.standard, r: Range, f: Range, m?: Range): SegmentRule =>
  rule(() => RFM_RULES_TEXT.standard, key, r, f, m);
const pkg = (key: keyof typeof RFM_RULES_TEXT.rfmPackage, r: Range, f: Range, m: Range): SegmentRule =>
  rule(() => RFM_RULES_TEXT.rfmPackage, key, r, f, m);
const classic = (key: keyof typeof RFM_RULES_TEXT.classic, r: Range, f: Range, m: Range): SegmentRule =>
  rule(() => RFM_RULES_TEXT.classic, key, r, f, m);

/**
 * The default 11 segments. They follow the widely used R x F segment map (champions top right, hibernating
 * and lost bottom left) and together cover all 125 score combinations, so "Other" never appears with them;
 * monetary only separates "Can't lose them" (big spenders gone quiet) from "At risk".
 */
export const DEFAULT_RULES: readonly SegmentRule[] = [
  standard("champions", [5, 5], [4, 5]),
  standard("loyal", [3, 4], [4, 5]),
  standard("potentialLoyalist", [4, 5], [2, 3]),
  standard("newCustomers", [5, 5], [1, 1]),
  standard("promising", [4, 4], [1, 1]),
  standard("needAttention", [3, 3], [3, 3]),
  standard("aboutToSleep", [3, 3], [1, 2]),
  standard("cantLose", [1, 2], [4, 5], [4, 5]),
  standard("atRisk", [1, 2], [3, 5]),
  standard("hibernating", [2, 2], [1, 2]),
  standard("lost", [1, 1], [1, 2]),
];

/**
 * The example table of the R package rfm (`rfm_segment`'s documentation): 10 segments tried in order, the
 * first match kept (as the package does), and "Others" for the rest, so results match the package's.
 */
export const RFM_PACKAGE_RULES: readonly SegmentRule[] = [
  pkg("champions", [5, 5], [5, 5], [5, 5]),
  pkg("potentialLoyalist", [3, 5], [3, 5], [2, 5]),
  pkg("loyal", [2, 4], [2, 4], [2, 4]),
  pkg("promising", [3, 4], [1, 3], [3, 5]),
  pkg("newCustomers", [4, 5], [1, 3], [1, 5]),
  pkg("cantLose", [1, 2], [3, 4], [4, 5]),
  pkg("atRisk", [1, 2], [2, 5], [4, 5]),
  pkg("needAttention", [1, 3], [3, 5], [3, 5]),
  pkg("aboutToSleep", [2, 3], [1, 3], [1, 4]),
  pkg("lost", [1, 1], [1, 5], [1, 5]),
  pkg("others", [1, 5], [1, 5], [1, 5]),
];

const HIGH: Range = [4, 5];
const LOW: Range = [1, 3];

/**
 * The classic eight of Chinese CRM practice (重要价值客户 ... 一般挽留客户): each of R, F and M high or low,
 * high meaning a score above the mean score of 3 (4-5). Monetary splits important from general; recency
 * and frequency give value (both high), develop (recent, rare), keep (frequent, not recent) and win back.
 */
export const CLASSIC_RULES: readonly SegmentRule[] = [
  classic("importantValue", HIGH, HIGH, HIGH),
  classic("importantDevelop", HIGH, LOW, HIGH),
  classic("importantKeep", LOW, HIGH, HIGH),
  classic("importantRetain", LOW, LOW, HIGH),
  classic("generalValue", HIGH, HIGH, LOW),
  classic("generalDevelop", HIGH, LOW, LOW),
  classic("generalKeep", LOW, HIGH, LOW),
  classic("generalRetain", LOW, LOW, LOW),
];

/** Named rule tables, written by name in the info string: `segments=standard` or `segments=rfm_package`. */
export const RULE_PRESETS: Readonly<Record<string, readonly SegmentRule[]>> = {
  standard: DEFAULT_RULES,
  rfm_package: RFM_PACKAGE_RULES,
  classic: CLASSIC_RULES,
};

/** The segment for customers no rule matches, in the current locale. */
export const otherSegment = (): string => RFM_RULES_TEXT.other;

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
  get label() {
    return RFM_RULES_TEXT.label;
  },
  get help() {
    return RFM_RULES_TEXT.help;
  },
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
