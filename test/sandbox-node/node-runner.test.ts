// The Node code runner: cells run isolated in a worker's bare vm context; sql goes through the host;
// endless loops are stopped; errors carry positions in the code.
import { afterAll, describe, expect, it } from "vitest";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import { CODE_PARAMETER, CodeError, type CodeHost, type CodeRequest } from "../../src/code/runner";
import { wrapCode } from "../../src/compile/ts";
import { loadLocale } from "../../src/messages/load-locale";
import { setLocale } from "../../src/messages/locale";

const runner = nodeCodeRunner({ timeoutMs: 5000 });
afterAll(() => runner.close());

const host: CodeHost = {
  sql: async (text, params) => ({
    columns: [
      { name: "text", type: "VARCHAR" },
      { name: "p", type: "VARCHAR" },
    ],
    data: [[text], [JSON.stringify(params)]],
  }),
};
const request = (
  code: string,
  inputs: Record<string, unknown> = {},
  tables: CodeRequest["tables"] = {},
): CodeRequest => ({
  cell: "t",
  js: wrapCode(code, [...Object.keys(inputs), ...Object.keys(tables)], CODE_PARAMETER).js,
  inputs,
  tables,
});
const run = (code: string, inputs?: Record<string, unknown>, tables?: CodeRequest["tables"], h = host) =>
  runner.run(request(code, inputs, tables), h, new AbortController().signal);

describe("nodeCodeRunner()", () => {
  it("returns the cell's value, with upstream values and tables in scope", async () => {
    const tables = { rfm: { columns: [{ name: "id", type: "BIGINT" }], data: [[1, 2, 3]] } };
    expect(await run("return rfm.length * k + rfm[2].id", { k: 10 }, tables)).toBe(33);
    expect(await run("return [{ a: 1, d: new Date(0) }]")).toEqual([{ a: 1, d: new Date(0) }]);
  });

  it("binds sql`...` values as parameters through the host", async () => {
    const evil = "'; DROP TABLE x; --";
    const rows = (await run("const v = x; return await sql`SELECT * FROM t WHERE a = ${v} AND b > ${2}`", {
      x: evil,
    })) as Record<string, string>[];
    expect(rows[0].text).toBe("SELECT * FROM t WHERE a = ? AND b > ?");
    expect(JSON.parse(rows[0].p)).toEqual([evil, 2]);
  });

  it("gives the recipe library as lib", async () => {
    expect(await run("return typeof lib.kmeans + ':' + lib.logGamma(1)")).toBe("function:0");
  });

  it("offers no require, process, fetch, timers, eval or import()", async () => {
    for (const name of ["require", "process", "fetch", "setTimeout", "Buffer", "module", "globalThis.process"]) {
      expect(await run(`return typeof ${name}`), name).toBe("undefined");
    }
    await expect(run("return eval('1 + 1')")).rejects.toThrow(/EvalError|Code generation/);
    await expect(run("return Function('return 1')()")).rejects.toThrow(/EvalError|Code generation/);
    await expect(run("return await import('node:fs')")).rejects.toThrow();
    // The classic escape: reaching the worker's Function constructor through a host object.
    await expect(run("return sql.constructor.constructor('return process')()")).rejects.toThrow();
    await expect(run("return log.constructor.constructor('return process')()")).rejects.toThrow();
  });

  it("reports errors with their line and column in the code", async () => {
    const error = (await run("const a = 1;\nconst b = null;\nreturn b.x;").catch((e: unknown) => e)) as CodeError;
    expect(error).toBeInstanceOf(CodeError);
    expect(error.message).toMatch(/TypeError/);
    expect(error.line).toBe(3);
  });

  it("stops an endless loop on stop() and on the time limit, and stays usable", async () => {
    let started!: () => void;
    const spinning = new Promise<void>((r) => (started = r));
    const looping = run("log('spinning'); while (true) {}", {}, {}, { ...host, log: () => started() });
    await spinning;
    runner.stop();
    await expect(looping).rejects.toThrow(/Stopped/);
    expect(await run("return 1 + 1")).toBe(2);
    const quick = nodeCodeRunner({ timeoutMs: 300 });
    try {
      const started = Date.now();
      await expect(quick.run(request("for (;;) {}"), host, new AbortController().signal)).rejects.toThrow(
        /longer than 300/,
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await quick.run(request("return 'alive'"), host, new AbortController().signal)).toBe("alive");
    } finally {
      quick.close();
    }
  });

  it("rejects at once when the signal aborts", async () => {
    const controller = new AbortController();
    const p = runner.run(request("await new Promise(() => {}); return 1"), host, controller.signal);
    controller.abort();
    await expect(p).rejects.toThrow();
    expect(await run("return 'next'")).toBe("next");
  });
});

describe("nodeCodeRunner() in Chinese", () => {
  it("says what its worker refuses in the language it was started in", async () => {
    await loadLocale("zh-CN");
    setLocale("zh-CN");
    const zh = nodeCodeRunner({ timeoutMs: 5000 });
    try {
      await expect(zh.run(request("return { n: 10n }"), host, new AbortController().signal)).rejects.toThrow(
        "单元格返回的不是纯数据（BigInt 值）",
      );
    } finally {
      setLocale("en");
      zh.close();
    }
  });
});
