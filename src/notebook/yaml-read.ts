// A strict reader for the YAML that front matter holds: block mappings and sequences, `{ }` and `[ ]` on one
// line, plain and quoted scalars (YAML 1.2 core types), comments. Anything else (anchors, tags, multi-line
// scalars) is refused with its line, so a value is never read differently from a full YAML parser.
import { notebookMessages as m } from "../messages/notebook";

/** A value as YAML's core schema reads it into JavaScript. */
export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };

/** Where a block mapping's entry sits: lines are 0-based indexes into the text's lines. */
export interface YamlEntry {
  readonly key: string;
  readonly indent: number;
  /** The key's line, and one past the last line of its value. */
  readonly line: number;
  readonly end: number;
  /** The line its value starts on (the key's line unless the value is a block below it). */
  readonly valueLine: number;
  /** The entries of its value when that is a block mapping. */
  readonly children?: readonly YamlEntry[];
}

/** A refusal, with the 0-based line it is on. */
export class YamlError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** What `readYaml` returns: the value, and the entries when the document is a block mapping. */
export interface YamlDocument {
  readonly value: YamlValue;
  readonly entries?: readonly YamlEntry[];
}

interface Line {
  readonly no: number;
  readonly indent: number;
  readonly text: string;
}

const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A plain scalar's value under YAML 1.2's core schema. */
export function plainValue(text: string): YamlValue {
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === "t" || text[0] === "T";
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (INT.test(text) || FLOAT.test(text)) return Number(text);
  if (SPECIAL.test(text))
    return text.endsWith("N") || text.endsWith("n") ? NaN : text[0] === "-" ? -Infinity : Infinity;
  return text;
}

