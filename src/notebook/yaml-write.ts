// Writes front matter YAML that yaml-read.ts reads back: values in block style, text plain where that
// reads back as the same text and double-quoted otherwise; and line edits that leave every other line as it was.
import { plainValue, type YamlValue } from "./yaml-read";

const isRecord = (v: unknown): v is Record<string, YamlValue> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** `text` as a YAML scalar: plain when it reads back as the same text, else in double quotes. */
export function yamlText(text: string): string {
  const plain =
    text !== "" &&
    text === text.trim() &&
    plainValue(text) === text &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) &&
    !/[,[\]{}]|: |:$| #/.test(text) &&
    ![...text].some((c) => c < " " || (c >= "\u007f" && c <= "\u009f") || "\u2028\u2029\ufeff".includes(c));
  return plain ? text : JSON.stringify(text);
}

function scalar(value: YamlValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return yamlText(value);
  if (typeof value === "number")
    return Number.isNaN(value) ? ".nan" : Number.isFinite(value) ? String(value) : `${value < 0 ? "-" : ""}.inf`;
  return String(value);
}

/** `key: value` at `indent` spaces, a nested mapping or list on the lines below. */
export function yamlEntry(key: string, value: YamlValue, indent: number): string[] {
  const pad = " ".repeat(indent);
  const head = `${pad}${yamlText(key)}:`;
  if (isRecord(value) && Object.keys(value).length) {
    return [head, ...Object.entries(value).flatMap(([k, v]) => yamlEntry(k, v, indent + 2))];
  }
  if (Array.isArray(value) && value.length) return [head, ...value.flatMap((v) => yamlItem(v, indent + 2))];
  return [`${head} ${isRecord(value) ? "{}" : Array.isArray(value) ? "[]" : scalar(value)}`];
}

function yamlItem(value: YamlValue, indent: number): string[] {
  const pad = " ".repeat(indent);
  if (isRecord(value) && Object.keys(value).length) {
    const [first, ...rest] = Object.entries(value).flatMap(([k, v]) => yamlEntry(k, v, indent + 2));
    return [`${pad}- ${first.slice(indent + 2)}`, ...rest];
  }
  if (Array.isArray(value) && value.length) {
    const [first, ...rest] = value.flatMap((v) => yamlItem(v, indent + 2));
    return [`${pad}- ${first.slice(indent + 2)}`, ...rest];
  }
  return yamlEntry("", value, indent).map((line) => line.replace(/^( *)"":/, "$1-"));
}

/** A whole document: the mapping `value`, one entry after another, with a final line break. */
export function yamlDocument(value: Record<string, YamlValue>): string {
  return Object.entries(value)
    .flatMap(([k, v]) => yamlEntry(k, v, 0))
    .map((line) => `${line}\n`)
    .join("");
}

/** Line edits on a text: each replaces lines [start, end) with new ones; applied all at once. */
export class LineEdits {
  private readonly edits: { start: number; end: number; lines: string[]; order: number }[] = [];

  /** Replaces lines [start, end) (an insert when they are equal) with `lines`. */
  replace(start: number, end: number, lines: string[]): void {
    this.edits.push({ start, end, lines, order: this.edits.length });
  }

  /** `text` with every edit applied; inserts at one place keep the order they were made in. */
  apply(text: string): string {
    const lines = text.split(/\r?\n/);
    const sorted = [...this.edits].sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order);
    for (const e of sorted) lines.splice(e.start, e.end - e.start, ...e.lines);
    return lines.join("\n");
  }
}
