// Shared parts of the market recipes (14-25): the survey, deals and receivables slots, the segment choice
// (a customers-table attribute), the survey scale parameters, and a checks query for non-transaction tables.
import { MARKET_CHECKS } from "../../messages/recipes";
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
  const options = [
    ...(withNone ? [{ value: "none", label: "No segments (all together)" }] : []),
    { value: "industry", label: "Industry" },
    { value: "region", label: "Region" },
    { value: "size", label: "Size (as written in the customers table)" },
    { value: "account_manager", label: "Account manager" },
  ];
  return { name: "segment_by", type: "choice", label: "Segment by", default: defaultBy, options };
}

/** The role a segment choice needs on the customers table. */
export function segmentNeeds(by: string): RoleNeed[] {
  return by === "none" ? [] : [{ slot: "customers", anyOf: [by], because: `segment by = ${by}` }];
}

/** The segment of a row whose customer is joined as `c`: the attribute, `(unknown)` when missing, or `All`. */
export function segmentSql(by: string, alias = "c"): string {
  return by === "none" ? "'All'" : `COALESCE(${alias}.${by}, '(unknown)')`;
}

/** The survey scale parameters (lowest and highest point); answers outside are reported and left out. */
export const SCALE_PARAMS: readonly ParamSpec[] = [
  {
    name: "scale_min",
    type: "number",
    label: "Rating scale: lowest point",
    default: 1,
    min: 0,
    max: 10,
    integer: true,
  },
  {
    name: "scale_max",
    type: "number",
    label: "Rating scale: highest point",
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
    label: "Minimum answers to report a group",
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
  const labels = [MARKET_CHECKS.used, ...reasons.map(([label]) => label)];
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
        body: `SELECT CASE\n${cases}\n    ELSE ${sqlString(MARKET_CHECKS.used)}\n  END AS "check", count(*) AS rows\nFROM ${source}\nGROUP BY 1`,
      },
    ],
    `SELECT "check", rows FROM (
  SELECT r.ord, r."check", COALESCE(c.rows, 0) AS rows FROM reasons AS r LEFT JOIN counted AS c USING ("check")
  UNION ALL
  SELECT 0, ${sqlString(MARKET_CHECKS.nothingLeft)}, 0
  WHERE NOT EXISTS (SELECT 1 FROM counted WHERE "check" LIKE 'used%')
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
