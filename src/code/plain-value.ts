// Checks a cell's value before it leaves a runner and again when the shell receives it: plain data only (numbers,
// text, flags, dates, lists and plain objects), bounded in depth and size. Structured clone already
// stripped functions and prototypes; this refuses the other clonable kinds (blobs, buffers, maps).
import { codeMessages as m } from "../messages/code";
import { MAX_VALUE_PARTS } from "./limits";

/** The deepest nesting a cell's value may have. */
export const MAX_DEPTH = 64;
/** The most values (array items, object fields, leaves) a cell's value may hold in all. */
export const MAX_NODES = MAX_VALUE_PARTS;

/** Why `value` is not plain data the shell can keep, or undefined when it is. */
export function plainValueProblem(value: unknown): string | undefined {
  let nodes = 0;
  const seen = new Set<object>();
  const visit = (v: unknown, depth: number): string | undefined => {
    if (++nodes > MAX_NODES) return m.plainTooMany(MAX_NODES);
    if (v === null || v === undefined) return undefined;
    const type = typeof v;
    if (type === "number" || type === "string" || type === "boolean") return undefined;
    // A BigInt cannot be shown, saved as JSON or put in a table column: the cell should use a number.
    if (type === "bigint") return m.plainBigInt;
    if (type !== "object") return m.plainKind(type);
    if (depth > MAX_DEPTH) return m.plainTooDeep(MAX_DEPTH);
    if (v instanceof Date) return undefined;
    // A structured clone keeps shared references and cycles; a cycle cannot be shown or saved.
    if (seen.has(v as object)) return m.plainCycle;
    seen.add(v as object);
    let problem: string | undefined;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && !problem; i++) problem = visit(v[i], depth + 1);
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null)
        return m.plainKind(Object.prototype.toString.call(v).slice(8, -1));
      for (const key of Object.keys(v as object)) {
        problem = visit((v as Record<string, unknown>)[key], depth + 1);
        if (problem) break;
      }
    }
    seen.delete(v as object);
    return problem;
  };
  return visit(value, 0);
}
