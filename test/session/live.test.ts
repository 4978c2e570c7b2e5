// Live re-execution with ts, input and Markdown cells on the native engine and the Node code runner:
// only descendants re-run, superseded results lose, parameters are bound, errors point at TS source.
import { afterAll, describe, expect, it } from "vitest";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import type { CodeRunner } from "../../src/code/runner";
import { cell, notebookText, rowsOf, sessionWith } from "./helpers";

const runner = nodeCodeRunner({ timeoutMs: 10_000 });
afterAll(() => runner.close());

/** A runner that counts runs per cell (the runtime's re-run sets, observed from outside). */
function counting(inner: CodeRunner): { runner: CodeRunner; runs: Map<string, number> } {
  const runs = new Map<string, number>();
  return {
    runs,
    runner: {
      ...inner,
      run: (req, host, signal) => (runs.set(req.cell, (runs.get(req.cell) ?? 0) + 1), inner.run(req, host, signal)),
    },
  };
}

const live = notebookText([
  ["input n", '{ "type": "range", "min": 0, "max": 100, "value": 3, "label": "At least" }'],
  ["sql big", "SELECT i FROM range(10) t(i) WHERE i >= ${n}"],
  ["ts doubled", "const rows: { i: number }[] = big as any;\nreturn rows.map((r) => ({ i: r.i, twice: r.i * 2 }));"],
  ["sql from_ts", "SELECT sum(twice) AS s FROM doubled"],
  ["ts other", "return 42"],
  ["md", "We kept ${big.length} rows; ${fmt(1234.5)} and ${other}."],
]);

