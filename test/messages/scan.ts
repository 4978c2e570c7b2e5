// A heuristic scan of source text for user-facing English prose: Svelte text nodes and prose attributes,
// and quoted sentences in TypeScript. Used by the catalogue test; the rare exception is allow-listed there.

const PROSE = /[A-Za-z]{2,}[a-z]*(?:[ ’'][A-Za-z]+){1,}/;
const PROSE_ATTRIBUTES = /\b(?:title|aria-label|placeholder|alt)="([^"{]*)"/g;

/** Prose a Svelte file shows outside `{...}` expressions: its text nodes and prose attributes. */
export function svelteProse(source: string): string[] {
  const markup = source
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  const found: string[] = [];
  for (const match of markup.matchAll(PROSE_ATTRIBUTES)) if (PROSE.test(match[1]!)) found.push(match[1]!);
  let text = markup;
  // Expressions nest (a template literal inside braces): strip the innermost until none is left.
  for (let before = ""; before !== text;) [before, text] = [text, text.replace(/\{[^{}]*\}/g, " ")];
  text = text.replace(/<[^>]*>/g, "\n");
  for (const line of text.split("\n")) if (PROSE.test(line.trim())) found.push(line.trim());
  return found;
}

const LITERAL = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g;
// Prose: a capitalised word, then at least two more words, spaces between (not CSS, selectors or SQL).
const SENTENCE = /^[A-Z][a-z]+(?: [a-z]+[,:.]?){1,}/;
const SQL = /\b(?:SELECT|FROM|WHERE|CREATE|INSERT|PRAGMA)\b/;

/** Quoted sentences in a TypeScript file (comments left out). */
export function tsProse(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  for (const match of code.matchAll(LITERAL)) {
    const text = (match[1] ?? match[2] ?? match[3] ?? "").replace(/\$\{[^}]*\}/g, "x");
    if (SENTENCE.test(text) && !SQL.test(text)) found.push(text);
  }
  return found;
}

// A wording property given as a literal: what a recipe shows (title, question, parameter label, help, note on the
// automatic value) or writes (chart title, subtitle, axis title), at least two letters long ("k" is a symbol).
const WORDING = /\b(?:title|question|label|help|auto|subtitle)\s*:\s*(?:"([^"\n]*)"|'([^'\n]*)'|`([^`]*)`)/g;

/**
 * Prose in a recipe source: the quoted sentences tsProse finds, and any wording property written as a literal
 * (so a one-word axis title such as "Customers" is caught too). SQL text, identifiers and column names are
 * neither: they never start a capitalised sentence and are not the value of a wording property.
 */
export function recipeProse(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found = tsProse(source);
  for (const match of code.matchAll(WORDING)) {
    const text = match[1] ?? match[2] ?? match[3] ?? "";
    if (/[A-Za-z]{2,}/.test(text) && !found.includes(text)) found.push(text);
  }
  return found;
}
