// Cell edits on the immutable notebook: each returns a new Notebook, keeping every other cell
// (and its layout, so the serializer writes untouched cells back byte for byte).
import { newCellId } from "../notebook/ids";
import { isCellName } from "../notebook/names";
import type { Cell, NewCell, Notebook } from "../notebook/types";
import { sessionMessages as m } from "../messages/session";

/** A notebook with nothing in it, for a session before `open`. */
export const EMPTY_NOTEBOOK: Notebook = { frontMatter: { notebook: 1, data: {}, extra: {} }, cells: [] };

function indexOf(nb: Notebook, cellId: string): number {
  const index = nb.cells.findIndex((c) => c.id === cellId);
  if (index < 0) throw new Error(m.unknownCell(cellId));
  return index;
}

function replaceCell(nb: Notebook, cellId: string, update: (cell: Cell) => Cell): Notebook {
  const index = indexOf(nb, cellId);
  const cells = [...nb.cells];
  cells[index] = update(cells[index]);
  return { ...nb, cells };
}

/** Returns `nb` with the cell's source replaced. */
export function withSource(nb: Notebook, cellId: string, source: string): Notebook {
  return replaceCell(nb, cellId, (cell) => ({ ...cell, source: source.replace(/\r\n/g, "\n") }));
}

/** Returns `nb` with the cell renamed; throws for a name that is not an identifier. */
export function withName(nb: Notebook, cellId: string, name: string): Notebook {
  if (!isCellName(name)) throw new Error(m.badName(name));
  return replaceCell(nb, cellId, (cell) => ({ ...cell, name }));
}

/** Returns `nb` with one attribute of the cell set (added after the others when it is new). */
export function withAttribute(nb: Notebook, cellId: string, key: string, value: string): Notebook {
  return replaceCell(nb, cellId, (cell) => ({ ...cell, attrs: { ...cell.attrs, [key]: value } }));
}

/** Returns `nb` with a new cell at `index` (clamped) and the new cell's id. */
export function withInsertedCell(nb: Notebook, index: number, spec: NewCell): { notebook: Notebook; id: string } {
  if (spec.name !== undefined && !isCellName(spec.name)) throw new Error(m.badName(spec.name));
  const cell: Cell = {
    id: newCellId(),
    kind: spec.kind,
    ...(spec.name !== undefined ? { name: spec.name } : {}),
    attrs: { ...(spec.attrs ?? {}) },
    source: spec.source.replace(/\r\n/g, "\n"),
  };
  const cells = [...nb.cells];
  cells.splice(Math.max(0, Math.min(index, cells.length)), 0, cell);
  return { notebook: { ...nb, cells }, id: cell.id };
}

/** Returns `nb` without the cell. */
export function withoutCell(nb: Notebook, cellId: string): Notebook {
  const index = indexOf(nb, cellId);
  return { ...nb, cells: nb.cells.filter((_, i) => i !== index) };
}

/** Returns `nb` with the cell moved to `toIndex` (clamped). */
export function withMovedCell(nb: Notebook, cellId: string, toIndex: number): Notebook {
  const cells = [...nb.cells];
  const [cell] = cells.splice(indexOf(nb, cellId), 1);
  cells.splice(Math.max(0, Math.min(toIndex, cells.length)), 0, cell);
  return { ...nb, cells };
}
