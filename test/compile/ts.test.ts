import { describe, expect, it } from "vitest";
import { compileTs, codeReferences, wrapCode, sourcePositionInCode } from "../../src/compile/ts";
import { loadTranspiler, transpileTs } from "../../src/compile/transpile";

describe("compileTs(source, name)", () => {
  it("keeps the TypeScript for the run, and reads no type the cell declares as a reference", () => {
    const source =
      "interface Row { id: number }\ntype Pair<T> = [T, T];\nenum Tier { A }\n" +
      "const rows: Row[] = rfm as Row[];\nreturn rows.length;";
    const out = compileTs(source);
    expect(out.error).toBeUndefined();
    expect(out.body).toEqual({ type: "ts", source });
    expect(out.references).toContain("rfm");
    expect(out.references).not.toContain("row");
    expect(out.references).not.toContain("pair");
    expect(out.references).not.toContain("tier");
  });

  it("reads no name from interface members, type aliases, declared types or casts", () => {
    const source =
      "interface R { revenue: number; orders: Segment[] }\ntype Row = {\n  churn: number;\n};\n" +
      "type Tier =\n  | Gold\n  | Silver;\nconst n: Budget = base as Limit<number>;\nreturn threshold + n;";
    expect(compileTs(source).references).toEqual(["base", "threshold"]);
  });

  it("finds free identifiers, not members, keys, keywords or its own declarations", () => {
    const out = compileTs(
      "const total = 3;\nfunction f(x) { return x.min_orders }\nconst o = { rfm: 1, k: segs };\nreturn total + threshold + f(o) + other?.field",
      "total",
    );
    expect(out.references).toEqual(expect.arrayContaining(["threshold", "segs", "other"]));
    expect(out.references).not.toContain("total");
    expect(out.references).not.toContain("min_orders");
    expect(out.references).not.toContain("rfm");
    expect(out.references).not.toContain("return");
  });

  it("reads relation names from sql`...` templates, skipping strings and comments", () => {
    expect(
      codeReferences(
        "const r = await sql`SELECT * FROM orders JOIN rfm USING (id) WHERE x > ${min_n}`; // from nowhere\nreturn 'from x'",
      ),
    ).toEqual(expect.arrayContaining(["orders", "rfm", "min_n"]));
    expect(codeReferences("const s = `text ${a + `inner ${b}`} end`; return /x{2}/.test(s) ? c : d")).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
  });

  it("refuses import and export with a pointer to lib", () => {
    expect(compileTs("import { kmeans } from 'x';\nreturn 1").error).toMatchObject({
      line: 1,
      message: expect.stringContaining("lib."),
    });
  });

  it("does not mistake names that start with import or export for module syntax", () => {
    expect(
      compileTs(
        "const importance = 3;\nconst exported = { importScripts: 1 };\nreturn importance + exported.importScripts",
      ).error,
    ).toBeUndefined();
    expect(compileTs("const a = 1;\n  import * as m from 'y';\nreturn a").error).toMatchObject({ line: 2 });
  });

  it("leaves a syntax error to the run: the cell still compiles, with the names it reads", () => {
    expect(compileTs("const a = rfm;\nconst b = (;\n")).toMatchObject({ references: ["rfm"] });
  });
});

describe("transpileTs(source)", () => {
  it("strips types and keeps every line where it was", async () => {
    const source = "interface Row { id: number }\nconst rows: Row[] = rfm as Row[];\n\nreturn rows.length;";
    const { code } = await transpileTs(source);
    expect(code.split("\n")).toHaveLength(4);
    expect(code.split("\n")[3]).toBe("return rows.length;");
  });

  it("reports TypeScript syntax errors at their line and column", async () => {
    await expect(transpileTs("const a = 1;\nconst b = (;\n")).rejects.toMatchObject({
      line: 2,
      column: 12,
      message: expect.stringContaining("syntax error"),
    });
  });

  it("gives the same code for the same source (kept, not transpiled again)", async () => {
    const source = "const n: number = 2;\nreturn n;";
    const first = await transpileTs(source);
    expect(await transpileTs(source)).toBe(first);
    expect(first.code).toBe("const n = 2;\nreturn n;");
  });

  it("transpiles a typical cell in a few milliseconds", async () => {
    const transpile = await loadTranspiler();
    const source =
      Array.from(
        { length: 40 },
        (_, i) => `const v${i}: number = rfm.filter((r: { f: number }) => r.f > ${i}).length;`,
      ).join("\n") + "\nreturn v1;";
    transpile(source);
    const times = Array.from({ length: 50 }, () => {
      const started = performance.now();
      transpile(source);
      return performance.now() - started;
    }).sort((a, b) => a - b);
    console.log(`transpile (41 lines): median ${times[25].toFixed(2)} ms, max ${times[49].toFixed(2)} ms`);
    expect(times[25]).toBeLessThan(20);
  });
});

describe("wrapCode(code, names, param)", () => {
  it("puts the scope on line 1 so code lines keep their numbers, and maps columns back", () => {
    const { js, column1 } = wrapCode("return a;\nreturn b;", ["a", "sql", "not-a-name"], "__p");
    expect(js.split("\n")).toHaveLength(3);
    expect(js.split("\n")[1]).toBe("return b;");
    expect(js).toContain("const { a } = __p.values");
    expect(sourcePositionInCode(1, column1 + 5, column1)).toEqual({ line: 1, column: 5 });
    expect(sourcePositionInCode(2, 3, column1)).toEqual({ line: 2, column: 3 });
    // A cell named like a keyword is left out of the unpacking rather than breaking it.
    expect(() => new Function(wrapCode("return 1", ["new", "class", "ok"], "__p").js)).not.toThrow();
  });
});
