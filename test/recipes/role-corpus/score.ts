// Scores the role guesser on the header corpus: the share of required roles right, and every confident wrong guess.
import { guessRoles, requiredRoles, type ColumnHint, type RoleGuess } from "../../../src/recipes/roles";
import type { HeaderSet } from "./headers";

/** A corpus column `name|TYPE|s1;s2` as the guesser sees it. */
export function hintOf(spec: string): ColumnHint {
  const [name, type = "VARCHAR", samples] = spec.split("|");
  return { name, type, samples: samples ? samples.split(";") : undefined };
}

/** One judged role of one header set. */
export interface Verdict {
  readonly source: string;
  readonly role: string;
  readonly required: boolean;
  readonly right: boolean;
  readonly confidentWrong: boolean;
  readonly got: RoleGuess | undefined;
  readonly want: readonly (string | null)[];
}

const isQuestion = (g: RoleGuess) => (g as { question?: boolean }).question === true;

/** Judges every expected role of every set: right when the guess is accepted (or absent/a question where none is). */
export function judge(sets: readonly HeaderSet[]): Verdict[] {
  return sets.flatMap((set) => {
    const guess = guessRoles(set.columns.map(hintOf), set.kind);
    const required = requiredRoles(set.kind);
    const roles = [...new Set([...required, ...Object.keys(set.expect)])];
    return roles.map((role) => {
      const raw = set.expect[role];
      const want: readonly (string | null)[] =
        raw === undefined ? [null] : Array.isArray(raw) ? raw : [raw as string | null];
      const got = guess.guesses.find((g) => g.role === role);
      const accepted = got
        ? want.includes(got.column) || (want.includes(null) && isQuestion(got))
        : want.includes(null);
      return {
        source: set.source,
        role,
        required: required.includes(role),
        right: accepted,
        confidentWrong: !!got && !accepted && !isQuestion(got),
        got,
        want,
      };
    });
  });
}
