// Compiles one cell into what the graph and the runtime need: defines, references and a body.
// Pure and per cell: whether names exist, repeat or loop is the graph's business.
import { NAMED_KINDS, type Cell } from "../notebook/types";
import { compileMessages as m } from "../messages/compile";
import { compileChart } from "./chart";
import { compileInput } from "./input";
import { compileMarkdown } from "./markdown";
import { isCellName } from "../notebook/names";
import { compileSql } from "./sql";
import { compileTs } from "./ts";
import type { CompiledCell } from "./types";

/** Compiles one cell; problems come back as `error` (never thrown). */
export function compileCell(cell: Cell): CompiledCell {
  const base = { id: cell.id, kind: cell.kind, ...(cell.name === undefined ? {} : { name: cell.name }) };
  if (cell.kind === "markdown") return { ...base, defines: [], ...compileMarkdown(cell.source) };
  if (cell.kind === "code") return { ...base, defines: [], references: [] };

  // An invalid name still defines itself, so cells reading it wait on its error rather than fail obscurely.
  const defines = cell.name ? [cell.name] : [];
  if (NAMED_KINDS.includes(cell.kind)) {
    if (!cell.name) return { ...base, defines, references: [], error: { message: m.missingName(cell.kind) } };
    if (!isCellName(cell.name)) return { ...base, defines, references: [], error: { message: m.badName(cell.name) } };
  }
  if (cell.kind === "sql") return { ...base, defines, ...compileSql(cell.source) };
  if (cell.kind === "chart") return { ...base, defines, ...compileChart(cell.attrs.data, cell.source, cell.attrs.cap) };
  if (cell.kind === "input") return { ...base, defines, ...compileInput(cell.source) };
  return { ...base, defines, ...compileTs(cell.source, cell.name) };
}
