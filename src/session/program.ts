// The notebook as the runtime sees it: the document, each cell compiled once per version of the cell,
// and the dependency graph, rebuilt only when what it is made of (names, references, errors) changed,
// so that typing in one cell recompiles that cell alone. A chart's selections join the cells as nodes
// of their own (compile/selection.ts), right after their chart.
import { compileCell } from "../compile/compile";
import { selectionNodes } from "../compile/selection";
import type { CompiledCell } from "../compile/types";
import { buildGraph, type CellGraph } from "../graph/graph";
import type { Cell, Notebook } from "../notebook/types";
import { EMPTY_NOTEBOOK } from "./document";

/** The compiled program of the current notebook. */
export interface Program {
  readonly notebook: Notebook;
  /** The document's cells compiled, each chart followed by its selection nodes. */
  readonly cells: readonly CompiledCell[];
  readonly graph: CellGraph;
  /** The compiled form of the document cell with this id. */
  compiled(cellId: string): CompiledCell | undefined;
  /** The document cell with this id. */
  cell(cellId: string): Cell | undefined;
}

/** Holds the program and updates it from a new notebook, recompiling only replaced cells. */
export function createProgram(): { readonly current: Program; update(notebook: Notebook, fresh?: boolean): Program } {
  // Cells are immutable, so an unchanged cell keeps its compiled form (and its graph key) across edits.
  let compiled = new WeakMap<Cell, CompiledCell>();
  const selections = new WeakMap<CompiledCell, CompiledCell[]>();
  const keys = new WeakMap<CompiledCell, string>();
  let graphKey = "";
  let current = programOf(EMPTY_NOTEBOOK, [], buildGraph([]));

  const compile = (cell: Cell) => {
    let c = compiled.get(cell);
    if (!c) compiled.set(cell, (c = compileCell(cell)));
    return c;
  };
  // The same nodes for the same compiled chart, so the runtime sees them unchanged across edits.
  const withSelections = (c: CompiledCell) => {
    if (c.body?.type !== "chart" || !c.body.selections) return [c];
    let nodes = selections.get(c);
    if (!nodes) selections.set(c, (nodes = selectionNodes(c)));
    return [c, ...nodes];
  };
  const keyOf = (cell: CompiledCell) => {
    let key = keys.get(cell);
    if (key === undefined) keys.set(cell, (key = JSON.stringify(graphFacts(cell))));
    return key;
  };

  return {
    get current() {
      return current;
    },
    update(notebook, fresh = false) {
      if (fresh) compiled = new WeakMap();
      const cells = notebook.cells.map(compile).flatMap(withSelections);
      const key = cells.map(keyOf).join("\n");
      const graph = key === graphKey ? current.graph : buildGraph(cells);
      graphKey = key;
      current = programOf(notebook, cells, graph);
      return current;
    },
  };
}

/** What `buildGraph` reads of a cell: anything else (SQL text, chart spec) can change without a new graph. */
function graphFacts(cell: CompiledCell): unknown[] {
  const body = cell.body;
  const extra = body?.type === "chart" ? body.data : body?.type === "sql" ? body.params : null;
  return [cell.id, cell.kind, cell.defines, cell.references, cell.error ?? null, body?.type ?? null, extra];
}

function programOf(notebook: Notebook, cells: readonly CompiledCell[], graph: CellGraph): Program {
  const byId = new Map(cells.map((c, i) => [c.id, i]));
  const documentIndex = new Map(notebook.cells.map((c, i) => [c.id, i]));
  return {
    notebook,
    cells,
    graph,
    compiled: (id) => cells[byId.get(id) ?? -1],
    cell: (id) => notebook.cells[documentIndex.get(id) ?? -1],
  };
}