/** Sets `key` as an own property even when it is `__proto__`. */
function put(target: Record<string, YamlValue>, key: string, value: YamlValue, line: number): void {
  if (Object.prototype.hasOwnProperty.call(target, key)) throw new YamlError(line, m.yamlDuplicateKey(key));
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Reads one line's worth of inline YAML (a scalar or a flow collection) starting at `pos`. */
class InlineReader {
  pos = 0;
  constructor(
    readonly text: string,
    readonly no: number,
  ) {}

  fail(message: string): never {
    throw new YamlError(this.no, message);
  }

  spaces(): void {
    while (this.text[this.pos] === " " || this.text[this.pos] === "\t") this.pos++;
  }

  /** The rest of the line must be empty or a comment. */
  finish(): void {
    const start = this.pos;
    this.spaces();
    const comment = this.text[this.pos] === "#" && (this.pos > start || /[ \t]/.test(this.text[this.pos - 1] ?? ""));
    if (this.pos < this.text.length && !comment) {
      this.fail(m.yamlUnexpected(this.text.slice(this.pos)));
    }
  }

  value(flow: boolean): YamlValue {
    const c = this.text[this.pos];
    if (c === '"') return this.doubleQuoted();
    if (c === "'") return this.singleQuoted();
    if (c === "[") return this.sequence();
    if (c === "{") return this.mapping();
    if (c === "&" || c === "*" || c === "!") this.fail(m.yamlAnchors());
    if (c === "|" || c === ">") this.fail(m.yamlBlockText());
    if (c === "@" || c === "`" || c === "%") this.fail(m.yamlUnexpected(c));
    if ((c === "-" || c === "?" || c === ":") && /^[ \t]?$/.test(this.text[this.pos + 1] ?? "")) {
      this.fail(m.yamlUnexpected(c));
    }
    return plainValue(this.plain(flow));
  }

  plain(flow: boolean): string {
    const start = this.pos;
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      const next = this.text[this.pos + 1] ?? "";
      if (c === "#" && /[ \t]/.test(this.text[this.pos - 1])) break;
      if (c === ":" && (/[ \t]/.test(next) || next === "" || (flow && /[,[\]{}]/.test(next)))) break;
      if (flow && /[,[\]{}]/.test(c)) break;
    }
    return this.text.slice(start, this.pos).trimEnd();
  }

  doubleQuoted(): string {
    const ESCAPES: Record<string, string> = {
      "0": "\0",
      a: "\x07",
      b: "\b",
      t: "\t",
      "\t": "\t",
      n: "\n",
      v: "\v",
      f: "\f",
      r: "\r",
      e: "\x1b",
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      N: "\x85",
      _: "\xa0",
      L: "\u2028",
      P: "\u2029",
    };
    let out = "";
    for (this.pos++; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.text[++this.pos];
      const hex = { x: 2, u: 4, U: 8 }[e as "x"];
      if (hex) {
        const digits = this.text.slice(this.pos + 1, this.pos + 1 + hex);
        if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) this.fail(m.yamlBadEscape(`\\${e}${digits}`));
        out += String.fromCodePoint(parseInt(digits, 16));
        this.pos += hex;
      } else if (e !== undefined && e in ESCAPES) out += ESCAPES[e];
      else this.fail(m.yamlBadEscape(`\\${e ?? ""}`));
    }
    return this.fail(m.yamlUnclosed('"'));
  }

  singleQuoted(): string {
    let out = "";
    for (this.pos++; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c !== "'") out += c;
      else if (this.text[this.pos + 1] === "'") out += this.text[++this.pos];
      else {
        this.pos++;
        return out;
      }
    }
    return this.fail(m.yamlUnclosed("'"));
  }

  /** Reads items up to `close`, each with `item`, commas between (one trailing comma allowed). */
  items(close: string, item: () => void): void {
    this.pos++;
    for (;;) {
      this.spaces();
      if (this.pos >= this.text.length || this.text[this.pos] === "#") this.fail(m.yamlUnclosed(close));
      if (this.text[this.pos] === close) break;
      item();
      this.spaces();
      if (this.text[this.pos] === ",") this.pos++;
      else if (this.text[this.pos] !== close) this.fail(m.yamlUnclosed(close));
    }
    this.pos++;
  }

  sequence(): YamlValue[] {
    const out: YamlValue[] = [];
    this.items("]", () => {
      const start = this.pos;
      out.push(this.value(true));
      this.spaces();
      if (this.text[this.pos] === ":") this.fail(m.yamlPairInList());
      if (this.pos === start) this.fail(m.yamlUnexpected(this.text.slice(this.pos)));
    });
    return out;
  }

  mapping(): Record<string, YamlValue> {
    const out: Record<string, YamlValue> = {};
    this.items("}", () => {
      const start = this.pos;
      const key = this.key(true);
      if (this.pos === start) this.fail(m.yamlUnexpected(this.text.slice(this.pos)));
      this.spaces();
      let value: YamlValue = null;
      if (this.text[this.pos] === ":") {
        this.pos++;
        this.spaces();
        if (!/[,}]/.test(this.text[this.pos] ?? "")) value = this.value(true);
      }
      put(out, key, value, this.no);
    });
    return out;
  }

  /** A mapping key: quoted or plain, as text. */
  key(flow: boolean): string {
    const c = this.text[this.pos];
    if (c === '"') return this.doubleQuoted();
    if (c === "'") return this.singleQuoted();
    const value = this.value(flow);
    if (value !== null && typeof value === "object") this.fail(m.yamlCollectionKey());
    return value === null ? "" : String(value);
  }
}

