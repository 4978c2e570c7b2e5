// Compiles an input cell: its JSON spec (type, label, value, bounds, options or options_from),
// validated with messages that say what to write, and a typed check for values set later.
import { compileMessages as m } from "../messages/compile";
import { CELL_NAME_PATTERN, isCellName } from "../notebook/names";
import { jsonError } from "./json";
import { positionAt } from "./position";
import type { CellBody, CellError, InputSpec, InputType, InputValue } from "./types";

/** What compiling an input cell yields. */
export interface CompiledInput {
  readonly references: string[];
  readonly body?: Extract<CellBody, { type: "input" }>;
  readonly error?: CellError;
}

const TYPES: readonly InputType[] = ["range", "number", "select", "multiselect", "daterange", "text", "checkbox"];
const KEYS = new Set(["type", "label", "value", "min", "max", "step", "options", "options_from", "remember"]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OPTIONS_FROM = new RegExp(`^(${CELL_NAME_PATTERN})(?:\\.(.+))?$`);

const isChoice = (v: unknown): v is string | number =>
  typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
const isDate = (v: unknown): v is string => typeof v === "string" && DATE.test(v) && !Number.isNaN(Date.parse(v));

/** Compiles an input cell's JSON source. */
export function compileInput(source: string): CompiledInput {
  const bad = jsonError(source);
  if (bad) return { references: [], error: { message: m.inputJson(bad.reason), ...positionAt(source, bad.offset) } };
  const raw: unknown = JSON.parse(source);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    return { references: [], error: { message: m.inputNotObject() } };
  const spec = raw as Record<string, unknown>;
  const fail = (message: string, key?: string): CompiledInput => {
    const at = key === undefined ? -1 : source.indexOf(`"${key}"`);
    return { references: [], error: { message, ...(at >= 0 ? positionAt(source, at) : {}) } };
  };
  const unknown = Object.keys(spec).find((k) => !KEYS.has(k));
  if (unknown !== undefined) return fail(m.inputUnknownKey(unknown, [...KEYS]), unknown);
  const type = spec.type as InputType;
  if (!TYPES.includes(type)) return fail(m.inputType(String(spec.type), TYPES), "type");
  if (spec.label !== undefined && typeof spec.label !== "string") return fail(m.inputLabel(), "label");

  const out: { -readonly [K in keyof InputSpec]: InputSpec[K] } = { type, value: spec.value as InputValue };
  if (spec.label !== undefined) out.label = spec.label as string;
  for (const key of ["min", "max", "step"] as const) {
    const v = spec[key];
    if (v === undefined) continue;
    const ok = type === "daterange" && key !== "step" ? isDate(v) : typeof v === "number" && Number.isFinite(v);
    if (!ok)
      return fail(
        m.inputBound(key, type === "daterange" && key !== "step" ? 'a date like "2024-01-31"' : "a number"),
        key,
      );
    (out as Record<string, unknown>)[key] = v;
  }
  if (type === "range" && (out.min === undefined || out.max === undefined)) return fail(m.inputRangeBounds());
  if (typeof out.step === "number" && out.step <= 0) return fail(m.inputBound("step", "a number above 0"), "step");

  const references: string[] = [];
  if (type === "select" || type === "multiselect") {
    if (spec.options !== undefined && spec.options_from !== undefined)
      return fail(m.inputOptionsBoth(), "options_from");
    if (spec.options !== undefined) {
      if (!Array.isArray(spec.options) || !spec.options.every(isChoice)) return fail(m.inputOptions(), "options");
      out.options = spec.options;
    } else if (spec.options_from !== undefined) {
      const match = typeof spec.options_from === "string" ? OPTIONS_FROM.exec(spec.options_from) : null;
      if (!match || !isCellName(match[1])) return fail(m.inputOptionsFrom(String(spec.options_from)), "options_from");
      out.optionsFrom = { cell: match[1], ...(match[2] ? { column: match[2] } : {}) };
      references.push(match[1].toLowerCase());
    } else return fail(m.inputNoOptions(type));
  } else if (spec.options !== undefined || spec.options_from !== undefined)
    return fail(m.inputOptionsNotHere(type), spec.options !== undefined ? "options" : "options_from");
  if (spec.remember !== undefined && typeof spec.remember !== "boolean") return fail(m.inputRemember(), "remember");
  if (spec.remember === true) out.remember = true;

  const problem = checkInputValue(out, spec.value);
  if (problem) return fail(problem, "value");
  return { references, body: { type: "input", spec: out } };
}

/**
 * Checks `value` against the spec's type and bounds (and its fixed options); returns the problem, or
 * undefined when it fits. Choices from `options_from` are checked when the session has them.
 */
export function checkInputValue(spec: InputSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case "range":
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return m.inputValueType(spec.type, "a number");
      if (typeof spec.min === "number" && value < spec.min) return m.inputValueRange(value, spec.min, spec.max);
      if (typeof spec.max === "number" && value > spec.max) return m.inputValueRange(value, spec.min, spec.max);
      return undefined;
    }
    case "text":
      return typeof value === "string" ? undefined : m.inputValueType(spec.type, "text in double quotes");
    case "checkbox":
      return typeof value === "boolean" ? undefined : m.inputValueType(spec.type, "true or false");
    case "select":
      if (!isChoice(value)) return m.inputValueType(spec.type, "one of the options");
      return spec.options && !spec.options.includes(value) ? m.inputNotAnOption(String(value)) : undefined;
    case "multiselect": {
      if (!Array.isArray(value) || !value.every(isChoice))
        return m.inputValueType(spec.type, 'a list of options, e.g. ["a", "b"]');
      const missing = spec.options ? value.find((v) => !spec.options!.includes(v)) : undefined;
      return missing === undefined ? undefined : m.inputNotAnOption(String(missing));
    }
    case "daterange": {
      if (!Array.isArray(value) || value.length !== 2 || !value.every(isDate))
        return m.inputValueType(spec.type, '["YYYY-MM-DD", "YYYY-MM-DD"]');
      const [from, to] = value as string[];
      if (from > to) return m.inputDateOrder();
      if ((typeof spec.min === "string" && from < spec.min) || (typeof spec.max === "string" && to > spec.max))
        return m.inputValueRange(`${from} .. ${to}`, spec.min, spec.max);
      return undefined;
    }
  }
}

/** Reads text (e.g. from `--set name=value`) as a value of the input's type: numbers, booleans, lists by comma. */
export function parseInputText(spec: InputSpec, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith("[") || trimmed.startsWith('"')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      // Not JSON: read as written below.
    }
  }
  const choice = (t: string): string | number => {
    const fixed = spec.options?.find((o) => String(o) === t);
    if (fixed !== undefined) return fixed;
    return t !== "" && Number.isFinite(Number(t)) && spec.options?.some((o) => typeof o === "number") ? Number(t) : t;
  };
  switch (spec.type) {
    case "range":
    case "number":
      return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
    case "checkbox":
      return /^(true|yes|1|on)$/i.test(trimmed) ? true : /^(false|no|0|off)$/i.test(trimmed) ? false : text;
    case "select":
      return choice(trimmed);
    case "multiselect":
      return trimmed === "" ? [] : trimmed.split(",").map((t) => choice(t.trim()));
    case "daterange":
      return trimmed.split(/\s*(?:,|\.\.)\s*/);
    case "text":
      return text;
  }
}
