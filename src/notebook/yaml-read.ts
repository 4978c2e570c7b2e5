// A strict reader for the YAML that front matter holds: block mappings and sequences, `{ }` and `[ ]` on one
// line, plain and quoted scalars (YAML 1.2 core types), comments. Anything else (anchors, tags, multi-line
// scalars) is refused with its line, so a value is never read differently from a full YAML parser.
import { notebookMessages as m } from "../messages/notebook";
import { InlineReader, YamlError, put, type YamlValue } from "./yaml-inline";

export { YamlError, plainValue, type YamlValue } from "./yaml-inline";

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
