import { describe, it, expect } from "vitest";
import { buildGraph } from "../../src/graph/graph";
import { compileCell } from "../../src/compile/compile";
import type { CompiledCell } from "../../src/compile/types";
import type { Cell } from "../../src/notebook/types";

const sql = (name: string, source: string): Cell => ({ id: name, kind: "sql", name, attrs: {}, source });
const chart = (name: string, data: string): Cell => ({ id: name, kind: "chart", name, attrs: { data }, source: "{}" });
const md = (id: string): Cell => ({ id, kind: "markdown", attrs: {}, source: "text" });
const graphOf = (...cells: Cell[]) => buildGraph(cells.map(compileCell));
const messages = (g: ReturnType<typeof graphOf>) => Object.fromEntries([...g.errors].map(([id, e]) => [id, e.message]));

describe("buildGraph(cells)", () => {
  it("orders cells by dependency, ties in document order, wherever they are in the file", () => {
    const g = graphOf(
      md("intro"),
      chart("c", "b"),
      sql("b", "SELECT * FROM a JOIN orders USING (id)"),
      sql("x", "SELECT 1"),
      sql("a", "SELECT * FROM orders"),
    );
    expect(g.order).toEqual(["intro", "x", "a", "b", "c"]);
    expect(g.errors.size).toBe(0);
  });

  it("matches names case-insensitively and ignores identifiers that name no cell", () => {
    const g = graphOf(
      sql("Sales", "SELECT 1"),
      sql("top", 'SELECT * FROM SALES JOIN "sales" s ON true JOIN loaded_table USING (id)'),
    );
    expect(g.upstream("top")).toEqual(["Sales"]);
    expect(g.errors.size).toBe(0);
    expect(g.idOf("SALES")).toBe("Sales");
    expect(g.idOf("nope")).toBeUndefined();
  });

  it("reports every cell sharing a name (ignoring case), and cells reading it wait", () => {
    const g = graphOf(sql("a", "SELECT 1"), sql("A", "SELECT 2"), sql("b", "SELECT * FROM a"), sql("ok", "SELECT 3"));
    expect(messages(g)).toEqual({
      a: "2 cells are named “a” (names are compared ignoring case). Give each cell its own name.",
      A: "2 cells are named “a” (names are compared ignoring case). Give each cell its own name.",
      b: "Waiting on “a”, which has an error.",
    });
    expect(g.order).toEqual(["ok"]);
    expect(g.idOf("a")).toBeUndefined();
  });

  it("reports a cycle on every cell in it, naming the loop, and keeps other cells running", () => {
    const g = graphOf(
      sql("a", "SELECT * FROM c"),
      sql("b", "SELECT * FROM a"),
      sql("c", "SELECT * FROM b"),
      sql("d", "SELECT * FROM a"),
      sql("e", "SELECT 1"),
    );
    const m = messages(g);
    expect(m.a).toBe(
      "This cell is part of a cycle: a -> c -> b -> a (each cell reads the next). Break the loop so one of them does not read the others.",
    );
    expect(m.b).toContain("b -> a -> c -> b");
    expect(m.c).toContain("c -> b -> a -> c");
    expect(m.d).toBe("Waiting on “a”, which has an error.");
    expect(g.order).toEqual(["e"]);
  });

  it("reports a cell reading itself as a cycle", () => {
    expect(messages(graphOf(sql("a", "SELECT * FROM a")))).toEqual({ a: expect.stringContaining("cycle: a -> a ") });
  });

  it("reports a chart whose data= names no cell, and a ${name} that names no cell", () => {
    const m = messages(graphOf(sql("a", "SELECT 1"), chart("c", "missing"), sql("p", "SELECT ${nothing}")));
    expect(m).toEqual({
      c: "data=missing names no cell in this notebook. Use the name of a sql cell.",
      p: "${nothing} names no cell in this notebook. Use the name of an input or ts cell.",
    });
  });

  it("carries compile errors and passes them downstream", () => {
    const g = graphOf(sql("a", "SELECT 'oops"), sql("b", "SELECT * FROM a"), chart("c", "b"));
    expect(g.errors.get("a")).toMatchObject({ line: 1, column: 8 });
    expect(messages(g)).toMatchObject({
      b: "Waiting on “a”, which has an error.",
      c: "Waiting on “b”, which has an error.",
    });
    expect(g.order).toEqual([]);
  });

  it("holds back cells reading a cell that cannot run (an input with a broken spec)", () => {
    const input: Cell = { id: "n", kind: "input", name: "n", attrs: {}, source: "{}" };
    const g = graphOf(input, sql("q", "SELECT * FROM t WHERE x > ${n}"));
    expect(messages(g).q).toBe("Waiting on “n”, which has an error.");
    expect(g.order).toEqual([]);
  });

  it("gives upstream, ancestors and descendants in run order", () => {
    const g = graphOf(
      sql("d", "SELECT * FROM b, c"),
      sql("c", "SELECT * FROM a"),
      sql("b", "SELECT * FROM a"),
      sql("a", "SELECT 1"),
      chart("ch", "d"),
    );
    expect(g.order).toEqual(["a", "c", "b", "d", "ch"]);
    expect(g.upstream("d")).toEqual(["c", "b"]);
    expect(g.ancestors("ch")).toEqual(["a", "c", "b", "d"]);
    expect(g.descendants("a")).toEqual(["c", "b", "d", "ch"]);
    expect(g.descendants("ch")).toEqual([]);
    expect(g.upstream("unknown")).toEqual([]);
  });

  it("leaves code cells out of the order without an error", () => {
    const code: CompiledCell = { id: "py", kind: "code", defines: [], references: [] };
    const g = buildGraph([code, compileCell(sql("a", "SELECT 1"))]);
    expect(g.order).toEqual(["a"]);
    expect(g.errors.size).toBe(0);
  });
});

describe("buildGraph(cells) with ts and input cells", () => {
  const ts = (name: string | undefined, source: string): Cell => ({
    id: name ?? "anon",
    kind: "ts",
    ...(name ? { name } : {}),
    attrs: {},
    source,
  });
  const input = (name: string, json: string): Cell => ({ id: name, kind: "input", name, attrs: {}, source: json });

  it("orders inputs, sql and ts cells by the names they read", () => {
    const g = graphOf(
      ts("summary", "return top.length + n"),
      sql("top", "SELECT * FROM orders WHERE amount > ${n} AND x > ${scale}"),
      ts("scale", "return n * 2"),
      input("n", '{ "type": "range", "min": 0, "max": 10, "value": 3 }'),
      md("note"),
    );
    expect(g.errors.size).toBe(0);
    expect(g.order).toEqual(["n", "scale", "top", "summary", "note"]);
    expect(g.descendants("n")).toEqual(["scale", "top", "summary"]);
  });

  it("finds cycles through ts cells and duplicates across kinds", () => {
    const cyc = graphOf(ts("a", "return b + 1"), ts("b", "return a + 1"));
    expect(messages(cyc).a).toMatch(/cycle: a -> b -> a/);
    const dup = graphOf(input("x", '{ "type": "text", "value": "" }'), ts("X", "return 1"));
    expect(messages(dup).x).toMatch(/2 cells are named/);
    expect(messages(dup).X).toMatch(/2 cells are named/);
  });

  it("says an unknown ${name} in SQL names no cell", () => {
    expect(messages(graphOf(sql("q", "SELECT ${gone}"))).q).toMatch(/names no cell/);
  });
});