/** Reads `text` (front matter between the --- lines); throws a YamlError naming the line of the first problem. */
export function readYaml(text: string): YamlDocument {
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((raw, no) => {
    const indent = /^ */.exec(raw)![0].length;
    const rest = raw.slice(indent);
    if (/^[ \t]*(#.*)?$/.test(rest)) return;
    if (rest[0] === "\t") throw new YamlError(no, m.yamlTab());
    lines.push({ no, indent, text: rest.trimEnd() });
  });
  let i = 0;

  function inline(line: Line, offset: number): YamlValue {
    const reader = new InlineReader(line.text, line.no);
    reader.pos = offset;
    const value = reader.value(false);
    reader.finish();
    // A plain value cannot go on over the next lines here: refuse it rather than read it differently.
    if (lines[i] && lines[i].indent > line.indent) throw new YamlError(lines[i].no, m.yamlContinued());
    return value;
  }

  /** The value below a `key:` or `-` with nothing after it on `owner`'s line. */
  function below(owner: Line, allowSameIndentSequence: boolean): { value: YamlValue; entries?: YamlEntry[] } {
    const next = lines[i];
    if (
      next &&
      (next.indent > owner.indent || (allowSameIndentSequence && next.indent === owner.indent && isItem(next)))
    )
      return block(next.indent);
    return { value: null };
  }

  const isItem = (line: Line) => line.text === "-" || line.text.startsWith("- ");

  function block(indent: number): { value: YamlValue; entries?: YamlEntry[] } {
    return isItem(lines[i]) ? { value: sequence(indent) } : mapping(indent);
  }

  function sequence(indent: number): YamlValue[] {
    const out: YamlValue[] = [];
    while (lines[i] && lines[i].indent === indent && isItem(lines[i])) {
      const line = lines[i++];
      const offset = /^-[ ]*/.exec(line.text)![0].length;
      if (offset === line.text.length) out.push(below(line, false).value);
      else if (entryColon(line.text, offset) >= 0) {
        // `- key: value`: a mapping whose first line starts after the dash.
        lines.splice(--i, 1, { no: line.no, indent: indent + offset, text: line.text.slice(offset) });
        out.push(mapping(indent + offset).value);
      } else out.push(inline(line, offset));
    }
    return out;
  }

  function mapping(indent: number): { value: Record<string, YamlValue>; entries: YamlEntry[] } {
    const value: Record<string, YamlValue> = {};
    const entries: YamlEntry[] = [];
    while (lines[i] && lines[i].indent === indent) {
      const line = lines[i++];
      const colon = entryColon(line.text, 0);
      if (colon < 0) throw new YamlError(line.no, isItem(line) ? m.yamlUnexpected("-") : m.yamlNoColon());
      const reader = new InlineReader(line.text.slice(0, colon), line.no);
      const key = reader.key(false);
      reader.finish();
      const offset = colon + 1 + /^[ \t]*/.exec(line.text.slice(colon + 1))![0].length;
      const first = i;
      const item =
        offset === line.text.length || line.text[offset] === "#" ? below(line, true) : { value: inline(line, offset) };
      put(value, key, item.value, line.no);
      const valueLine = i > first ? lines[first].no : line.no;
      entries.push({ key, indent, line: line.no, end: lines[i - 1].no + 1, valueLine, children: item.entries });
    }
    if (lines[i] && lines[i].indent > indent) throw new YamlError(lines[i].no, m.yamlIndent());
    return { value, entries };
  }

  if (lines.length === 0) return { value: null };
  const first = lines[0];
  if (first.indent > 0 && !isItem(first) && entryColon(first.text, 0) < 0)
    throw new YamlError(first.no, m.yamlIndent());
  let doc: YamlDocument;
  if (isItem(first) || entryColon(first.text, 0) >= 0) doc = block(first.indent);
  else {
    i = 1;
    doc = { value: inline(first, 0) };
  }
  if (lines[i]) throw new YamlError(lines[i].no, lines[i].indent < first.indent ? m.yamlIndent() : m.yamlNoColon());
  return doc;
}

/** Where a block mapping line's key ends (its `:` followed by a space or the line's end), or -1. */
function entryColon(text: string, from: number): number {
  const c = text[from];
  let pos = from;
  if (c === '"' || c === "'") {
    const reader = new InlineReader(text, -1);
    reader.pos = from;
    try {
      reader.key(false);
    } catch {
      return -1;
    }
    pos = reader.pos;
    while (text[pos] === " " || text[pos] === "\t") pos++;
    return text[pos] === ":" && /[ \t]|^$/.test(text[pos + 1] ?? "") ? pos : -1;
  }
  if (c === "[" || c === "{") return -1;
  for (; pos < text.length; pos++) {
    if (text[pos] === "#" && pos > from && /[ \t]/.test(text[pos - 1])) return -1;
    if (text[pos] === ":" && /[ \t]|^$/.test(text[pos + 1] ?? "")) return pos;
  }
  return -1;
}
