// The static stand-in for a code editor: the highlighted lines drawn as plain DOM (one block per line, numbered by
// CSS, a cell error marked as the editor marks it), editable as plain text until CodeMirror takes over, and read
// back with the caret, so whatever was typed or clicked before the editor existed carries over to it.
import { errorWord, tokenLines, tokenize, type HighlightLanguage } from "./highlight";

/** An error position to mark (1-based line and column), as cell errors carry them. */
export interface StaticError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** Draws `text` into `host` (replacing what was there): one `.static-line` per line, tokens as classed spans. */
export function drawStaticCode(
  host: HTMLElement,
  text: string,
  language: HighlightLanguage,
  error?: StaticError,
): void {
  const at = error ? errorWord(text, error.line, error.column) : undefined;
  const lines = tokenLines(tokenize(text, language)).map((tokens, i) => {
    const line = document.createElement("div");
    line.className = "static-line";
    let column = 0;
    for (const token of tokens) {
      const pieces = at && at.line === i + 1 ? split(token.text, column, at.from, at.to) : [[token.text, false]];
      for (const [piece, marked] of pieces as [string, boolean][]) {
        if (!piece) continue;
        const span = token.kind ? document.createElement("span") : undefined;
        if (span) span.className = `hl-${token.kind}`;
        const node = span ?? document.createTextNode(piece);
        if (span) span.textContent = piece;
        if (marked) {
          const mark = document.createElement("span");
          mark.className = "cm-error-mark";
          mark.dataset.role = "error-mark";
          mark.title = error!.message;
          mark.append(node);
          line.append(mark);
        } else line.append(node);
      }
      column += token.text.length;
    }
    if (at?.line === i + 1) line.classList.add("cm-error-line");
    // An empty line keeps its height (and stays a place for the caret).
    if (!tokens.length) line.append(document.createElement("br"));
    return line;
  });
  host.replaceChildren(...lines);
}

/** Splits `text` (starting at `column` of its line) into the parts before, inside and after [from, to). */
function split(text: string, column: number, from: number, to: number): [string, boolean][] {
  const a = Math.max(0, Math.min(text.length, from - column));
  const b = Math.max(0, Math.min(text.length, to - column));
  return [
    [text.slice(0, a), false],
    [text.slice(a, b), true],
    [text.slice(b), false],
  ];
}

/** The text in `host` as the user left it, with the selection's anchor and head as offsets (when inside it). */
export function readStaticCode(
  host: HTMLElement,
  selection: Selection | null,
): { text: string; anchor?: number; head?: number } {
  let text = "";
  let anchor: number | undefined;
  let head: number | undefined;
  const sel = selection && host.contains(selection.anchorNode) && host.contains(selection.focusNode) ? selection : null;
  const note = (node: Node, offset: number) => {
    if (!sel) return;
    if (node === sel.anchorNode && offset === sel.anchorOffset) anchor ??= text.length;
    if (node === sel.focusNode && offset === sel.focusOffset) head ??= text.length;
  };
  const walk = (node: Node) => {
    node.childNodes.forEach((child, i) => {
      note(node, i);
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        for (let k = 0; k <= data.length; k++) {
          note(child, k);
          if (k < data.length) text += data[k];
        }
      } else if (child.nodeName === "BR") {
        // A line's closing <br> only holds the empty line open; any other is a line break typed in.
        if (child !== node.lastChild || node === host) text += "\n";
      } else {
        if (child.nodeName === "DIV" && i > 0 && node === host) text += "\n";
        walk(child);
      }
    });
    note(node, node.childNodes.length);
  };
  walk(host);
  return { text, anchor, head };
}
