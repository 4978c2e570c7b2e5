// Reads a notebook file: front matter, then Markdown runs and fenced blocks in file order.
// Every cell keeps the exact text it came from (its layout), so serialize.ts can write it back unchanged.
import { NotebookError } from "./errors";
import { EMPTY_FRONT_MATTER, parseFrontMatter, snapshotFrontMatter } from "./front-matter";
import { newCellId } from "./ids";
import { infoSignature, parseInfo } from "./info";
import type { Cell, FrontMatter, Notebook, NotebookLayout } from "./types";
import { notebookMessages as m } from "../messages/notebook";

interface Line {
  readonly start: number;
  /** The line without its line break. */
  readonly text: string;
  /** Offset just past the line's text (where its line break, if any, starts). */
  readonly end: number;
  /** Offset of the next line. */
  readonly next: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf("\n", start);
    const next = nl === -1 ? text.length : nl + 1;
    const end = nl === -1 ? text.length : nl > start && text[nl - 1] === "\r" ? nl - 1 : nl;
    lines.push({ start, text: text.slice(start, end), end, next });
    start = next;
  }
  return lines;
}

/** Up to three spaces, then three or more backticks or tildes, then the info string (no backtick after backticks). */
const OPEN_FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const CLOSE_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const isBlank = (line: Line) => /^[ \t]*$/.test(line.text);

/** Line breaks in a cell's source are always "\n", whatever the file uses. */
export const normalizeEol = (text: string) => text.replace(/\r\n/g, "\n");

/** Reads a notebook file; throws a NotebookError (with the file line) for broken front matter or a newer format version. */
export function parseNotebook(input: string): Notebook {
  const bom = input.startsWith("\uFEFF");
  const text = bom ? input.slice(1) : input;
  const lines = splitLines(text);
  const firstBreak = /\r?\n/.exec(text);
  const eol = firstBreak?.[0] === "\r\n" ? "\r\n" : "\n";

  let frontMatter: FrontMatter = EMPTY_FRONT_MATTER;
  let fmLayout: NotebookLayout["frontMatter"] = null;
  let i = 0;
  let prevEnd = 0;
  if (lines.length && /^---[ \t]*$/.test(lines[0].text)) {
    const close = lines.findIndex((line, k) => k > 0 && /^(---|\.\.\.)[ \t]*$/.test(line.text));
    if (close === -1) throw new NotebookError(m.unclosedFrontMatter(), 1);
    const yaml = text.slice(lines[0].next, lines[close].start);
    frontMatter = parseFrontMatter(yaml, 2);
    fmLayout = {
      open: text.slice(0, lines[0].next),
      yaml,
      close: lines[close].text,
      snapshot: snapshotFrontMatter(frontMatter),
    };
    i = close + 1;
    prevEnd = lines[close].end;
  }

  const cells: Cell[] = [];
  let leading = "";
  const push = (cell: Omit<Cell, "id" | "layout">, layout: NonNullable<Cell["layout"]>, start: number, end: number) => {
    const before = text.slice(prevEnd, start);
    if (cells.length === 0 && !fmLayout) leading = before;
    cells.push({ id: newCellId(), ...cell, layout: cells.length === 0 && !fmLayout ? layout : { ...layout, before } });
    prevEnd = end;
  };

  let mdFirst = -1; // first line of the Markdown run being collected
  let mdLast = -1; // its last non-blank line
  const flushMarkdown = () => {
    if (mdFirst === -1) return;
    const body = text.slice(lines[mdFirst].start, lines[mdLast].end);
    push(
      { kind: "markdown", attrs: {}, source: normalizeEol(body) },
      { body },
      lines[mdFirst].start,
      lines[mdLast].end,
    );
    mdFirst = mdLast = -1;
  };

  for (; i < lines.length; i++) {
    const line = lines[i];
    const open = OPEN_FENCE.exec(line.text);
    if (open && !(open[2][0] === "`" && open[3].includes("`"))) {
      flushMarkdown();
      const fence = open[2];
      let close = i + 1;
      for (; close < lines.length; close++) {
        const c = CLOSE_FENCE.exec(lines[close].text);
        if (c && c[1][0] === fence[0] && c[1].length >= fence.length) break;
      }
      const closed = close < lines.length;
      const bodyStart = line.next;
      const bodyEnd = closed ? lines[close].start : text.length;
      const body = text.slice(bodyStart, bodyEnd);
      const info = parseInfo(open[3]);
      push(
        {
          kind: info.kind,
          ...(info.name === undefined ? {} : { name: info.name }),
          ...(info.language === undefined ? {} : { language: info.language }),
          attrs: info.attrs,
          source: sourceOf(body),
        },
        {
          body,
          open: text.slice(line.start, line.next),
          info: infoSignature(info),
          fence,
          close: closed ? lines[close].text : null,
        },
        line.start,
        closed ? lines[close].end : text.length,
      );
      i = close;
    } else if (!isBlank(line)) {
      if (mdFirst === -1) mdFirst = i;
      mdLast = i;
    }
  }
  flushMarkdown();

  const layout: NotebookLayout = {
    eol,
    bom,
    frontMatter: fmLayout,
    leading: cells.length || fmLayout ? leading : "",
    trailing: text.slice(prevEnd),
  };
  return { frontMatter, cells, layout };
}

/** The code inside a fence: the body lines without the line break before the closing fence. */
export function sourceOf(body: string): string {
  return normalizeEol(body).replace(/\n$/, "");
}