describe("Session live re-execution", () => {
  it("runs inputs, ts rows (queryable by name) and Markdown interpolation", async () => {
    const { session, close } = await sessionWith(live, { runner, liveDelayMs: 0 });
    try {
      await session.runAll();
      expect(cell(session, "n").output).toMatchObject({ type: "input", value: 3 });
      expect(rowsOf(cell(session, "big"))).toHaveLength(7);
      expect(rowsOf(cell(session, "doubled"))[0]).toEqual({ i: 3, twice: 6 });
      expect(rowsOf(cell(session, "from_ts"))).toEqual([{ s: 2 * (3 + 4 + 5 + 6 + 7 + 8 + 9) }]);
      expect(cell(session, "other").output).toEqual({ type: "value", value: 42 });
      const md = session.getState().cells.find((c) => c.cell.kind === "markdown")!;
      expect(md.output).toEqual({
        type: "markdown",
        text: "We kept 7 rows; 1,234\\.5 and 42.",
        template: {
          pieces: ["We kept ", " rows; ", " and ", "."],
          values: [{ text: "7" }, { text: "1,234.5" }, { text: "42" }],
        },
      });
    } finally {
      await close();
    }
  });

  it("setInputValue re-runs only the input's descendants (counted) and saves the value", async () => {
    const { runner: counted, runs } = counting(runner);
    const { session, close } = await sessionWith(live, { runner: counted, liveDelayMs: 0 });
    try {
      await session.runAll();
      expect(Object.fromEntries(runs)).toEqual({ doubled: 1, other: 1, [session.getState().cells[5].cell.id]: 1 });
      const id = cell(session, "n").cell.id;
      session.setInputValue(id, 8);
      expect(cell(session, "big").stale).toBe(true);
      await session.whenIdle();
      expect(rowsOf(cell(session, "big"))).toEqual([{ i: 8 }, { i: 9 }]);
      expect(rowsOf(cell(session, "from_ts"))).toEqual([{ s: 34 }]);
      expect(runs.get("doubled")).toBe(2);
      expect(runs.get("other")).toBe(1);
      expect(cell(session, "big").stale).toBe(false);
      expect(session.save()).toContain('"value": 8');
      expect(() => session.setInputValue(id, 500)).toThrow(/outside the allowed range/);
      expect(() => session.setInputValue(id, "8")).toThrow(/must be a number/);
    } finally {
      await close();
    }
  });

  it("runs a moved input's readers in the task of the move: no timer's turn first (the browser paints after)", async () => {
    const { session, close } = await sessionWith(live, { runner });
    try {
      await session.runAll();
      let timerFired = false;
      setTimeout(() => (timerFired = true), 0);
      session.setInputValue(cell(session, "n").cell.id, 8);
      // Microtasks only: a run started from a timer (even a 0 ms one) would not be running yet.
      for (let i = 0; i < 100 && cell(session, "big").status !== "running"; i++) await Promise.resolve();
      expect(cell(session, "big").status).toBe("running");
      expect(timerFired).toBe(false);
      await session.whenIdle();
      expect(rowsOf(cell(session, "big"))).toEqual([{ i: 8 }, { i: 9 }]);
    } finally {
      await close();
    }
  });

  it("debounces typing: several quick edits give one re-run", async () => {
    const { runner: counted, runs } = counting(runner);
    const { session, close } = await sessionWith(notebookText([["ts t", "return 1"]]), {
      runner: counted,
      liveDelayMs: 50,
    });
    try {
      const id = cell(session, "t").cell.id;
      for (const v of [2, 3, 4, 5]) session.setSource(id, `return ${v}`);
      await session.whenIdle();
      expect(runs.get("t")).toBe(1);
      expect(cell(session, "t").output).toEqual({ type: "value", value: 5 });
    } finally {
      await close();
    }
  });

  it("debounces a text input once, in the session: each keystroke is reported, one re-run follows", async () => {
    const { runner: counted, runs } = counting(runner);
    const text = notebookText([
      ["input q", '{ "type": "text", "value": "" }'],
      ["ts echo", "return q"],
    ]);
    const { session, close } = await sessionWith(text, { runner: counted, liveDelayMs: 1000 });
    try {
      await session.runAll();
      const id = cell(session, "q").cell.id;
      const before = runs.get("echo");
      // Keystrokes 100 ms apart: a moved control's wait (none) would re-run after each of them.
      for (const typed of ["a", "ab", "abc"]) {
        session.setInputValue(id, typed);
        await new Promise((r) => setTimeout(r, 100));
      }
      await session.whenIdle();
      expect(runs.get("echo")).toBe(before! + 1);
      expect(cell(session, "echo").output).toEqual({ type: "value", value: "abc" });
    } finally {
      await close();
    }
  });

  it("binds ${name} as a parameter: a hostile text value is harmless", async () => {
    const evil = "'; DROP TABLE victims; --";
    const { session, engine, close } = await sessionWith(
      notebookText([
        ["input who", JSON.stringify({ type: "text", value: evil })],
        ["sql victims", "SELECT 'x' AS name"],
        ["sql q", "SELECT ${who} AS got, (SELECT count(*) FROM victims) AS n"],
        ["ts t", "return (await sql`SELECT ${who} AS v, count(*) AS n FROM victims`)[0]"],
      ]),
      { runner, liveDelayMs: 0 },
    );
    try {
      await session.runAll();
      expect(rowsOf(cell(session, "q"))).toEqual([{ got: evil, n: 1 }]);
      expect(cell(session, "t").output).toEqual({ type: "value", value: { v: evil, n: 1 } });
      expect((await engine.query("SELECT count(*) AS n FROM victims")).rows()[0].n).toBe(1);
    } finally {
      await close();
    }
  });

  it("binds multiselect and daterange values as lists of bound items, in sql cells and the sql tag", async () => {
    const { session, close } = await sessionWith(
      notebookText([
        ["input segs", '{ "type": "multiselect", "options": ["a", "b", "c"], "value": ["a", "c"] }'],
        ["input period", '{ "type": "daterange", "value": ["2024-01-01", "2024-01-31"] }'],
        [
          "sql picked",
          "SELECT s FROM (VALUES ('a'), ('b'), ('c')) t(s) WHERE list_contains(${segs}, s) AND DATE '2024-01-15' BETWEEN ${period}[1]::DATE AND ${period}[2]::DATE ORDER BY s",
        ],
        ["ts n", "const r = await sql`SELECT len(${segs}) AS n, ${period}[2] AS last`; return r[0]"],
      ]),
      { runner, liveDelayMs: 0 },
    );
    try {
      await session.runAll();
      expect(rowsOf(cell(session, "picked"))).toEqual([{ s: "a" }, { s: "c" }]);
      expect(cell(session, "n").output).toEqual({ type: "value", value: { n: 2, last: "2024-01-31" } });
    } finally {
      await close();
    }
  });

  it("points TypeScript errors at the line and column of the source", async () => {
    const { session, close } = await sessionWith(
      notebookText([
        ["ts t", "const a: number = 1;\nconst b: any = null;\n  return b.field + a;"],
        ["ts bad", "const x = ;"],
        ["md", "Total:\nso far ${Math.}"],
      ]),
      {
        runner,
        liveDelayMs: 0,
      },
    );
    try {
      await session.runAll();
      expect(cell(session, "t").error).toMatchObject({
        line: 3,
        column: 12,
        message: expect.stringMatching(/TypeError/),
      });
      expect(cell(session, "bad").error).toMatchObject({ line: 1, column: 11 });
      const md = session.getState().cells.find((c) => c.cell.kind === "markdown")!;
      expect(md.error).toMatchObject({ line: 2, column: 10, message: expect.stringMatching(/syntax error/) });
    } finally {
      await close();
    }
  });

  it("the newer of two runs wins: a slow query superseded by a fast edit", async () => {
    const { session, close } = await sessionWith(
      notebookText([
        ["input n", '{ "type": "number", "value": 4000000000 }'],
        ["sql a", "SELECT count(*) AS v FROM range(${n})"],
        ["ts b", "return a[0].v + 1"],
      ]),
      { runner, liveDelayMs: 0 },
    );
    try {
      const first = session.runAll();
      await expect.poll(() => cell(session, "a").status).toBe("running");
      session.setInputValue(cell(session, "n").cell.id, 5);
      await first;
      await session.whenIdle();
      expect(rowsOf(cell(session, "a"))).toEqual([{ v: 5 }]);
      expect(cell(session, "b").output).toEqual({ type: "value", value: 6 });
      expect(cell(session, "a").stale).toBe(false);
    } finally {
      await close();
    }
  });

  it("renaming or deleting a cell makes readers say 'unknown name' instead of showing stale results", async () => {
    const { session, close } = await sessionWith(
      notebookText([
        ["ts base", "return 10"],
        ["ts uses", "return base * 2"],
        ["sql q", "SELECT * FROM rows_cell"],
        ["ts rows_cell", "return [{ a: 1 }]"],
      ]),
      {
        runner,
        liveDelayMs: 0,
      },
    );
    try {
      await session.runAll();
      expect(cell(session, "uses").output).toEqual({ type: "value", value: 20 });
      expect(rowsOf(cell(session, "q"))).toEqual([{ a: 1 }]);
      session.rename(cell(session, "base").cell.id, "renamed");
      session.deleteCell(cell(session, "rows_cell").cell.id);
      await session.whenIdle();
      expect(cell(session, "uses").error?.message).toMatch(/unknown name base/);
      expect(cell(session, "uses").output).toBeUndefined();
      expect(cell(session, "q").error?.message).toMatch(/rows_cell/);
    } finally {
      await close();
    }
  });

  it("gives code every row of a table beyond the display cap", async () => {
    const { session, close } = await sessionWith(
      notebookText([
        ["sql many", "SELECT i FROM range(150000) t(i)"],
        ["ts n", "return many.length + many[149999].i"],
      ]),
      { runner, liveDelayMs: 0 },
    );
    try {
      await session.runAll();
      expect(cell(session, "n").output).toEqual({ type: "value", value: 150000 + 149999 });
    } finally {
      await close();
    }
  });

  it("drops a ts cell's table once it stops returning rows", async () => {
    const { session, close } = await sessionWith(
      notebookText([
        ["ts t", "return [{ a: 1 }]"],
        ["sql q", "SELECT count(*) AS n FROM t"],
      ]),
      {
        runner,
        liveDelayMs: 0,
      },
    );
    try {
      await session.runAll();
      expect(rowsOf(cell(session, "q"))).toEqual([{ n: 1 }]);
      session.setSource(cell(session, "t").cell.id, "return 1");
      await session.whenIdle();
      expect(cell(session, "t").output).toEqual({ type: "value", value: 1 });
      expect(cell(session, "q").error?.message).toMatch(/t/);
    } finally {
      await close();
    }
  });

  it("cancel() stops an endless loop and the session keeps working", async () => {
    const { session, close } = await sessionWith(
      notebookText([
        ["ts spin", "while (true) {}"],
        ["ts ok", "return 1"],
      ]),
      { runner, liveDelayMs: 0 },
    );
    try {
      const all = session.runAll();
      await expect.poll(() => cell(session, "spin").status).toBe("running");
      await session.cancel();
      await all;
      expect(cell(session, "spin").status).not.toBe("running");
      session.setSource(cell(session, "ok").cell.id, "return 2");
      await session.whenIdle();
      expect(cell(session, "ok").output).toEqual({ type: "value", value: 2 });
    } finally {
      await close();
    }
  });

  it("turns a returned Vega-Lite spec into a chart", async () => {
    const spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      mark: "bar",
      data: { values: [{ a: 1 }] },
      encoding: { x: { field: "a" } },
    };
    const { session, close } = await sessionWith(notebookText([["ts c", `return ${JSON.stringify(spec)}`]]), {
      runner,
      liveDelayMs: 0,
    });
    try {
      await session.runAll();
      expect(cell(session, "c").output).toEqual({ type: "chart", spec, rows: 1 });
    } finally {
      await close();
    }
  });

  it("keeps the log(...) lines of a ts cell's latest run in CellState.logs; a re-run replaces them", async () => {
    const { session, close } = await sessionWith(
      notebookText([
        ["ts talk", "log('first', 1);\nlog({ a: 2 });\nreturn 1"],
        ["ts quiet", "return 2"],
      ]),
      { runner, liveDelayMs: 0 },
    );
    try {
      await session.runAll();
      expect(cell(session, "talk").logs).toEqual(["first 1", expect.stringContaining("a")]);
      expect(cell(session, "quiet").logs).toBeUndefined();
      session.setSource(cell(session, "talk").cell.id, "log('again');\nreturn 3");
      await session.whenIdle();
      expect(cell(session, "talk").output).toEqual({ type: "value", value: 3 });
      expect(cell(session, "talk").logs).toEqual(["again"]);
      session.setSource(cell(session, "talk").cell.id, "return 4");
      await session.whenIdle();
      expect(cell(session, "talk").logs).toBeUndefined();
    } finally {
      await close();
    }
  });

  it("shows lines while the cell runs, and drops those of a run superseded by an edit", async () => {
    const slow = "log('old start');\nconst t = Date.now();\nwhile (Date.now() - t < 400) {}\nlog('old end');\nreturn 1";
    const { session, close } = await sessionWith(notebookText([["ts slow", slow]]), { runner, liveDelayMs: 0 });
    try {
      const all = session.runAll();
      await expect.poll(() => cell(session, "slow").logs).toEqual(["old start"]);
      session.setSource(cell(session, "slow").cell.id, "log('new');\nreturn 2");
      await all;
      await session.whenIdle();
      expect(cell(session, "slow").output).toEqual({ type: "value", value: 2 });
      expect(cell(session, "slow").logs).toEqual(["new"]);
    } finally {
      await close();
    }
  });

  it("caps a chatty log and says how many lines were cut", async () => {
    const { session, close } = await sessionWith(
      notebookText([["ts chatty", "for (let i = 0; i < 250; i++) log('line ' + i);\nreturn 0"]]),
      { runner, liveDelayMs: 0 },
    );
    try {
      await session.runAll();
      const logs = cell(session, "chatty").logs!;
      expect(logs).toHaveLength(201);
      expect(logs[199]).toBe("line 199");
      expect(logs[200]).toBe("… 50 more lines");
    } finally {
      await close();
    }
  });
});
