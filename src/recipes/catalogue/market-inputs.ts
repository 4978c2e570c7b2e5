// Shared parts of the market recipes (14-25): the survey, deals and receivables slots, the segment choice
// (a customers-table attribute), the survey scale parameters, and a checks query for non-transaction tables.
import { MARKET_TEXT as T } from "../../messages/recipes/market-inputs";
import type { ParamSpec } from "../params";
import type { RecipeContext, RoleNeed, TableSlot } from "../recipe";
import { hasRole } from "../recipe";
import { sqlString, withQuery, type Cte } from "../sql";

/** The survey slot with the given required and optional roles (customer_id always required). */
export function surveySlot(required: readonly string[], optional: readonly string[], isRequired = true): TableSlot {
  return { name: "survey", kind: "survey", required: isRequired, roles: ["customer_id", ...required], optional };
}

/** The deals (opportunities) slot: deal_id and stage (or outcome) required, the given roles optional. */
export function dealsSlot(optional: readonly string[], isRequired = true): TableSlot {
  return { name: "deals", kind: "deals", required: isRequired, roles: ["deal_id", "stage"], optional };
}

/** The receivables slot: customer, amount and due date required; invoice and paid dates optional. */
export function receivablesSlot(isRequired = true): TableSlot {
  return {
    name: "receivables",
    kind: "receivables",
    required: isRequired,
    roles: ["customer_id", "amount", "due_date"],
    optional: ["invoice_date", "paid_date"],
  };
}

/** The customer attributes a market recipe can segment by. */
export const SEGMENT_ROLES = ["industry", "region", "size", "account_manager"] as const;

/** The "segment by" parameter: none, or an attribute of the customers table. */
export function segmentParam(defaultBy: string = "industry", withNone = true): ParamSpec {
  const values: (keyof typeof T.segments)[] = [...(withNone ? (["none"] as const) : []), ...SEGMENT_ROLES];
  return {
    name: "segment_by",
    type: "choice",
    get label() {
      return T.segmentBy;
    },
    default: defaultBy,
    get options() {
      return values.map((value) => ({ value, label: T.segments[value] }));
    },
  };
}

/** The role a segment choice needs on the customers table. */
export function segmentNeeds(by: string): RoleNeed[] {
  return by === "none" ? [] : [{ slot: "customers", anyOf: [by], because: T.segmentBecause(by) }];
}

/** The segment of a row whose customer is joined as `c`: the attribute, `(unknown)` when missing, or `All`. */
export function segmentSql(by: string, alias = "c"): string {
  return by === "none" ? sqlString(T.all) : `COALESCE(${alias}.${by}, ${sqlString(T.unknown)})`;
}

/** The SQL text of a `{}` template with each `{}` filled by a SQL expression, e.g. a note with counts in it. */
export function sqlFormat(template: string, ...expressions: readonly string[]): string {
  const parts = template.split("{}");
  return parts
    .flatMap((part, i) => [...(part ? [sqlString(part)] : []), ...(i < expressions.length ? [expressions[i]] : [])])
    .join(" || ");
}

/** A Vega-Lite calculate transform writing, as `as`, the label of `field`'s value (a key of `labels`). */
export function labelCalculate(
  field: string,
  labels: Readonly<Record<string, string>>,
  as: string,
): { calculate: string; as: string } {
  const quote = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  const calculate = Object.entries(labels).reduceRight(
    (rest, [key, label]) => `datum.${field} === ${quote(key)} ? ${quote(label)} : ${rest}`,
    `datum.${field}`,
  );
  return { calculate, as };
}

/** The survey scale parameters (lowest and highest point); answers outside are reported and left out. */
export const SCALE_PARAMS: readonly ParamSpec[] = [
  {
    name: "scale_min",
    type: "number",
    get label() {
      return T.scaleMin;
    },
    default: 1,
    min: 0,
    max: 10,
    integer: true,
  },
  {
    name: "scale_max",
    type: "number",
    get label() {
      return T.scaleMax;
    },
    default: 5,
    min: 1,
    max: 100,
    integer: true,
  },
];

/** The minimum-answers parameter: groups with fewer answers are reported as too few. */
export function minAnswersParam(defaultMin: number): ParamSpec {
  return {
    name: "min_answers",
    type: "number",
    get label() {
      return T.minAnswers;
    },
    default: defaultMin,
    min: 1,
    max: 100000,
    integer: true,
  };
}

/** Whether a bound slot maps a role. */
export function slotHas(ctx: RecipeContext, slot: string, role: string): boolean {
  return hasRole(ctx.tables[slot], role);
}

/** A SQL test that a rating is a whole number within [lo, hi] (both SQL expressions). */
export function onScale(column: string, lo: string, hi: string): string {
  return `(${column} BETWEEN ${lo} AND ${hi} AND ${column} = round(${column}))`;
}

/**
 * A checks query: every row of `source` (a CTE among `ctes`) counted under the first reason whose condition
 * holds, else `used`; every reason listed (0 rows too), then a "nothing left" line when no row was used.
 */
export function inputChecks(
  ctes: readonly Cte[],
  source: string,
  reasons: readonly (readonly [string, string])[],
): string {
  const checks = T.checks;
  const labels = [checks.used, ...reasons.map(([label]) => label)];
  const used = [checks.used, checks.noCompetitor, checks.openReceivable, checks.unlistedStage];
  const unique = labels.filter((l, i) => labels.indexOf(l) === i);
  const cases = reasons.map(([label, when]) => `    WHEN ${when} THEN ${sqlString(label)}`).join("\n");
  return withQuery(
    [
      ...ctes,
      {
        name: "reasons",
        body: `SELECT * FROM (VALUES ${unique.map((r, i) => `(${i + 1}, ${sqlString(r)})`).join(", ")}) AS v(ord, "check")`,
      },
      {
        name: "counted",
        body: `SELECT CASE\n${cases}\n    ELSE ${sqlString(checks.used)}\n  END AS "check", count(*) AS rows\nFROM ${source}\nGROUP BY 1`,
      },
    ],
    `SELECT "check", rows FROM (
  SELECT r.ord, r."check", COALESCE(c.rows, 0) AS rows FROM reasons AS r LEFT JOIN counted AS c USING ("check")
  UNION ALL
  SELECT 0, ${sqlString(checks.nothingLeft)}, 0
  WHERE NOT EXISTS (SELECT 1 FROM counted WHERE "check" IN (${used.map(sqlString).join(", ")}))
)
ORDER BY ord`,
  );
}

/** Parses a comma-separated list parameter into trimmed, non-empty, lower-case-unique items. */
export function splitList(text: string): string[] {
  const items = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items.filter((s, i) => items.findIndex((t) => t.toLowerCase() === s.toLowerCase()) === i);
}

/** A SQL list literal of texts, lower-cased, for `list_contains(..., lower(x))`. */
export function sqlLowerList(items: readonly string[]): string {
  return `[${items.map((s) => sqlString(s.toLowerCase())).join(", ")}]`;
}
