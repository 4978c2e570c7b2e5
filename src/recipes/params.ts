// Recipe parameters: typed specs with defaults and labels, their text form in a cell's info string,
// and validation. A value of `null` means "automatic" (e.g. the latest date in the data, or the median).
import * as msg from "../messages/recipes";

/** What every parameter spec has. */
interface ParamBase {
  readonly name: string;
  readonly label: string;
  readonly help?: string;
}

/** A parameter's specification; `custom` covers structured values (weights, rule tables). */
export type ParamSpec = ParamBase &
  (
    | {
        readonly type: "number";
        readonly default: number | null;
        readonly min?: number;
        readonly max?: number;
        readonly integer?: boolean;
        readonly auto?: string;
      }
    | { readonly type: "date"; readonly default: string | null; readonly auto?: string }
    | {
        readonly type: "choice";
        readonly default: string;
        readonly options: readonly { value: string; label: string }[];
      }
    | {
        readonly type: "multichoice";
        readonly default: readonly string[];
        readonly options: readonly { value: string; label: string }[];
      }
    | { readonly type: "boolean"; readonly default: boolean }
    | { readonly type: "text"; readonly default: string }
    | {
        readonly type: "custom";
        readonly default: unknown;
        parse(text: string): unknown;
        format(value: unknown): string;
        validate?(value: unknown): readonly string[];
      }
  );

/** A parameter's wording: label, and help and automatic-value note where it has them. */
export interface ParamWords {
  readonly label: string;
  readonly help?: string;
  readonly auto?: string;
}

type WithoutWords<T> = T extends unknown ? Omit<T, "label" | "help" | "auto"> : never;

/**
 * `spec` with its wording read from `words()` on every access, so the gallery and the SQL a recipe writes
 * follow the current locale (`words` reads a catalogue; its keys are the same in every locale).
 */
export function worded(spec: WithoutWords<ParamSpec>, words: () => ParamWords): ParamSpec {
  const out = { ...spec };
  for (const key of Object.keys(words()) as (keyof ParamWords)[])
    Object.defineProperty(out, key, { get: () => words()[key], enumerable: true });
  return out as ParamSpec;
}

/** The text that stands for `null` ("automatic") in an info string. */
export const AUTO = "auto";

/** Typed access to resolved parameter values inside a builder. */
export interface ParamReader {
  number(name: string): number;
  /** A number that may be automatic (`null`). */
  maybeNumber(name: string): number | null;
  text(name: string): string;
  date(name: string): string | null;
  bool(name: string): boolean;
  list(name: string): readonly string[];
  value<T>(name: string): T;
  /** Every value, by name. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** Wraps resolved values in a ParamReader. */
export function paramReader(values: Readonly<Record<string, unknown>>): ParamReader {
  const get = (name: string) => {
    if (!(name in values)) throw new Error(`unknown recipe parameter ${name}`);
    return values[name];
  };
  return {
    values,
    number: (name) => get(name) as number,
    maybeNumber: (name) => get(name) as number | null,
    text: (name) => get(name) as string,
    date: (name) => get(name) as string | null,
    bool: (name) => get(name) as boolean,
    list: (name) => get(name) as readonly string[],
    value: <T>(name: string) => get(name) as T,
  };
}

/** Writes a parameter value as info-string attribute text. */
export function encodeParam(spec: ParamSpec, value: unknown): string {
  switch (spec.type) {
    case "number":
    case "date":
      return value === null || value === undefined ? AUTO : String(value);
    case "multichoice":
      return (value as readonly string[]).join(",");
    case "boolean":
      return value ? "true" : "false";
    case "custom":
      return spec.format(value);
    default:
      return String(value);
  }
}

/** Reads a parameter from attribute text (or takes a typed value as is); returns problems instead of throwing. */
export function decodeParam(spec: ParamSpec, raw: unknown): { value: unknown; problems: string[] } {
  if (typeof raw !== "string" || spec.type === "text" || spec.type === "choice") return { value: raw, problems: [] };
  const text = raw.trim();
  switch (spec.type) {
    case "number": {
      if (text === AUTO || text === "") return { value: null, problems: [] };
      const n = Number(text);
      return Number.isFinite(n)
        ? { value: n, problems: [] }
        : { value: raw, problems: [msg.notANumber(spec.label, raw)] };
    }
    case "date":
      return { value: text === AUTO || text === "" ? null : text, problems: [] };
    case "multichoice":
      return { value: text ? text.split(",").map((s) => s.trim()) : [], problems: [] };
    case "boolean":
      if (/^(true|yes|1)$/i.test(text)) return { value: true, problems: [] };
      if (/^(false|no|0)$/i.test(text)) return { value: false, problems: [] };
      return { value: raw, problems: [msg.notABoolean(spec.label, raw)] };
    case "custom":
      try {
        return { value: spec.parse(text), problems: [] };
      } catch (e) {
        return { value: raw, problems: [(e as Error).message] };
      }
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks one (decoded) value against its spec; returns problems as sentences. */
export function validateParam(spec: ParamSpec, value: unknown): string[] {
  switch (spec.type) {
    case "number": {
      if (value === null) return spec.default === null || spec.auto ? [] : [msg.notANumber(spec.label, "auto")];
      if (typeof value !== "number" || !Number.isFinite(value)) return [msg.notANumber(spec.label, String(value))];
      if (spec.integer && !Number.isInteger(value)) return [msg.notAnInteger(spec.label, value)];
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max))
        return [msg.outOfRange(spec.label, value, spec.min, spec.max)];
      return [];
    }
    case "date":
      if (value === null) return [];
      if (typeof value !== "string" || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))
        return [msg.notADate(spec.label, String(value))];
      return [];
    case "choice":
      return spec.options.some((o) => o.value === value)
        ? []
        : [
            msg.notAnOption(
              spec.label,
              String(value),
              spec.options.map((o) => o.value),
            ),
          ];
    case "multichoice": {
      if (!Array.isArray(value))
        return [
          msg.notAnOption(
            spec.label,
            String(value),
            spec.options.map((o) => o.value),
          ),
        ];
      const bad = value.filter((v) => !spec.options.some((o) => o.value === v));
      if (bad.length)
        return [
          msg.notAnOption(
            spec.label,
            bad.join(", "),
            spec.options.map((o) => o.value),
          ),
        ];
      return value.length ? [] : [msg.emptyChoice(spec.label)];
    }
    case "boolean":
      return typeof value === "boolean" ? [] : [msg.notABoolean(spec.label, String(value))];
    case "text":
      if (typeof value !== "string") return [msg.notText(spec.label)];
      return /["\\\n\r]/.test(value) ? [msg.textHasQuote(spec.label)] : [];
    case "custom":
      return [...(spec.validate?.(value) ?? [])];
  }
}

/** Resolves given values (typed, or attribute text) against specs: defaults filled, everything validated. */
export function resolveParams(
  specs: readonly ParamSpec[],
  given: Readonly<Record<string, unknown>> = {},
): { values: Record<string, unknown>; problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const spec of specs) {
    const raw = given[spec.name];
    const decoded = raw === undefined ? { value: spec.default, problems: [] } : decodeParam(spec, raw);
    problems.push(...decoded.problems);
    if (!decoded.problems.length) problems.push(...validateParam(spec, decoded.value));
    values[spec.name] = decoded.value;
  }
  for (const name of Object.keys(given)) {
    if (!specs.some((s) => s.name === name))
      problems.push(
        msg.unknownParam(
          name,
          specs.map((s) => s.name),
        ),
      );
  }
  return { values, problems };
}
