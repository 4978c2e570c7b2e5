// Compiles a Markdown cell's `${expr}` interpolations: each expression is TypeScript run by the
// CodeRunner (never evaluated in the app shell), the names they read are the cell's references.
import { compileMessages as m } from "../messages/compile";
import { positionAt } from "./position";
import { codeReferences } from "./ts";
import { transpileTs } from "./transpile";
import type { CellBody, CellError, MarkdownInterpolation } from "./types";

/** What compiling a Markdown cell yields. */
export interface CompiledMarkdown {
  readonly references: string[];
  readonly body?: Extract<CellBody, { type: "markdown" }>;
  readonly error?: CellError;
}

/**
 * Splits Markdown into text pieces and `${expr}` expressions. `\${` is a literal `${`, and inline code
 * (`` `...` ``) is left alone, so prose can show the syntax itself.
 */
export function splitInterpolations(
  text: string,
): { pieces: string[]; expressions: { text: string; offset: number }[] } | { error: CellError } {
  const pieces: string[] = [];
  const expressions: { text: string; offset: number }[] = [];
  let piece = "";
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("\\${", i)) {
      piece += "\\${";
      i += 3;
    } else if (text[i] === "`") {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = text.indexOf(run, i + run.length);
      const end = close < 0 ? i + run.length : close + run.length;
      piece += text.slice(i, end);
      i = end;
    } else if (text.startsWith("${", i)) {
      const end = closingBrace(text, i + 2);
      if (end < 0) return { error: { message: m.mdUnclosed(), ...positionAt(text, i) } };
      const expr = text.slice(i + 2, end);
      if (!expr.trim()) return { error: { message: m.mdEmpty(), ...positionAt(text, i) } };
      pieces.push(piece);
      piece = "";
      expressions.push({ text: expr, offset: i + 2 });
      i = end + 1;
    } else piece += text[i++];
  }
  pieces.push(piece);
  return { pieces, expressions };
}

/** The offset of the `}` closing an expression that starts at `from`, skipping nested braces and strings; -1 if none. */
function closingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === "`") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === "{") depth++;
    else if (c === "}") {
      if (depth === 0) return i;
      depth--;
    } else if (c === "\n" && text[i + 1] === "\n") return -1; // an expression does not span paragraphs
  }
  return -1;
}

/** Compiles a Markdown cell: plain text, or text with interpolations and the names they read. */
export function compileMarkdown(text: string): CompiledMarkdown {
  const split = splitInterpolations(text);
  if ("error" in split) return { references: [], error: split.error };
  if (!split.expressions.length) return { references: [], body: { type: "markdown", text } };
  const expressions = split.expressions.map((e) => e.text);
  return {
    references: codeReferences(expressions.map((e) => `(${e})`).join("\n")),
    body: {
      type: "markdown",
      text,
      interpolation: { pieces: split.pieces, expressions, offsets: split.expressions.map((e) => e.offset) },
    },
  };
}

/**
 * The JavaScript computing a Markdown cell's expressions (transpiled here, as it is about to run): it
 * returns one `{ ok, text }` per expression; rejects with a CellError at the expression that is not valid TypeScript.
 */
export async function interpolationCode(text: string, interpolation: MarkdownInterpolation): Promise<string> {
  const compiled: string[] = [];
  for (const [i, expr] of interpolation.expressions.entries()) {
    try {
      compiled.push((await transpileTs(`(${expr})`)).code);
    } catch (e) {
      throw { ...(e as CellError), ...positionAt(text, interpolation.offsets[i]) } satisfies CellError;
    }
  }
  // Each expression settles on its own, so one failing expression does not blank the others.
  return (
    "return await Promise.all([\n" +
    compiled.map((c) => `async () => ${c.replace(/;\s*$/, "")},\n`).join("") +
    '].map((f) => f().then((v) => ({ ok: true, text: typeof v === "string" ? v : fmt(v) }), (e) => ({ ok: false, text: String(e && e.message || e) }))));'
  );
}
