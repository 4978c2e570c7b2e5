import { describe, expect, it } from "vitest";
import { createRuntime } from "../../src/runtime/runtime";
import type { Evaluate } from "../../src/runtime/types";
import { cellsFrom, graphOf, type TestCell } from "./fake-graph";

/** A runtime over `lines` whose evaluate sums its inputs plus one and records every call. */
function setup(lines: string[], evaluate?: Evaluate<TestCell>) {
  const calls: string[] = [];
  const cells = cellsFrom(lines);
  const runtime = createRuntime<TestCell>({
    evaluate:
      evaluate ??
      (async (cell, inputs) => {
        calls.push(cell.name!);
        if (cell.body.startsWith("fail"))
          throw Object.assign(new Error(`boom in ${cell.name}`), { line: 2, column: 5 });
        return [...inputs.values()].reduce<number>((s, v) => s + (v as number), 1);
      }),
  });
  runtime.define(cells, graphOf(cells));
  const redefine = (next: TestCell[]) => runtime.define(next, graphOf(next));
  const value = (name: string) => runtime.state(`id-${name}`).value;
  return { runtime, calls, cells, redefine, value, state: (name: string) => runtime.state(`id-${name}`) };
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("createRuntime(options).runAll()", () => {
  it("runs every cell in dependency order and passes upstream values by name", async () => {
    const seen: Record<string, string[]> = {};
    const t = setup(["c: a b", "a", "b: a"], async (cell, inputs) => {
      seen[cell.name!] = [...inputs.keys()];
      t.calls.push(cell.name!);
      return cell.name;
    });
    await t.runtime.runAll();
    expect(t.calls).toEqual(["a", "b", "c"]);
    expect(seen).toEqual({ a: [], b: ["a"], c: ["a", "b"] });
    expect(t.state("c")).toMatchObject({ status: "done", stale: false, value: "c" });
    expect(t.state("c").elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it("notifies observers of running and done states", async () => {
    const t = setup(["a", "b: a"]);
    const log: string[] = [];
    const off = t.runtime.subscribe(() => log.push(`${t.state("a").status}/${t.state("b").status}`));
    await t.runtime.runAll();
    off();
    expect(log).toEqual(["running/idle", "done/idle", "done/running", "done/done"]);
  });
});

describe("createRuntime(options).run(id)", () => {
  it("runs only the cell's missing ancestors, the cell and its descendants", async () => {
    const t = setup(["a", "b: a", "c: b", "d", "e: a"]);
    await t.runtime.run("id-b");
    expect(t.calls).toEqual(["a", "b", "c"]);
    t.calls.length = 0;
    await t.runtime.run("id-b");
    expect(t.calls).toEqual(["b", "c"]);
    expect(t.value("c")).toBe(3);
    expect(t.state("d").status).toBe("idle");
  });

  it("brings a descendant's other stale inputs up to date before it runs", async () => {
    const t = setup(["a", "d", "b: a", "c: b d"]);
    await t.runtime.runAll();
    t.runtime.invalidate(["id-d"]);
    t.calls.length = 0;
    await t.runtime.run("id-b");
    expect(t.calls).toEqual(["d", "b", "c"]);
    expect(t.state("c").stale).toBe(false);
  });

  it("skips descendants when asked", async () => {
    const t = setup(["a", "b: a"]);
    await t.runtime.run("id-a", { descendants: false });
    expect(t.calls).toEqual(["a"]);
    expect(t.state("b").status).toBe("idle");
  });

  it("marks descendants stale after a redefinition and re-runs only what changed downstream", async () => {
    const t = setup(["a", "b: a", "c: b", "x"]);
    await t.runtime.runAll();
    t.calls.length = 0;
    t.redefine(cellsFrom(["a", "b: a", "c: b", "x"]).map((c) => (c.name === "b" ? { ...c, body: "b2" } : c)));
    expect(t.state("a").stale).toBe(false);
    expect(t.state("b")).toMatchObject({ status: "done", stale: true });
    expect(t.state("c")).toMatchObject({ status: "done", stale: true });
    expect(t.state("x").stale).toBe(false);
    await t.runtime.run("id-b");
    expect(t.calls).toEqual(["b", "c"]);
    expect(t.state("c").stale).toBe(false);
  });

  it("re-runs a stale ancestor before the cell", async () => {
    const t = setup(["a", "b: a"]);
    await t.runtime.runAll();
    t.runtime.invalidate(["id-a"]);
    t.calls.length = 0;
    await t.runtime.run("id-b");
    expect(t.calls).toEqual(["a", "b"]);
  });
});

describe("createRuntime(options) failures", () => {
  it("gives cells downstream of a failed cell a dependency error without running them", async () => {
    const t = setup(["a", "b: a", "c: b", "d: a"]);
    t.redefine(cellsFrom(["a", "b: a", "c: b", "d: a"]).map((c) => (c.name === "b" ? { ...c, body: "fail" } : c)));
    await t.runtime.runAll();
    expect(t.calls).toEqual(["a", "b", "d"]);
    expect(t.state("b")).toMatchObject({ status: "error", error: { message: "boom in b", line: 2, column: 5 } });
    expect(t.state("c")).toMatchObject({ status: "error", error: { message: "depends on b, which failed" } });
    expect(t.state("d")).toMatchObject({ status: "done", value: 2 });
  });

  it("shows graph errors on the cell and lets other cells run", async () => {
    const t = setup(["a", "b: nope", "c: b", "d: a"]);
    expect(t.state("b")).toMatchObject({ status: "error", error: { message: "unknown name in b" } });
    await t.runtime.runAll();
    expect(t.calls).toEqual(["a", "d"]);
    expect(t.state("c").error?.message).toBe("depends on b, which failed");
    t.redefine(cellsFrom(["a", "b: a", "c: b", "d: a"]));
    expect(t.state("b").status).toBe("idle");
    await t.runtime.run("id-c");
    expect(t.value("c")).toBe(3);
  });

  it("retries a failed ancestor when a descendant is run", async () => {
    let failing = true;
    const t = setup(["a", "b: a"], async (cell) => {
      t.calls.push(cell.name!);
      if (cell.name === "a" && failing) throw new Error("no table");
      return 1;
    });
    await t.runtime.runAll();
    expect(t.state("b").status).toBe("error");
    failing = false;
    t.calls.length = 0;
    await t.runtime.run("id-b");
    expect(t.calls).toEqual(["a", "b"]);
    expect(t.state("b").status).toBe("done");
  });
});

describe("createRuntime(options) races", () => {
  it("drops a slow superseded result: the newer, faster run wins", async () => {
    const signals: AbortSignal[] = [];
    const t = setup(["a", "b: a"], async (cell, inputs, signal) => {
      signals.push(signal);
      if (cell.name === "a") {
        await delay(cell.body === "slow" ? 80 : 5);
        return cell.body;
      }
      return `b from ${inputs.get("a")}`;
    });
    t.redefine(cellsFrom(["a", "b: a"]).map((c) => (c.name === "a" ? { ...c, body: "slow" } : c)));
    const first = t.runtime.run("id-a");
    await delay(10);
    expect(t.state("a").status).toBe("running");
    t.redefine(cellsFrom(["a", "b: a"]).map((c) => (c.name === "a" ? { ...c, body: "fast" } : c)));
    expect(signals[0].aborted).toBe(true);
    await first;
    expect(t.state("a")).toMatchObject({ status: "done", value: "fast" });
    expect(t.state("b")).toMatchObject({ status: "done", value: "b from fast" });
    await delay(100);
    expect(t.state("a").value).toBe("fast");
    expect(t.state("b").value).toBe("b from fast");
  });

  it("cancel() stops the running cell (status stopped), drops the queue and keeps the previous result", async () => {
    let slow = false;
    const t = setup(["a", "b: a"], async (cell) => {
      t.calls.push(cell.name!);
      if (slow) await delay(60);
      return cell.name;
    });
    await t.runtime.runAll();
    slow = true;
    t.calls.length = 0;
    const pass = t.runtime.runAll();
    await delay(5);
    t.runtime.cancel();
    await pass;
    await delay(80);
    expect(t.calls).toEqual(["a"]);
    // The previous result of a is still valid (nothing changed), but the cell says its run was stopped.
    expect(t.state("a")).toMatchObject({ status: "stopped", stale: false, value: "a" });
    expect(t.state("b")).toMatchObject({ status: "done", stale: false });
    // A stopped cell is not fresh: running a reader runs it again first.
    slow = false;
    await t.runtime.run("id-b");
    expect(t.calls).toEqual(["a", "a", "b"]);
    expect(t.state("a")).toMatchObject({ status: "done", stale: false, value: "a" });
  });

  it("cancel() after an edit leaves the earlier result marked stale", async () => {
    const t = setup(["a"], async (cell, _inputs, signal) => {
      if (cell.body === "slow") await delay(60);
      if (signal.aborted) throw new Error("aborted");
      return cell.body;
    });
    await t.runtime.runAll();
    t.redefine(cellsFrom(["a"]).map((c) => ({ ...c, body: "slow" })));
    const pass = t.runtime.run("id-a");
    await delay(5);
    expect(t.state("a").status).toBe("running");
    t.runtime.cancel();
    await pass;
    expect(t.state("a")).toMatchObject({ status: "stopped", stale: true, value: "a" });
  });

  it("queues a second request behind the first and runs each cell once", async () => {
    const t = setup(["a", "b: a", "c"]);
    await Promise.all([t.runtime.run("id-b"), t.runtime.run("id-a"), t.runtime.run("id-c")]);
    expect(t.calls.sort()).toEqual(["a", "b", "c"]);
  });
});

describe("createRuntime(options) when an input changes mid-run", () => {
  it("re-runs a superseded cell only after its changed input, never with the old value", async () => {
    let input = 1;
    const seen: number[] = [];
    const t = setup(["n", "slow: n", "other"], async (cell, inputs, signal) => {
      t.calls.push(cell.name!);
      if (cell.name === "n") return input;
      if (cell.name === "other") return 0;
      const v = inputs.get("n") as number;
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, v === 1 ? 200 : 5);
        signal.addEventListener("abort", () => (clearTimeout(timer), reject(new Error("aborted"))));
      });
      seen.push(v);
      return v * 10;
    });
    const first = t.runtime.runAll();
    await delay(50);
    expect(t.state("slow").status).toBe("running");
    input = 2;
    // What an edit does: a new definition of n, then a run of n and what reads it.
    t.redefine(cellsFrom(["n", "slow: n", "other"]).map((c) => (c.name === "n" ? { ...c, body: "n2" } : c)));
    const second = t.runtime.run("id-n");
    await Promise.all([first, second]);
    expect(seen).toEqual([2]);
    expect(t.value("slow")).toBe(20);
    expect(t.calls.filter((c) => c === "other")).toHaveLength(1);
    expect(t.state("slow").stale).toBe(false);
  });
});

describe("createRuntime(options).run(id, { outdated: true })", () => {
  it("runs only what is out of date: nothing for an unchanged cell, the cell and its readers after an edit", async () => {
    const t = setup(["a", "b: a", "c"]);
    await t.runtime.runAll();
    t.calls.length = 0;
    await t.runtime.run("id-a", { outdated: true });
    expect(t.calls).toEqual([]);
    t.redefine(cellsFrom(["a", "b: a", "c"]).map((c) => (c.name === "a" ? { ...c, body: "a2" } : c)));
    await t.runtime.run("id-a", { outdated: true });
    expect(t.calls).toEqual(["a", "b"]);
    expect(t.state("b")).toMatchObject({ status: "done", stale: false });
  });

  it("still retries a failed input of what it runs", async () => {
    const t = setup(["a", "b: a"]);
    t.redefine(cellsFrom(["a", "b: a"]).map((c) => (c.name === "a" ? { ...c, body: "fail" } : c)));
    await t.runtime.runAll();
    t.calls.length = 0;
    t.redefine(cellsFrom(["a", "b: a"]).map((c) => (c.name === "a" ? { ...c, body: "fail" } : { ...c, body: "b2" })));
    await t.runtime.run("id-b", { outdated: true });
    expect(t.calls).toEqual(["a"]);
    expect(t.state("b").error?.message).toMatch(/a/);
  });

  it("does not repeat a reader the runtime re-ran itself for a value set mid-run (a drag), and waits for it", async () => {
    // What a drag does: each step is a new definition of n, then (a tick later) a live run of n and its readers.
    const seen: number[] = [];
    let n = 0;
    const t = setup(["n", "slow: n"], async (cell, inputs, signal) => {
      if (cell.name === "n") return n;
      const v = inputs.get("n") as number;
      seen.push(v);
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, 30);
        signal.addEventListener("abort", () => (clearTimeout(timer), reject(new Error("aborted"))));
      });
      return v * 10;
    });
    await t.runtime.runAll();
    seen.length = 0;
    const runs: Promise<void>[] = [];
    for (n = 1; n <= 4; n++) {
      t.redefine(cellsFrom(["n", "slow: n"]).map((c) => (c.name === "n" ? { ...c, body: `n${n}` } : c)));
      await delay(0);
      runs.push(t.runtime.run("id-n", { outdated: true }));
      await delay(5);
      expect(t.state("slow").status).toBe("running");
    }
    await Promise.all(runs);
    // Each value read once (the runtime re-queued the superseded reader itself), the last one's result kept.
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(t.state("slow")).toMatchObject({ status: "done", stale: false, value: 40 });
  });
});

