// Guessing which column plays which role, from header names (several languages) and column types.
// The guess is a suggestion the user confirms; it is saved as `data.<table>.roles` in the front matter.
import { kindOfType } from "../table/result";
import { isDerived } from "./derived";
import { wordsFor } from "./role-lexicon";
import { vetoesFor } from "./role-vetoes";
import { ROLE_VOCABULARY, TABLE_KINDS, type RoleSpec, type RoleType, type TableKind } from "./role-vocabulary";

export { ROLE_VOCABULARY, TABLE_KINDS, rolesOf, requiredRoles, isRoleOf } from "./role-vocabulary";
export type { RoleSpec, RoleType, TableKind } from "./role-vocabulary";

/** A column as the guesser sees it; `samples` (a few values as text) sharpen guesses on text columns. */
export interface ColumnHint {
  readonly name: string;
  readonly type: string;
  readonly samples?: readonly string[];
}

/** One guessed mapping with a confidence in (0, 1]; a `question` is weak evidence the user should confirm. */
export interface RoleGuess {
  readonly role: string;
  readonly column: string;
  readonly confidence: number;
  readonly question: boolean;
}

/** The guessed mapping of a table: role -> column, the guesses, the roles guessed weakly, required roles not found. */
export interface RolesGuess {
  readonly kind: TableKind;
  readonly roles: Record<string, string>;
  readonly guesses: readonly RoleGuess[];
  readonly questions: readonly string[];
  readonly missing: readonly string[];
}

/** Below this a candidate is not suggested at all. */
const MIN_CONFIDENCE = 0.45;
/** From this on a guess is stated as a fact; below it, it is shown as a question. */
export const CONFIDENT = 0.75;

/** Normalizes a header for matching: camelCase split, accents and punctuation dropped, lower case. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/(\p{Script=Han})(?=[a-z0-9])|([a-z0-9])(?=\p{Script=Han})/gu, "$1$2 ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Whether two header words are the same word, a plural `s`/`es` aside (`amounts`, `counts`, `taxes`). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 3 && (long === short + "s" || long === short + "es");
}

/** How well a normalized header matches one normalized phrase, 0 when it does not. */
function matchPhrase(header: string, phrase: string): number {
  if (!phrase) return 0;
  const h = header.split(" ");
  const p = phrase.split(" ");
  if (h.length === p.length && p.every((w, j) => sameWord(h[j], w))) return 1;
  for (let i = 0; i + p.length <= h.length; i++) {
    if (p.every((w, j) => sameWord(h[i + j], w))) return 0.6 + (0.3 * p.length) / h.length;
  }
  if (/\p{Script=Han}/u.test(phrase) && header.includes(phrase)) return 0.6 + (0.3 * phrase.length) / header.length;
  // German compounds: `Rechnungsdatum`, `Nettoumsatz` end with a known word.
  if (p.length === 1 && phrase.length >= 5 && h.some((w) => w.length > phrase.length && w.endsWith(phrase))) return 0.7;
  return 0;
}

const normalizedWords = new Map<string, { strong: string[]; weak: string[]; not: string[] }>();

function wordsOf(kind: TableKind, role: string) {
  const key = `${kind}.${role}`;
  let words = normalizedWords.get(key);
  if (!words) {
    const raw = wordsFor(kind, role);
    const not = vetoesFor(kind, role).map(normalizeHeader);
    words = { strong: raw.strong.map(normalizeHeader), weak: (raw.weak ?? []).map(normalizeHeader), not };
    normalizedWords.set(key, words);
  }
  return words;
}

/** Whether a header holds a veto word: whole words, their plurals and prefixes (`refunded`), Han anywhere. */
function vetoed(header: string, vetoes: readonly string[]): boolean {
  // A tax qualifier (`Order Total (inc tax)`, `Betrag inkl. MwSt`) says how the money is counted, not that it is tax.
  const plain = header.replace(/\b(inc|incl|including|excl|excluding|ex|inkl|exkl|zzgl) \S+/g, "").trim();
  const words = plain.split(" ");
  return vetoes.some((v) => {
    if (/\p{Script=Han}/u.test(v)) return plain.includes(v);
    if (v.includes(" ")) return matchPhrase(plain, v) > 0;
    return words.some((w) => sameWord(w, v) || (v.length >= 4 && w.startsWith(v)) || (v.length >= 5 && w.endsWith(v)));
  });
}

/** How well a header names a role, from the lexicon (weak words count for less; a veto word rules it out). */
export function nameScore(kind: TableKind, role: string, header: string): number {
  const words = wordsOf(kind, role);
  const strong = Math.max(0, ...words.strong.map((w) => matchPhrase(header, w)));
  // A header that is exactly a known name (`Total Price`, `价税合计`) stands even if it holds a veto word.
  if (strong < 1 && vetoed(header, words.not)) return 0;
  const weak = 0.7 * Math.max(0, ...words.weak.map((w) => matchPhrase(header, w)));
  return Math.max(strong, weak);
}

const looksLikeDate = (s: string) =>
  /^\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})([ T].*)?$/.test(s);
