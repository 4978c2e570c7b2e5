// Each cell's result key: a hash of what its result is made of (the cell as written, every cell it reads,
// transitively, with any value chosen in memory, and the declared data files), so a result kept from an
// earlier run is shown again only while nothing it came from has changed. Cell ids are not in it (never saved).
import type { Program } from "./program";

/** The result key of every document cell of `program`, by cell id. */
export function resultKeys(program: Program, chosen: ReadonlyMap<string, unknown>): Map<string, string> {
  const data = JSON.stringify(program.notebook.frontMatter.data);
  const facts = (id: string): unknown => {
    const cell = program.cell(id);
    const compiled = program.compiled(id);
    // A selection node is no document cell: its chart's name and its chosen value say what it holds.
    const own = cell ? [cell.kind, cell.name ?? null, cell.attrs, cell.source] : [compiled?.kind, compiled?.name];
    return [...own, chosen.get(id) ?? null];
  };
  const keys = new Map<string, string>();
  for (const cell of program.notebook.cells) {
    const upstream = program.graph.ancestors(cell.id).map(facts);
    keys.set(cell.id, hashText(JSON.stringify([data, facts(cell.id), upstream])));
  }
  return keys;
}

/** A 53-bit hash of `text` as base-36 text (cyrb53): a key, not a secret, so a fast hash is enough. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36) + `-${text.length.toString(36)}`;
}
