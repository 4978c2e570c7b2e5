// Editing the notebook as a list of cells: the selected cell (command mode), inserting, moving,
// duplicating, deleting with undo, and moving the keyboard focus between a cell and its editor.
import { tick } from "svelte";
import type { Cell } from "../notebook/types";
import type { NewCell, Session, SessionState } from "../session/types";
import { ui } from "../messages/ui";
import { copySpec, newCellSpec, restoreSpec } from "./new-cell";

/** What editing needs from the workbench (an interface, so this file does not import it). */
export interface EditHost {
  readonly state: SessionState;
  readonly session: Session;
  notify(message: string): void;
  run(cellId: string): Promise<void>;
}

/** A deleted cell that "Undo" can bring back. */
interface Deleted {
  readonly cell: Cell;
  readonly index: number;
}

/** The toast offering to undo the last delete. */
export interface UndoToast {
  readonly message: string;
  readonly serial: number;
}

const cellElement = (id: string) => document.querySelector<HTMLElement>(`[data-cell-id="${CSS.escape(id)}"]`);

/** Cell-level editing: selection, structure edits, undo of deletes, focus. */
export class CellEditing {
  private readonly host: EditHost;
  /** The cell command-mode keys act on. */
  selected: string | undefined = $state(undefined);
  /** The Markdown cell whose text is being edited (the others show rendered). */
  markdownEditing: string | undefined = $state(undefined);
  toast: UndoToast | undefined = $state.raw(undefined);
  /** Whether the keyboard shortcut sheet is shown. */
  sheetOpen = $state(false);
  private trash: Deleted[] = [];
  private serial = 0;

  constructor(host: EditHost) {
    this.host = host;
  }

  private get ids(): string[] {
    return this.host.state.cells.map((c) => c.cell.id);
  }

  /** The cell `delta` places after (negative: before) `id`, if any. */
  neighbour(id: string, delta: number): string | undefined {
    const ids = this.ids;
    const i = ids.indexOf(id);
    return i < 0 ? undefined : ids[i + delta];
  }

  /** Selects a cell and puts the keyboard focus on it (command mode). */
  async select(id: string | undefined): Promise<void> {
    if (!id) return;
    this.selected = id;
    await tick();
    cellElement(id)?.focus();
  }

  /** Selects a cell and puts the focus in its editor (edit mode); Markdown cells open their text. */
  async enter(id: string): Promise<void> {
    this.selected = id;
    if (this.host.state.cells.find((c) => c.cell.id === id)?.cell.kind === "markdown") this.markdownEditing = id;
    await tick();
    // The static text stands in until CodeMirror has loaded; focusing it hands the focus on.
    const cell = cellElement(id);
    const find = (selector: string) => cell?.querySelector<HTMLElement>(selector);
    (find(".cm-content") ?? find("[data-role=static-code]"))?.focus();
  }

  /** Leaves the editor for command mode on the same cell. */
  async leave(id: string): Promise<void> {
    if (this.markdownEditing === id) this.markdownEditing = undefined;
    await this.select(id);
  }

  /** Inserts a new cell of `kind` at `index`; `edit` puts the focus in its editor, else on the cell. */
  async insert(index: number, kind: NewCell["kind"], edit = true): Promise<string> {
    const id = this.host.session.insertCell(index, newCellSpec(this.host.state, kind));
    await (edit ? this.enter(id) : this.select(id));
    return id;
  }

  /** Inserts a SQL cell above (`0`) or below (`1`) the selected cell (at the end when none is). */
  async insertNear(offset: 0 | 1): Promise<void> {
    const ids = this.ids;
    const i = this.selected ? ids.indexOf(this.selected) : -1;
    await this.insert(i < 0 ? ids.length : i + offset, "sql", false);
  }

  /** Moves a cell to `index` (keeping it selected). */
  async moveTo(id: string, index: number): Promise<void> {
    this.host.session.moveCell(id, Math.max(0, Math.min(index, this.ids.length - 1)));
    await this.select(id);
  }

  /** Moves a cell one place up (`-1`) or down (`1`). */
  async move(id: string, delta: -1 | 1): Promise<void> {
    const i = this.ids.indexOf(id);
    if (i < 0 || i + delta < 0 || i + delta >= this.ids.length) return;
    await this.moveTo(id, i + delta);
  }

  /** Inserts a copy of a cell right after it, under a free name. */
  async duplicate(id: string): Promise<void> {
    const index = this.ids.indexOf(id);
    const state = this.host.state.cells[index];
    if (!state) return;
    await this.select(this.host.session.insertCell(index + 1, copySpec(this.host.state, state.cell)));
  }

  /** Deletes a cell, offering to undo it; the selection moves to the next cell. */
  async remove(id: string): Promise<void> {
    const index = this.ids.indexOf(id);
    const state = this.host.state.cells[index];
    if (!state) return;
    const next = this.neighbour(id, 1) ?? this.neighbour(id, -1);
    this.host.session.deleteCell(id);
    this.trash.push({ cell: state.cell, index });
    if (this.markdownEditing === id) this.markdownEditing = undefined;
    this.toast = { message: ui.deleted(state.cell.name), serial: ++this.serial };
    if (next) await this.select(next);
    else this.selected = undefined;
  }

  /** Brings back the last deleted cell where it was; false when there is nothing to undo. */
  async undo(): Promise<boolean> {
    const last = this.trash.pop();
    if (!last) return false;
    this.toast = undefined;
    try {
      await this.select(this.host.session.insertCell(Math.min(last.index, this.ids.length), restoreSpec(last.cell)));
    } catch (error) {
      this.host.notify(error instanceof Error ? error.message : String(error));
    }
    return true;
  }

  /** Forgets the selection and the deleted cells (another notebook was opened: they belong to the old one). */
  reset(): void {
    this.selected = undefined;
    this.markdownEditing = undefined;
    this.trash = [];
    this.toast = undefined;
  }

  /** Hides the undo toast (the deleted cells can still be brought back with Ctrl/Cmd+Z). */
  dismissToast(): void {
    this.toast = undefined;
  }

  /** Runs a cell; `advance` then selects the next cell (Shift+Enter). */
  async run(id: string, advance: boolean): Promise<void> {
    if (this.markdownEditing === id) this.markdownEditing = undefined;
    const running = this.host.run(id);
    if (advance) await this.select(this.neighbour(id, 1) ?? id);
    await running;
  }
}