const looksLikeNumber = (s: string) => /^\s*[-+]?[\d\s.,'’]*\d\s*$/.test(s);

const looksLikeIntegerDate = (s: string) => /^\s*(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*$/.test(s);
const looksLikeEpoch = (s: string) => /^\s*1\d{9}(\d{3})?\s*$/.test(s);

/** How acceptable a column's type is for a role type: 1 fits, 0 never. */
function typeFit(want: RoleType, column: ColumnHint): number {
  const kind = kindOfType(column.type);
  const samples = (column.samples ?? []).filter((s) => s.trim() !== "");
  const textLike = (test: (s: string) => boolean) => (samples.length ? (samples.every(test) ? 0.9 : 0) : 0.6);
  const integer = /INT/i.test(column.type);
  switch (want) {
    case "date":
      if (kind === "date" || kind === "timestamp") return 1;
      if (kind === "string") return textLike((s) => looksLikeDate(s) || looksLikeIntegerDate(s) || /^\d{4}年/.test(s));
      // Integer dates (`19970101`, Unix time) are dates only by their values; unseen, a date-named integer is a question.
      if (kind === "number" && integer)
        return samples.length ? textLike((s) => looksLikeIntegerDate(s) || looksLikeEpoch(s)) * 0.9 : 0.5;
      return 0;
    case "number":
      if (kind === "number") return 1;
      return kind === "string" ? textLike(looksLikeNumber) * 0.85 : 0;
    case "id":
      if (kind === "string") return 1;
      // Integer-valued DOUBLE keys (`17850.0`) are common in spreadsheet exports.
      if (kind === "number")
        return integer || (samples.length > 0 && samples.every((v) => /^\s*-?\d+(\.0+)?\s*$/.test(v))) ? 1 : 0.8;
      return 0;
    case "text":
      if (kind === "string") return 1;
      return kind === "number" || kind === "boolean" ? 0.6 : 0;
  }
}

/** Guesses the role mapping of a table from its columns; each column serves at most one role. */
export function guessRoles(columns: readonly ColumnHint[], kind?: TableKind): RolesGuess {
  const tableKind = kind ?? guessTableKind(columns).kind;
  const specs = ROLE_VOCABULARY[tableKind];
  const headers = columns.map((c) => normalizeHeader(c.name));
  const taken = new Set<number>();
  const guesses: RoleGuess[] = [];
  // Required roles choose first, so a lone customer-name column becomes the customer id, not the name.
  for (const group of [specs.filter((s) => s.required), specs.filter((s) => !s.required)]) {
    const candidates: { spec: RoleSpec; col: number; score: number }[] = [];
    group.forEach((spec) => {
      columns.forEach((column, col) => {
        if (taken.has(col)) return;
        const score = nameScore(tableKind, spec.name, headers[col]) * typeFit(spec.type, column);
        if (score >= MIN_CONFIDENCE) candidates.push({ spec, col, score });
      });
    });
    candidates.sort((a, b) => b.score - a.score || specs.indexOf(a.spec) - specs.indexOf(b.spec) || a.col - b.col);
    for (const c of candidates) {
      if (taken.has(c.col) || guesses.some((g) => g.role === c.spec.name)) continue;
      taken.add(c.col);
      guesses.push({
        role: c.spec.name,
        column: columns[c.col].name,
        confidence: round(c.score),
        question: c.score < CONFIDENT,
      });
    }
    fillDateByType(group, columns, taken, guesses);
  }
  guesses.sort((a, b) => specs.findIndex((s) => s.name === a.role) - specs.findIndex((s) => s.name === b.role));
  const roles: Record<string, string> = {};
  for (const g of guesses) roles[g.role] = g.column;
  const missing = specs.filter((s) => s.required && !(s.name in roles) && !isDerived(roles, s.name)).map((s) => s.name);
  return { kind: tableKind, roles, guesses, questions: guesses.filter((g) => g.question).map((g) => g.role), missing };
}

/** A date role nobody named takes the only unused date-typed column, with low confidence. */
function fillDateByType(
  group: readonly RoleSpec[],
  columns: readonly ColumnHint[],
  taken: Set<number>,
  guesses: RoleGuess[],
): void {
  const open = group.filter((s) => s.type === "date" && s.required && !guesses.some((g) => g.role === s.name));
  const dates = columns
    .map((c, i) => i)
    .filter((i) => !taken.has(i) && ["date", "timestamp"].includes(kindOfType(columns[i].type)));
  if (open.length === 1 && dates.length === 1) {
    taken.add(dates[0]);
    guesses.push({ role: open[0].name, column: columns[dates[0]].name, confidence: 0.5, question: true });
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Guesses what kind of table the columns describe: every required role found, then the best evidence. */
export function guessTableKind(columns: readonly ColumnHint[]): { kind: TableKind; confidence: number } {
  let best: { kind: TableKind; confidence: number; score: number } | undefined;
  for (const kind of TABLE_KINDS) {
    const guess = guessRoles(columns, kind);
    const conf = (role: string) => guess.guesses.find((g) => g.role === role)?.confidence ?? 0;
    const required = ROLE_VOCABULARY[kind].filter((s) => s.required);
    const optional = ROLE_VOCABULARY[kind].filter((s) => !s.required);
    const requiredSum = required.reduce((sum, s) => sum + conf(s.name), 0);
    const requiredMean = requiredSum / required.length;
    const complete = guess.missing.length === 0;
    // Summed, not averaged: a kind whose required roles explain more of the columns is the better guess.
    const score = (complete ? 1 : 0) + requiredSum + 0.3 * optional.reduce((sum, s) => sum + conf(s.name), 0);
    if (!best || score > best.score + 1e-9)
      best = { kind, confidence: round(complete ? requiredMean : requiredMean / 2), score };
  }
  return { kind: best!.kind, confidence: best!.confidence };
}
