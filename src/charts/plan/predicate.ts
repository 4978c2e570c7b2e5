// Vega-Lite filter predicates in SQL: field equal / oneOf / range / lt / lte / gt / gte / valid, combined
// with and / or / not. Values are bound parameters. Expression strings and dates stay with Vega.
import { chartMessages as m } from "../../messages/charts";
import type { Value } from "../../table/result";
import { resolveField } from "./fields";
import { ident, type Params } from "./sql";
import { NotPushable, type Column } from "./types";

const COMPARE: Record<string, string> = { lt: "<", lte: "<=", gt: ">", gte: ">=" };

/** The SQL condition for a Vega-Lite predicate over `columns`; throws NotPushable for what stays with Vega. */
export function predicateSql(predicate: unknown, columns: readonly Column[], params: Params): string {
  const refuse = () => new NotPushable(m.rawTransform("filter"));
  if (typeof predicate !== "object" || predicate === null || Array.isArray(predicate)) throw refuse();
  const p = predicate as Record<string, unknown>;
  const list = (key: string) => (p[key] as unknown[]).map((q) => `(${predicateSql(q, columns, params)})`);
  if (Array.isArray(p.and) && p.and.length) return list("and").join(" AND ");
  if (Array.isArray(p.or) && p.or.length) return list("or").join(" OR ");
  if ("not" in p) return `NOT (${predicateSql(p.not, columns, params)})`;
  if (typeof p.field !== "string" || "timeUnit" in p) throw refuse();
  const column = resolveField(p.field, columns);
  const x = ident(column.name);
  // Vega compares with JavaScript: === for equality, and null counts as 0 in < and >.
  const numeric = `coalesce(${x}, 0)`;
  const fits = (v: unknown): v is Value =>
    (typeof v === "number" && column.kind === "number") ||
    (typeof v === "string" && column.kind === "string") ||
    (typeof v === "boolean" && column.kind === "boolean");
  const keys = Object.keys(p).filter((k) => k !== "field");
  if (keys.length !== 1) throw refuse();
  const [key] = keys;
  const value = p[key];
  if (key === "equal" && fits(value)) return `${x} = ${params.bind(value)}`;
  if (key === "oneOf" && Array.isArray(value) && value.length && value.every(fits)) {
    return `${x} IN (${value.map((v) => params.bind(v)).join(", ")})`;
  }
  if (key in COMPARE && typeof value === "number" && column.kind === "number") {
    return `${numeric} ${COMPARE[key]} ${params.bind(value)}`;
  }
  if (key === "range" && Array.isArray(value) && value.length === 2 && column.kind === "number") {
    const [lo, hi] = value as unknown[];
    const parts = [];
    if (typeof lo === "number") parts.push(`${numeric} >= ${params.bind(lo)}`);
    else if (lo !== null) throw refuse();
    if (typeof hi === "number") parts.push(`${numeric} <= ${params.bind(hi)}`);
    else if (hi !== null) throw refuse();
    return parts.length ? parts.join(" AND ") : "TRUE";
  }
  if (key === "valid" && typeof value === "boolean") {
    const valid = column.type.toUpperCase().match(/^(DOUBLE|FLOAT|REAL)/)
      ? `(${x} IS NOT NULL AND NOT isnan(${x}))`
      : `${x} IS NOT NULL`;
    return value ? valid : `NOT ${valid}`;
  }
  throw refuse();
}
