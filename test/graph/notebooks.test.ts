import { describe, it, expect } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseNotebook } from "../../src/notebook/parse";
import { compileCell } from "../../src/compile/compile";
import { buildGraph } from "../../src/graph/graph";

const dir = resolve(__dirname, "../../notebooks");
const files = readdirSync(dir).filter((f) => f.endsWith(".md"));

describe("buildGraph(cells) on the shipped notebooks", () => {
  it("finds the shipped notebooks", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`compiles and orders every cell of notebooks/${file} without errors`, () => {
      const nb = parseNotebook(readFileSync(join(dir, file), "utf8"));
      const compiled = nb.cells.map(compileCell);
      const graph = buildGraph(compiled);
      const named = (id: string) => nb.cells.find((c) => c.id === id)?.name ?? id;
      expect(Object.fromEntries([...graph.errors].map(([id, e]) => [named(id), e.message]))).toEqual({});
      // Every cell with a body runs (code cells are shown, never run); there is at least one query.
      const runnable = compiled.filter((c) => c.body).map((c) => c.id);
      expect([...graph.order].sort()).toEqual([...runnable].sort());
      expect(compiled.some((c) => c.body?.type === "sql")).toBe(true);
    });
  }
});
