// The fenced block's info string: `kind name key=value key="quoted value"`, read and written.
// Reading never fails: whatever is odd about a name shows up when the cell is compiled.
import { COMPUTING_KINDS, type CellKind } from "./types";

/** What an info string says about its block. */
export interface Info {
  readonly kind: CellKind;
  readonly name?: string;
  readonly language?: string;
  readonly attrs: Readonly<Record<string, string>>;
}

interface Token {
  readonly key?: string;
  readonly value: string;
}

/** Splits an info string into bare words and `key=value` pairs; `"..."` values may hold spaces, `\"` and `\\`. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    let key: string | undefined;
    const eq = /^([^\s="]+)=/.exec(text.slice(i));
    if (eq) {
      key = eq[1];
      i += eq[0].length;
    }
    let value = "";
    if (text[i] === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === "\\" && i + 1 < text.length) i++;
        value += text[i++];
      }
      i++; // the closing quote (or past the end when it is missing)
    } else {
      while (i < text.length && !/\s/.test(text[i])) value += text[i++];
    }
    tokens.push({ key, value });
  }
  return tokens;
}

/** Reads an info string (the text after the fence). An empty info string reads as a code block with no language. */
export function parseInfo(text: string): Info {
  const tokens = tokenize(text);
  const first = tokens[0];
  const word = first && first.key === undefined ? first.value : "";
  if (!(COMPUTING_KINDS as readonly string[]).includes(word)) {
    // Other languages keep their whole info string in the opening line; only the language is modelled.
    return { kind: "code", language: word, attrs: {} };
  }
  let rest = tokens.slice(1);
  let name: string | undefined;
  if (rest[0] && rest[0].key === undefined) {
    name = rest[0].value;
    rest = rest.slice(1);
  }
  const attrs: Record<string, string> = {};
  // A bare word after the name is a flag: kept as an attribute with an empty value.
  for (const token of rest) attrs[token.key ?? token.value] = token.key === undefined ? "" : token.value;
  return { kind: word as CellKind, name, attrs };
}

/** Writes a value bare when it can be read back bare, else in double quotes. */
function formatValue(value: string): string {
  return /^[^\s"=\\]+$/.test(value) ? value : `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Writes the canonical info string for a cell: `kind name key=value ...` (code cells: their language). */
export function formatInfo(info: Info): string {
  if (info.kind === "code") return info.language ?? "";
  const parts: string[] = [info.kind];
  if (info.name !== undefined && info.name !== "") parts.push(formatValue(info.name));
  for (const [key, value] of Object.entries(info.attrs)) {
    // Without a name, a bare flag right after the kind would read back as the name: write it key="".
    if (value === "" && parts.length > 1) parts.push(formatValue(key));
    else parts.push(`${/^[^\s="\\]+$/.test(key) ? key : formatValue(key)}=${value === "" ? '""' : formatValue(value)}`);
  }
  return parts.join(" ");
}

/** A signature of what an info string says, to tell whether a cell's kind, name or attributes were edited. */
export function infoSignature(info: Info): string {
  return JSON.stringify([info.kind, info.name ?? null, info.language ?? null, info.attrs]);
}