describe("createRuntime(options).subscribe(listener)", () => {
  it("reports each changed cell by id, in the Observable runtime's words, and only cells that changed", async () => {
    const t = setup(["a", "b: a", "x"]);
    await t.runtime.runAll();
    const events: string[] = [];
    const off = t.runtime.subscribe((e) => events.push(`${e.id}:${e.status}`));
    await t.runtime.run("id-a");
    expect(events).toEqual(["id-a:pending", "id-a:fulfilled", "id-b:stale", "id-b:pending", "id-b:fulfilled"]);
    events.length = 0;
    t.runtime.invalidate(["id-x"]);
    expect(events).toEqual(["id-x:stale"]);
    off();
  });

  it("says rejected for a failed run", async () => {
    const t = setup(["fail"]);
    t.redefine([{ id: "id-f", name: "f", deps: [], body: "fail" }]);
    const events: string[] = [];
    t.runtime.subscribe((e) => events.push(`${e.id}:${e.status}:${e.state.error?.message ?? ""}`));
    await t.runtime.runAll();
    expect(events).toEqual(["id-f:pending:", "id-f:rejected:boom in f"]);
  });
});

describe("createRuntime(options).runAll({ first })", () => {
  it("runs the first cells and their ancestors before the others, in dependency order", async () => {
    const t = setup(["a", "b: a", "c", "d: c", "e: d"]);
    await t.runtime.runAll({ first: ["id-e"] });
    expect(t.calls).toEqual(["c", "d", "e", "a", "b"]);
    t.calls.length = 0;
    await t.runtime.runAll();
    expect(t.calls).toEqual(["a", "b", "c", "d", "e"]);
  });
});
