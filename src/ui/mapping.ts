// The shape of a table's role mapping as the data panel and the gallery see it (types only, so the
// mapping state and the gallery form share it without importing each other).
import type { MappingCheck } from "../recipes/bindings";
import type { TableKind } from "../recipes/roles";
import type { ColumnProfile } from "../engine/engine";

/** Where a table's shown mapping comes from. */
export type MappingStatus = "saved" | "guessed" | "edited";

/** A table's mapping as shown: its kind, role -> column, where it comes from, and what it lacks. */
export interface TableMapping {
  readonly table: string;
  readonly kind: TableKind;
  readonly roles: Readonly<Record<string, string>>;
  readonly columns: readonly ColumnProfile[];
  readonly status: MappingStatus;
  readonly check: MappingCheck;
  /** How sure the guess of the table's kind is, 0..1 (absent for a saved or edited mapping). */
  readonly confidence?: number;
  /** Roles the guess is unsure of, to show as questions (absent for a saved or edited mapping). */
  readonly questions?: readonly string[];
}
