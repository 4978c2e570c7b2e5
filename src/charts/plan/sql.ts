// SQL text pieces for the planner: quoted identifiers, bound values, and Vega-Lite field references.
import type { Value } from "../../table/result";
import { quoteIdent } from "../../sql/ident";

/** Double-quotes a SQL identifier (any text, including quotes and semicolons, stays a name). */
export const ident = quoteIdent;

/** Collects bound values; `bind(v)` returns the `?` placeholder for `v`. */
export class Params {
  readonly values: Value[] = [];

  /** Adds `value` and returns its placeholder. */
  bind(value: Value): string {
    this.values.push(value);
    return "?";
  }
}

/** A column name as a Vega-Lite field reference: dots, brackets and quotes escaped so they are not paths. */
export const vlField = (name: string) => name.replace(/\\/g, "\\\\").replace(/([.[\]"'])/g, "\\$1");

/** A Vega-Lite field reference back to a column name: escapes removed. */
export const unescapeField = (field: string) => field.replace(/\\(.)/g, "$1");
