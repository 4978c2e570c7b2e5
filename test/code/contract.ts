// The CodeRunner contract: the same cells run on every runner (the browser sandbox runner in Chromium,
// the Node runner) give the same values, rows, errors and log lines. Each runner's test file calls
// `describeRunnerContract` with a driver that runs a request there and reports its Outcome.
import { describe, expect, it } from "vitest";
import { compileTs, wrapCode } from "../../src/compile/ts";
import { loadTranspiler } from "../../src/compile/transpile";
import { MAX_RESULT_VALUES, MAX_VALUE_PARTS } from "../../src/code/limits";
import { CODE_PARAMETER, type CodeRequest, type WireTable } from "../../src/code/runner";
import { codeMessages } from "../../src/messages/code";
import type { Ending, Outcome } from "./runner-outcome";

/** Runs one request on the runner under test. */
export interface RunnerDriver {
  run(request: CodeRequest, ending?: Ending): Promise<Outcome>;
}

const transpile = await loadTranspiler();

/** A ts cell's source as the request the session would send. */
export function requestOf(
  source: string,
  options: { inputs?: Record<string, unknown>; tables?: Record<string, WireTable>; rows?: boolean } = {},
): CodeRequest {
  const compiled = compileTs(source);
  if (!compiled.body) throw new Error(`does not compile: ${compiled.error?.message}`);
  const inputs = options.inputs ?? {};
  const tables = options.tables ?? {};
  const names = [...Object.keys(inputs), ...Object.keys(tables)];
  const { js } = wrapCode(transpile(compiled.body.source).code, names, CODE_PARAMETER);
  return { cell: "t", js, inputs, tables, rows: options.rows ?? true };
}

interface Case {
  readonly name: string;
  readonly request: CodeRequest;
  readonly ending?: Ending;
  /** The parts of the Outcome that must match exactly (anything not named is not checked). */
  readonly expect: Partial<Outcome> | ((outcome: Outcome) => void);
}

const rfm: WireTable = {
  columns: [
    { name: "id", type: "BIGINT" },
    { name: "m", type: "DOUBLE" },
  ],
  data: [
    [1, 2, 3],
    [10.5, null, 7],
  ],
};
const stopped = (o: Outcome) => expect(o.error?.message).toMatch(/^Stopped/);

