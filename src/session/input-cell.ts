// Input cells in the session: their value (with options read from a sql cell), and setting a new
// value by rewriting only the `"value": ...` part of the cell's JSON, so the file keeps its layout.
// A choice among options from data is client data: unless the spec says "remember", it stays in memory.
import { checkInputValue } from "../compile/input";
import type { CompiledCell, InputSpec, InputValue } from "../compile/types";
import { sessionMessages as m } from "../messages/session";
import { CellFailure } from "./evaluate";
import type { Cell } from "../notebook/types";
import type { Program } from "./program";
import type { CellOutput } from "./types";

/** The most choices an `options_from` input offers. */
export const OPTION_CAP = 1000;

/** Whether a value set on this input is written into the file (else it is kept in memory only). */
export const savesValue = (spec: InputSpec): boolean => !spec.optionsFrom || spec.remember === true;

/**
 * Evaluates an input cell: its value (`chosen`, a value kept in memory, wins over the stored one),
 * and its choices when they come from a sql cell.
 */
export function evaluateInput(cell: CompiledCell, inputs: ReadonlyMap<string, unknown>, chosen?: unknown): CellOutput {
  if (cell.body?.type !== "input") throw new CellFailure(m.notRunnable(cell.kind));
  const spec = chosen === undefined ? cell.body.spec : { ...cell.body.spec, value: chosen as InputValue };
  if (!spec.optionsFrom)
    return { type: "input", spec, value: spec.value, ...(spec.options ? { options: spec.options } : {}) };
  const { cell: from, column } = spec.optionsFrom;
  const source = [...inputs].find(([name]) => name.toLowerCase() === from.toLowerCase())?.[1] as CellOutput | undefined;
  if (source?.type !== "table") throw new CellFailure(m.inputOptionsMissing(from));
  const index =
    column === undefined
      ? 0
      : source.table.columns.findIndex((c) => c.name === column || c.name.toLowerCase() === column.toLowerCase());
  if (index < 0 || index >= source.table.columns.length)
    throw new CellFailure(m.inputNoColumn(from, column ?? "(first)"));
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
  return withTopLevelKey(source, "value", value);
}

/** The input cell's JSON source with the top-level `key` set to `value` (added when missing). */
export function withTopLevelKey(source: string, key: string, value: unknown): string {
  const text = JSON.stringify(value);
  const span = topLevelKeySpan(source, key);
  if (span) return source.slice(0, span.start) + text + source.slice(span.end);
  const close = source.lastIndexOf("}");
  const body = source.slice(0, close).trimEnd();
  const comma = body.endsWith("{") ? "" : ",";
  return `${body}${comma} ${JSON.stringify(key)}: ${text} ${source.slice(close)}`;
}

/** Where the value of the top-level `key` is in JSON text (valid JSON assumed). */
function topLevelKeySpan(source: string, name: string): { start: number; end: number } | undefined {
  const wanted = JSON.stringify(name);
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '"') {
      const start = i;
      for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === "\\") i++;
      const key = source.slice(start, i + 1);
      if (depth !== 1 || key !== wanted) continue;
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

/** The input cell `cellId` of `program` with its spec; throws for an unknown cell or one that is no input. */
export function inputCell(program: Program, cellId: string): { cell: Cell; spec: InputSpec } {
  const cell = program.cell(cellId);
  if (!cell) throw new Error(m.unknownCell(cellId));
  const body = program.compiled(cellId)?.body;
  if (cell.kind !== "input" || body?.type !== "input") throw new Error(m.notInput(cellId));
  return { cell, spec: body.spec };
}

/** The value an input holds: the one kept in memory, the stored one when remembered, else the last run's. */
export function chosenValue(kept: unknown, output: unknown, spec: InputSpec): InputValue {
  if (kept !== undefined) return kept as InputValue;
  if (spec.remember) return spec.value;
  const shown = output as CellOutput | undefined;
  return shown?.type === "input" ? shown.value : spec.value;
}

/** The source with `"remember"` set: remembering writes `value` in; forgetting writes an empty choice. */
export function rememberedSource(source: string, spec: InputSpec, remember: boolean, value: InputValue): string {
  const flagged = withTopLevelKey(source, "remember", remember);
  return withInputValue(flagged, remember ? value : spec.type === "multiselect" ? [] : "");
}
