// executeCode: the in-realm runner the browser sandbox Worker uses, checked in Node with the same
// compiled code the session sends (scope, sql tag, rows, positions).
import { describe, expect, it } from "vitest";
import { compileTs, wrapCode, sourcePositionInCode } from "../../src/compile/ts";
import { compileMarkdown, interpolationCode } from "../../src/compile/markdown";
import { transpileTs } from "../../src/compile/transpile";
import { CODE_PARAMETER, CodeError, type CodeHost } from "../../src/code/runner";
import { executeCode } from "../../src/code/execute";

const host: CodeHost = {
  sql: async (text, params) => ({
    columns: [
      { name: "q", type: "VARCHAR" },
      { name: "n", type: "INTEGER" },
    ],
    data: [[text], [params.length]],
  }),
};

async function run(source: string, inputs: Record<string, unknown> = {}) {
  const body = await transpileTs(compileTs(source).body!.source);
  const { js, column1 } = wrapCode(body.code, [...Object.keys(inputs), "t"], CODE_PARAMETER);
  try {
    return await executeCode(
      { cell: "t", js, inputs, tables: { t: { columns: [{ name: "a", type: "BIGINT" }], data: [[1, 2]] } } },
      host,
    );
  } catch (e) {
    if (!(e instanceof CodeError)) throw e;
    throw Object.assign(new Error(e.message), sourcePositionInCode(e.line, e.column, column1, body.mappings));
  }
}

describe("executeCode(request, host, lib)", () => {
  it("runs TypeScript with values, tables as rows and the sql tag", async () => {
    expect(await run("const k: number = x; return t.length * k + t[1].a", { x: 10 })).toBe(22);
    expect(await run("const r = await sql`SELECT ${1}, ${'a'}`; return r[0]")).toEqual(
      Object.assign(Object.create(null), { q: "SELECT ?, ?", n: 2 }),
    );
    expect(await run("let sql = 1; const fmt = 2; return sql + fmt")).toBe(3);
  });

  it("maps a runtime error to the TS source line and column", async () => {
    await expect(run("const a = 1;\n\n   null.x;")).rejects.toMatchObject({ line: 3, column: 9 });
    await expect(run("(undefined as any).y")).rejects.toMatchObject({ line: 1, column: 20 });
  });

  it("runs Markdown interpolations, one failing without blanking the others", async () => {
    const text = "${n + 1} and ${missing.x} and ${fmt(1234567.891)}";
    const md = compileMarkdown(text).body!.interpolation!;
    const { js } = wrapCode(await interpolationCode(text, md), ["n"], CODE_PARAMETER);
    const out = await executeCode({ cell: "md", js, inputs: { n: 1 }, tables: {} }, host);
    expect(out).toEqual([
      { ok: true, text: "2" },
      { ok: false, text: "missing is not defined" },
      { ok: true, text: "1,234,567.89" },
    ]);
  });
});
