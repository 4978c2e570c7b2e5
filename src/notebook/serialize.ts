// Writes a notebook back to its Markdown file. Each part that still matches what was read is written
// as it was read (byte for byte); edited and new parts are written in the canonical form of FORMAT.md.
import { EMPTY_FRONT_MATTER, snapshotFrontMatter, writeFrontMatterYaml } from "./front-matter";
import { formatInfo, infoSignature } from "./info";
import { normalizeEol, sourceOf } from "./parse";
import type { Cell, FrontMatter, Notebook } from "./types";

/** Writes a notebook as Markdown; a file read by parseNotebook and not edited comes back byte for byte. */
export function serializeNotebook(nb: Notebook): string {
  const layout = nb.layout;
  const eol = layout?.eol ?? "\n";
  const withEol = (text: string) => (eol === "\n" ? text : text.replace(/\r?\n/g, eol));
  let out = layout?.bom ? "\uFEFF" : "";

  const fm = writeFrontMatter(nb.frontMatter, nb, withEol);
  out += fm;
  let first = fm === "";
  for (const cell of nb.cells) {
    const text = writeCell(cell, withEol);
    if (text === "") continue; // an empty Markdown cell has nothing to write
    if (first) out += layout && cell === nb.cells[0] ? layout.leading : "";
    else out += cell.layout?.before !== undefined && /^\r?\n/.test(cell.layout.before) ? cell.layout.before : eol + eol;
    out += text;
    first = false;
  }
  return out + (layout ? layout.trailing : eol);
}

function isEmpty(fm: FrontMatter): boolean {
  return snapshotFrontMatter(fm) === snapshotFrontMatter(EMPTY_FRONT_MATTER);
}

function writeFrontMatter(fm: FrontMatter, nb: Notebook, withEol: (t: string) => string): string {
  const original = nb.layout?.frontMatter;
  if (original && snapshotFrontMatter(fm) === original.snapshot) {
    return `${original.open}${original.yaml}${original.close}`;
  }
  // A file read without front matter stays without it until there is something to say.
  if (nb.layout && !original && isEmpty(fm)) return "";
  const eol = nb.layout?.eol ?? "\n";
  const yaml = withEol(writeFrontMatterYaml(fm, original ?? undefined));
  return `${original?.open ?? `---${eol}`}${yaml}${original?.close ?? "---"}`;
}

function writeCell(cell: Cell, withEol: (t: string) => string): string {
  const layout = cell.layout;
  if (cell.kind === "markdown") {
    if (layout && normalizeEol(layout.body) === cell.source) return layout.body;
    // Blank lines at the edges would read back as separators, not as part of the cell.
    return withEol(
      cell.source
        .replace(/^([ \t]*\n)+/, "")
        .replace(/(\n[ \t]*)+$/, "")
        .replace(/^[ \t]*$/, ""),
    );
  }
  const bodyUnchanged = layout?.body !== undefined && sourceOf(layout.body) === cell.source;
  const body = bodyUnchanged ? layout.body : cell.source === "" ? "" : withEol(cell.source + "\n");
  const fence = layout?.fence && fenceFits(layout.fence, cell.source) ? layout.fence : chooseFence(cell);
  const infoUnchanged = layout?.info === infoSignature(cell) && layout.fence === fence && layout.open !== undefined;
  const open = infoUnchanged ? layout.open! : `${fence}${formatInfo(cell)}${withEol("\n")}`;
  // A block the file left unclosed stays unclosed while untouched (its body runs to the end of the file).
  if (infoUnchanged && bodyUnchanged && layout.close === null) return `${open}${body}`;
  const close = infoUnchanged && bodyUnchanged && layout.close ? layout.close : fence;
  if (body !== "" && !body.endsWith("\n")) return `${open}${body}${withEol("\n")}${close}`;
  // The body ends with a line break unless it is empty, so the closing fence always starts its own line.
  return `${open}${body}${close}`;
}

/** Whether no line of `source` would close a block opened with `fence`. */
function fenceFits(fence: string, source: string): boolean {
  return !source.split("\n").some((line) => {
    const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    return m !== null && m[1][0] === fence[0] && m[1].length >= fence.length;
  });
}

/** A fence longer than any run of its character in the cell: backticks, or tildes when the info string holds a backtick. */
function chooseFence(cell: Cell): string {
  const char = formatInfo(cell).includes("`") ? "~" : "`";
  const runs = cell.source.match(char === "`" ? /`+/g : /~+/g) ?? [];
  const longest = Math.max(2, ...runs.map((r) => r.length));
  return char.repeat(longest + 1);
}