/** The cases every runner must pass alike. */
export const CONTRACT_CASES: readonly Case[] = [
  {
    name: "returns a value computed from inputs and upstream tables (as rows)",
    request: requestOf("return rfm.length * k + rfm[2].id + (rfm[1].m ?? 100)", { inputs: { k: 10 }, tables: { rfm } }),
    expect: { value: 133 },
  },
  {
    name: "keeps plain values as they are: text, flags, null, dates, nested lists and objects",
    request: requestOf(
      "return { s: 'a\"<b>', b: true, n: null, d: new Date(86400000), l: [1, [2, 3]], o: { x: 1.5 } }",
    ),
    expect: { value: { s: 'a"<b>', b: true, n: null, d: new Date(86400000), l: [1, [2, 3]], o: { x: 1.5 } } },
  },
  {
    name: "returns rows as a table with typed columns (integers, decimals, text, flags, timestamps, nulls)",
    request: requestOf(
      "return [{ id: 1, x: 0.5, s: 'a', b: true, t: new Date(0) }, { id: 2, x: null, s: 'é ü', b: false, t: null, extra: 'late' }]",
    ),
    expect: {
      rows: {
        columns: [
          { name: "id", type: "BIGINT" },
          { name: "x", type: "DOUBLE" },
          { name: "s", type: "VARCHAR" },
          { name: "b", type: "BOOLEAN" },
          { name: "t", type: "TIMESTAMP" },
          { name: "extra", type: "VARCHAR" },
        ],
        rows: 2,
        head: [
          [1, 2],
          [0.5, null],
          ["a", "é ü"],
          [true, false],
          [0, null],
          [null, "late"],
        ],
      },
    },
  },
  {
    name: "a column of mixed kinds becomes text; integers and decimals together are decimals",
    request: requestOf("return [{ a: 1, n: 1 }, { a: 'x', n: 2.5 }, { a: { k: 1 }, n: 3 }]"),
    expect: {
      rows: {
        columns: [
          { name: "a", type: "VARCHAR" },
          { name: "n", type: "DOUBLE" },
        ],
        rows: 3,
        head: [
          ["1", "x", '{"k":1}'],
          [1, 2.5, 3],
        ],
      },
    },
  },
  {
    name: "returns rows as a list when the request does not ask for a table",
    request: requestOf("return [{ a: 1 }, { a: 2 }]", { rows: false }),
    expect: { value: [{ a: 1 }, { a: 2 }] },
  },
  { name: "an empty list is a value, not a table", request: requestOf("return []"), expect: { value: [] } },
  {
    name: "sql binds every ${} as a parameter, a list as a bound list",
    request: requestOf(
      "const r = await sql`SELECT * FROM t WHERE a = ${x} AND b IN ${[1, 2]} AND d = ${new Date(0)}`; return r[0].text",
      { inputs: { x: "'; DROP TABLE t; --" } },
    ),
    expect: {
      value: "SELECT * FROM t WHERE a = ? AND b IN [?, ?] AND d = ?",
      sql: [
        {
          text: "SELECT * FROM t WHERE a = ? AND b IN [?, ?] AND d = ?",
          params: ["'; DROP TABLE t; --", 1, 2, "1970-01-01T00:00:00.000Z"],
        },
      ],
    },
  },
  {
    name: "a failing query rejects inside the cell with the engine's message",
    request: requestOf(
      "try { await sql`SELECT * FROM FAIL`; return 'no error' } catch (e) { return (e as Error).message }",
    ),
    expect: { value: "Catalog Error: Table with name FAIL does not exist!" },
  },
  {
    name: "log lines arrive formatted, in order",
    request: requestOf(
      "log('a', 1, { x: 2 }, [1, 2], 1234.5678, null); log(); log(fmt(1234567.891), fmt(0.5, 0), fmt(new Date(0))); return 0",
    ),
    expect: { value: 0, logs: ['a 1 {"x":2} 1, 2 1,234.5678 ', "", "1,234,567.89 1 1970-01-01"] },
  },
  {
    name: "gives the recipe library as lib",
    request: requestOf("return typeof lib.kmeans + ':' + lib.logGamma(1)"),
    expect: { value: "function:0" },
  },
  {
    name: "offers no network, DOM, require or process",
    request: requestOf(
      "return [typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof document, typeof process, typeof require]",
    ),
    expect: { value: ["undefined", "undefined", "undefined", "undefined", "undefined", "undefined"] },
  },
  {
    name: "a runtime error gives its message, line and column in the code",
    request: requestOf("const a = 1;\nconst b: any = null;\nreturn b.x;"),
    expect: { error: { message: "TypeError: Cannot read properties of null (reading 'x')", line: 3, column: 10 } },
  },
  {
    name: "an unknown name is a ReferenceError on its line",
    request: requestOf("\nreturn missing + 1"),
    expect: { error: { message: "ReferenceError: missing is not defined", line: 2, column: 1 } },
  },
  {
    name: "a thrown value that is not an Error gives its text",
    request: requestOf("throw 'plain words'"),
    expect: { error: { message: "plain words", line: undefined, column: undefined } },
  },
  {
    name: "only plain data leaves: a BigInt is refused, saying so",
    request: requestOf("return { n: 10n }"),
    expect: { error: { message: codeMessages.valueRefused("a BigInt"), line: undefined, column: undefined } },
  },
  {
    name: "a Map in a value is refused",
    request: requestOf("return { m: new Map([[1, 2]]) }"),
    expect: { error: { message: codeMessages.valueRefused("a Map"), line: undefined, column: undefined } },
  },
  // Node's structured clone refuses a function before the plain-data check can name it; both say it cannot leave.
  {
    name: "a function cannot leave the runner",
    request: requestOf("return { f: () => 1 }"),
    expect: (o) => expect(o.error?.message).toMatch(/cannot leave the sandbox|not plain data \(a function\)/),
  },
  {
    name: "a value over the parts limit is refused, naming the limit",
    request: requestOf(`return new Array(${MAX_VALUE_PARTS + 1}).fill(0)`),
    expect: { error: { message: codeMessages.valueTooBig(MAX_VALUE_PARTS), line: undefined, column: undefined } },
  },
  {
    name: "rows over the values limit are refused, naming the limit",
    request: requestOf(`return new Array(${MAX_RESULT_VALUES / 4 + 1}).fill({ a: 1, b: 2, c: 3, d: 4 })`),
    expect: {
      error: {
        message: codeMessages.tooManyValues(MAX_RESULT_VALUES / 4 + 1, 4, MAX_RESULT_VALUES),
        line: undefined,
        column: undefined,
      },
    },
  },
  {
    name: "stop() ends an endless loop",
    request: requestOf("log('spinning'); while (true) {}"),
    ending: "stop",
    expect: stopped,
  },
  {
    name: "an abort ends a run that never settles",
    request: requestOf("log('waiting'); await new Promise(() => {}); return 1"),
    ending: "abort",
    expect: (o) => expect(o.error?.message).toMatch(/^(Aborted|Stopped)/),
  },
  {
    name: "a run may leave a global behind (the next run must not see it)",
    request: requestOf("(globalThis as any).leftover = 'left'; return 1"),
    expect: { value: 1 },
  },
  {
    name: "the runner works after a stop, and a run starts clean (no global of an earlier run)",
    request: requestOf("return typeof (globalThis as any).leftover"),
    expect: { value: "undefined" },
  },
];

/** Runs every contract case on the runner `open()` gives. */
export function describeRunnerContract(name: string, driver: () => RunnerDriver): void {
  describe(`CodeRunner contract: ${name}`, () => {
    for (const c of CONTRACT_CASES) {
      it(c.name, async () => {
        const outcome = await driver().run(c.request, c.ending);
        if (typeof c.expect === "function") c.expect(outcome);
        else expect(outcome).toMatchObject(c.expect);
      });
    }
  });
}
