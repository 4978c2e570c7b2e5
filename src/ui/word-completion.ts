// Completion of table and column names written in other scripts than Latin (`中文订单`, `金额`): the SQL
// language's own completion only starts on ASCII identifier characters, so these names get a source of their own.
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from "@codemirror/autocomplete";

const WORD = /[\p{L}\p{N}\p{M}_]+$/u;
const WORD_CHARS = /^[\p{L}\p{N}\p{M}_]*$/u;
const FOREIGN = /[^\p{ASCII}]/u;

/** A completion source offering the schema's tables and columns whose names hold non-ASCII letters. */
export function wordCompletion(schema: Record<string, readonly string[]>): CompletionSource {
  const seen = new Set<string>();
  const options: Completion[] = [];
  const add = (label: string, type: string, detail?: string) => {
    if (!FOREIGN.test(label) || !WORD_CHARS.test(label) || seen.has(label)) return;
    seen.add(label);
    options.push({ label, type, ...(detail ? { detail } : {}) });
  };
  for (const table of Object.keys(schema)) add(table, "type");
  for (const [table, columns] of Object.entries(schema)) for (const column of columns) add(column, "property", table);
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(WORD);
    // Only words that start outside ASCII: ASCII words are the SQL language's to complete.
    if (!word || !FOREIGN.test(word.text[0])) return null;
    const matching = options.filter((o) => o.label.startsWith(word.text) && o.label !== word.text);
    return matching.length ? { from: word.from, options: matching, validFor: WORD_CHARS } : null;
  };
}
