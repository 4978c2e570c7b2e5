// One line's worth of YAML for the front matter reader (yaml-read.ts): a plain or quoted scalar, or a `{ }`
// or `[ ]` collection that closes on the same line, typed as YAML 1.2's core schema types plain scalars.
import { notebookMessages as m } from "../messages/notebook";

/** A value as YAML's core schema reads it into JavaScript. */
export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };

/** A refusal, with the 0-based line it is on. */
export class YamlError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
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
export function put(target: Record<string, YamlValue>, key: string, value: YamlValue, line: number): void {
  if (Object.prototype.hasOwnProperty.call(target, key)) throw new YamlError(line, m.yamlDuplicateKey(key));
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Reads one line's worth of inline YAML (a scalar or a flow collection) starting at `pos`. */
export class InlineReader {
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
