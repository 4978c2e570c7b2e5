// Column roles per loaded table, as the data panel shows them: the mapping saved in the notebook's front
// matter, else a guess from the column names and types, overlaid with the user's unsaved changes.
// The recipe gallery binds tables with the same mappings, so what the panel shows is what a recipe uses.
// A named cell's result is mapped the same way, from its result's columns (saved without a file).
import { checkMapping } from "../recipes/bindings";
import {
  guessRoles,
  guessTableKind,
  isRoleOf,
  requiredRoles,
  TABLE_KINDS,
  type ColumnHint,
  type TableKind,
} from "../recipes/roles";
import { isSetting } from "../recipes/role-settings";
import type { ColumnProfile, TableSummary } from "../engine/engine";
import type { Session, SessionState } from "../session/types";
import { cellRelations } from "./cell-relations";
import { mappedOnly } from "./recipe-form";
import type { MappingStatus, TableMapping } from "./mapping";

export type { MappingStatus, TableMapping } from "./mapping";

/** What the mappings need from the workbench (an interface, so this file does not import it). */
export interface RoleHost {
  readonly state: SessionState;
  /** The loaded tables as shown (in load order, removed ones left out). */
  readonly tables: readonly TableSummary[];
  readonly session: Session;
  notify(message: string): void;
}

/** A request to bring a table's mapping into view (from the gallery's "map the columns" link). */
export interface FocusRequest {
  readonly table: string;
  readonly role?: string;
  /** Distinguishes repeated requests for the same place. */
  readonly serial: number;
}

interface Guess {
  readonly kind: TableKind;
  readonly roles: Record<string, string>;
  readonly confidence: number;
  readonly questions: readonly string[];
}

interface Draft {
  readonly signature: string;
  readonly kind: TableKind;
  readonly roles: Readonly<Record<string, string>>;
}

const signatureOf = (columns: readonly ColumnProfile[]) => JSON.stringify(columns.map((c) => [c.name, c.type]));
const hintsOf = (columns: readonly ColumnProfile[]): ColumnHint[] =>
  columns.map((c) => ({ name: c.name, type: c.type }));

/** The kind a saved mapping describes: the guessed kind when the roles fit it, else the first kind they fit. */
function kindForRoles(roles: Readonly<Record<string, string>>, guessed: TableKind): TableKind {
  const fits = TABLE_KINDS.filter(
    (k) => Object.keys(roles).every((r) => isSetting(r) || isRoleOf(k, r)) && requiredRoles(k).every((r) => roles[r]),
  );
  return fits.includes(guessed) ? guessed : (fits[0] ?? guessed);
}

/** The role mappings of the loaded tables: guessed, edited, saved. */
export class RoleMappings {
  private readonly bench: RoleHost;
  /** Unsaved changes per table (a Map: a table may be called `__proto__`). */
  private drafts: ReadonlyMap<string, Draft> = $state.raw(new Map());
  private readonly guesses = new Map<string, Guess>();
  private serial = 0;
  /** The latest request to show a table's mapping; the data panel scrolls to it. */
  focus: FocusRequest | undefined = $state.raw(undefined);

  constructor(bench: RoleHost) {
    this.bench = bench;
  }

  /** The mapping of a loaded table or a run cell's result, or undefined when there is no such relation. */
  of(table: string): TableMapping | undefined {
    const summary = this.bench.tables.find((t) => t.name === table) ?? this.resultSummary(table);
    if (!summary) return undefined;
    const signature = signatureOf(summary.columns);
    const draft = this.drafts.get(table);
    const saved = this.bench.state.notebook.frontMatter.data[table]?.roles;
    let kind: TableKind;
    let roles: Readonly<Record<string, string>>;
    let status: MappingStatus;
    let confidence: number | undefined;
    let questions: readonly string[] | undefined;
    if (draft && draft.signature === signature) {
      ({ kind, roles } = draft);
      status = "edited";
    } else if (saved && Object.keys(saved).length) {
      kind = kindForRoles(saved, this.guess(summary.columns, signature).kind);
      roles = saved;
      status = "saved";
    } else {
      ({ kind, roles, confidence, questions } = this.guess(summary.columns, signature));
      status = "guessed";
    }
    const names = summary.columns.map((c) => c.name);
    const types = Object.fromEntries(summary.columns.map((c) => [c.name, c.type]));
    const check = checkMapping(kind, table, mappedOnly(roles), names, types);
    const sure = confidence !== undefined ? { confidence, questions: questions ?? [] } : {};
    return { table, kind, roles, columns: summary.columns, status, check, ...sure };
  }

  /** Every loaded table's mapping, in table order. */
  all(): TableMapping[] {
    return this.bench.tables.map((t) => this.of(t.name)).filter((m): m is TableMapping => m !== undefined);
  }

  /** The mappings of the named cell results that have run (the gallery lists them beside the tables). */
  results(): TableMapping[] {
    const loaded = new Set(this.bench.tables.map((t) => t.name));
    return cellRelations(this.bench.state)
      .filter((r) => r.columns && !loaded.has(r.name))
      .map((r) => this.of(r.name))
      .filter((m): m is TableMapping => m !== undefined);
  }

  /** Changes what kind of table it is; the roles are guessed again for that kind. */
  setKind(table: string, kind: TableKind): void {
    const current = this.of(table);
    if (!current) return;
    const roles = guessRoles(hintsOf(current.columns), kind).roles;
    this.setDraft(table, current.columns, kind, roles);
  }

  /** Maps `role` to `column` ("" unmaps it). */
  setRole(table: string, role: string, column: string): void {
    const current = this.of(table);
    if (!current) return;
    this.setDraft(table, current.columns, current.kind, { ...current.roles, [role]: column });
  }

  /** Forgets unsaved changes: back to the saved mapping, or the guess. */
  reset(table: string): void {
    const drafts = new Map(this.drafts);
    drafts.delete(table);
    this.drafts = drafts;
  }

  /** Stores the shown mapping in the notebook's front matter; false (with the reason shown) when it cannot. */
  save(table: string): boolean {
    const current = this.of(table);
    if (!current) return false;
    try {
      this.bench.session.setRoles(table, mappedOnly(current.roles));
    } catch (error) {
      this.bench.notify(error instanceof Error ? error.message : String(error));
      return false;
    }
    this.reset(table);
    return true;
  }

  /** Saves the mapping unless the notebook already has exactly it (a recipe about to use it must find it there). */
  ensureSaved(table: string): boolean {
    return this.of(table)?.status === "saved" || this.save(table);
  }

  /** Asks the data panel to show a table's mapping (and the select of `role`). */
  show(table: string, role?: string): void {
    this.focus = { table, role, serial: ++this.serial };
  }

  private setDraft(
    table: string,
    columns: readonly ColumnProfile[],
    kind: TableKind,
    roles: Readonly<Record<string, string>>,
  ): void {
    this.drafts = new Map(this.drafts).set(table, { signature: signatureOf(columns), kind, roles });
  }

  private resultSummary(name: string): TableSummary | undefined {
    const columns = cellRelations(this.bench.state).find((r) => r.name === name)?.columns;
    return columns ? { name, rows: 0, columns } : undefined;
  }

  private guess(columns: readonly ColumnProfile[], signature: string) {
    let guess = this.guesses.get(signature);
    if (!guess) {
      const hints = hintsOf(columns);
      const { kind, confidence } = guessTableKind(hints);
      const { roles, questions } = guessRoles(hints, kind);
      guess = { kind, roles, confidence, questions };
      this.guesses.set(signature, guess);
    }
    return guess;
  }
}
