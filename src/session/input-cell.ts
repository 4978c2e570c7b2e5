// Input cells in the session: their value (with options read from a sql cell), and setting a new
// value by rewriting only the `"value": ...` part of the cell's JSON, so the file keeps its layout.
import { checkInputValue } from "../compile/input";
import type { CompiledCell, InputSpec, InputValue } from "../compile/types";
import { sessionMessages as m } from "../messages/session";
import { CellFailure } from "./evaluate";
import type { CellOutput } from "./types";

/** The most choices an `options_from` input offers. */
export const OPTION_CAP = 1000;

/** Evaluates an input cell: its stored value, and its choices when they come from a sql cell. */
export function evaluateInput(cell: CompiledCell, inputs: ReadonlyMap<string, unknown>): CellOutput {
  if (cell.body?.type !== "input") throw new CellFailure(m.notRunnable(cell.kind));
  const spec = cell.body.spec;
  if (!spec.optionsFrom) return { type: "input", spec, value: spec.value, ...(spec.options ? { options: spec.options } : {}) };
  const { cell: from, column } = spec.optionsFrom;
  const source = [...inputs].find(([name]) => name.toLowerCase() === from.toLowerCase())?.[1] as CellOutput | undefined;
  if (source?.type !== "table") throw new CellFailure(m.inputOptionsMissing(from));
  const index = column === undefined ? 0 : source.table.columns.findIndex((c) => c.name === column || c.name.toLowerCase() === column.toLowerCase());
  if (index < 0 || index >= source.table.columns.length) throw new CellFailure(m.inputNoColumn(from, column ?? "(first)"));
  const options: (string | number)[] = [];
  for (const v of source.table.column(index)) {
    if (v === null || options.length >= OPTION_CAP) continue;
    const choice = typeof v === "number" ? v : String(v);
    if (!options.includes(choice)) options.push(choice);
  }
  // A stored value that is no longer offered falls back to what is (the first option; no selection).
  let value: InputValue = spec.value;
  if (spec.type === "select" && !options.includes(value as string | number)) value = options[0] ?? "";
  if (spec.type === "multiselect" && Array.isArray(value)) value = value.filter((v) => options.includes(v));
  return { type: "input", spec, value, options };
}

/** Checks a value for an input (type, bounds, fixed options); throws with what is wrong. */
export function validInputValue(name: string, spec: InputSpec, value: unknown): InputValue {
  const problem = checkInputValue(spec, value);
  if (problem) throw new Error(m.badInputValue(name, problem));
  return value as InputValue;
}

/** The input cell's JSON source with its top-level `"value"` replaced by `value` (added when missing). */
export function withInputValue(source: string, value: InputValue): string {
  const text = JSON.stringify(value);
  const span = topLevelValueSpan(source);
  if (span) return source.slice(0, span.start) + text + source.slice(span.end);
  const close = source.lastIndexOf("}");
  const body = source.slice(0, close).trimEnd();
  const comma = body.endsWith("{") ? "" : ",";
  return `${body}${comma} "value": ${text} ${source.slice(close)}`;
}

/** Where the value of the top-level `"value"` key is in JSON text (valid JSON assumed). */
function topLevelValueSpan(source: string): { start: number; end: number } | undefined {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '"') {
      const start = i;
      for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === "\\") i++;
      const key = source.slice(start, i + 1);
      if (depth !== 1 || key !== '"value"') continue;
      const colon = /^\s*:\s*/.exec(source.slice(i + 1));
      if (!colon) continue;
      const valueStart = i + 1 + colon[0].length;
      return { start: valueStart, end: valueEnd(source, valueStart) };
    }
    if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return undefined;
}

/** The offset just past the JSON value starting at `start`. */
function valueEnd(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '"') {
      for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === "\\") i++;
      if (depth === 0) return i + 1;
    } else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && (c === "," || /\s/.test(c))) return i;
  }
  return source.length;
}
