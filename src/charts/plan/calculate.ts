// Vega's `calculate` expressions in SQL, for the arithmetic subset whose results SQL computes bit for bit as
// JavaScript does: number (and boolean) fields, number literals, + - * / %, unary minus, parentheses,
// abs / floor / ceil / round. Anything else (text, dates, other functions) stays with Vega.
import { chartMessages as m } from "../../messages/charts";
import { resolveField } from "./fields";
import { ident } from "./sql";
import { NotPushable, type Column } from "./types";

interface Node {
  readonly sql: string;
  /** The value of a number literal (divisors must be known, non-zero numbers). */
  readonly literal?: number;
}

const TOKEN = new RegExp(
  [
    String.raw`\s*(?:(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)`,
    String.raw`([A-Za-z_$][\w$]*)`,
    String.raw`("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')`,
    String.raw`(.))`,
  ].join("|"),
  "y",
);
// JavaScript's Math.round rounds halves up (-2.5 -> -2); SQL's round rounds them away from zero.
const FUNCTIONS: Record<string, (x: string) => string> = {
  abs: (x) => `abs(${x})`,
  floor: (x) => `floor(${x})`,
  ceil: (x) => `ceil(${x})`,
  round: (x) => `(floor(${x}) + CASE WHEN ${x} - floor(${x}) >= 0.5 THEN 1 ELSE 0 END)`,
};

/** The SQL (a DOUBLE) for a Vega expression over `columns`; throws NotPushable outside the subset. */
export function calculateSql(expression: string, columns: readonly Column[]): string {
  const refuse = (): never => {
    throw new NotPushable(m.rawTransform("calculate"));
  };
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  for (let match; TOKEN.lastIndex < expression.length && (match = TOKEN.exec(expression));) {
    const token = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (token !== undefined) tokens.push(token);
  }
  if (expression.slice(TOKEN.lastIndex).trim()) refuse();
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (token === undefined || (expected !== undefined && token !== expected)) refuse();
    return token;
  };
  // JavaScript arithmetic reads null as 0 and true as 1: the same in SQL, as a DOUBLE.
  const field = (name: string): Node => {
    const column = resolveField(name, columns);
    if (column.kind !== "number" && column.kind !== "boolean") refuse();
    return { sql: `COALESCE(CAST(${ident(column.name)} AS DOUBLE), 0)` };
  };
  const primary = (): Node => {
    const token = take();
    if (/^[\d.]/.test(token)) {
      const value = Number(token);
      return { sql: `CAST(${String(value)} AS DOUBLE)`, literal: value };
    }
    if (token === "(") {
      const inner = additive();
      take(")");
      return { sql: `(${inner.sql})`, ...(inner.literal === undefined ? {} : { literal: inner.literal }) };
    }
    if (token === "datum") {
      if (peek() === ".") {
        take(".");
        const name = take();
        if (!/^[A-Za-z_$]/.test(name)) refuse();
        return field(name);
      }
      take("[");
      const quoted = take();
      if (!/^["']/.test(quoted)) refuse();
      take("]");
      return field(quoted.slice(1, -1).replace(/\\(.)/g, "$1"));
    }
    const fn = FUNCTIONS[token];
    if (!fn) return refuse();
    take("(");
    const arg = additive();
    take(")");
    return { sql: fn(arg.sql) };
  };
  const unary = (): Node => {
    if (peek() === "-") {
      take("-");
      const inner = unary();
      return { sql: `(-${inner.sql})`, ...(inner.literal === undefined ? {} : { literal: -inner.literal }) };
    }
    return primary();
  };
  const binary = (next: () => Node, ops: string[]) => (): Node => {
    let left = next();
    while (ops.includes(peek())) {
      const op = take();
      const right = next();
      // SQL gives NULL where JavaScript gives Infinity or NaN: only a known non-zero divisor is the same.
      if ((op === "/" || op === "%") && !right.literal) refuse();
      left = { sql: `(${left.sql} ${op} ${right.sql})` };
    }
    return left;
  };
  const multiplicative = binary(unary, ["*", "/", "%"]);
  const additive: () => Node = binary(multiplicative, ["+", "-"]);
  const result = additive();
  if (at !== tokens.length) refuse();
  return result.sql;
}
