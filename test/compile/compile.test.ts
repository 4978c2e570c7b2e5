import { describe, it, expect } from "vitest";
import { compileCell } from "../../src/compile/compile";
import type { Cell } from "../../src/notebook/types";

const cell = (c: Partial<Cell> & Pick<Cell, "kind">): Cell => ({ id: "id1", attrs: {}, source: "", ...c });

describe("compileCell(cell)", () => {
  it("compiles a sql cell: defines its name, references and a runnable body", () => {
    const out = compileCell(cell({ kind: "sql", name: "Top", source: "SELECT * FROM rfm WHERE f > ${min_f}" }));
    expect(out).toMatchObject({
      id: "id1",
      kind: "sql",
      name: "Top",
      defines: ["Top"],
      body: { type: "sql", sql: "SELECT * FROM rfm WHERE f > ?", params: ["min_f"] },
    });
    expect(out.references).toEqual(expect.arrayContaining(["rfm", "min_f"]));
    expect(out.error).toBeUndefined();
  });

  it("compiles a chart cell from its data= attribute", () => {
    const out = compileCell(cell({ kind: "chart", name: "c", attrs: { data: "rfm" }, source: '{"mark":"bar"}' }));
    expect(out).toMatchObject({
      defines: ["c"],
      references: ["rfm"],
      body: { type: "chart", data: "rfm", spec: { mark: "bar" } },
    });
  });

  it("gives Markdown a body and code cells none, and neither defines a name", () => {
    expect(compileCell(cell({ kind: "markdown", source: "# Hi" }))).toEqual({
      id: "id1",
      kind: "markdown",
      defines: [],
      references: [],
      body: { type: "markdown", text: "# Hi" },
    });
    const md = compileCell(cell({ kind: "markdown", source: "# Hi ${x}" }));
    expect(md).toMatchObject({
      defines: [],
      references: ["x"],
      body: { type: "markdown", text: "# Hi ${x}", interpolation: { pieces: ["# Hi ", ""], expressions: ["x"] } },
    });
    expect(compileCell(cell({ kind: "code", language: "python", source: "SELECT * FROM rfm" }))).toEqual({
      id: "id1",
      kind: "code",
      defines: [],
      references: [],
    });
  });

  it("compiles ts and input cells into runnable bodies", () => {
    const input = compileCell(
      cell({ kind: "input", name: "min_f", source: '{"type":"range","min":1,"max":5,"value":2}' }),
    );
    expect(input).toMatchObject({
      defines: ["min_f"],
      references: [],
      body: { type: "input", spec: { type: "range", min: 1, max: 5, value: 2 } },
    });
    const ts = compileCell(cell({ kind: "ts", source: "const n: number = 1;\nreturn n + rfm.length" }));
    expect(ts).toMatchObject({
      defines: [],
      references: ["rfm"],
      body: { type: "ts", source: "const n: number = 1;\nreturn n + rfm.length" },
    });
  });

  it("requires a valid name on sql, chart and input cells, and still defines an invalid one", () => {
    expect(compileCell(cell({ kind: "sql", source: "SELECT 1" })).error?.message).toContain("A sql cell needs a name");
    const bad = compileCell(cell({ kind: "sql", name: "my-table", source: "SELECT 1" }));
    expect(bad.error?.message).toBe(
      "“my-table” is not a valid cell name: use letters, digits and _, starting with a letter or _ (e.g. my_table).",
    );
    expect(bad.defines).toEqual(["my-table"]);
    expect(bad.body).toBeUndefined();
    expect(compileCell(cell({ kind: "chart", attrs: { data: "x" }, source: "{}" })).error?.message).toContain(
      "A chart cell needs a name",
    );
  });

  it("reports SQL errors with line and column in the cell", () => {
    expect(compileCell(cell({ kind: "sql", name: "a", source: "SELECT 1,\n 'x" })).error).toMatchObject({
      line: 2,
      column: 2,
    });
  });
});
