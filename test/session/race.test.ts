// The race between a moved input and a reader already in flight: the reader must end fresh, showing
// the newest value, never stale and never the superseded slow result.
import { afterAll, describe, expect, it } from "vitest";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import { cell, notebookText, sessionWith } from "./helpers";

const runner = nodeCodeRunner({ timeoutMs: 10_000 });
afterAll(() => runner.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` holds (a busy machine starts a run's worker late), failing after `ms`. */
async function until(check: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !check(); await sleep(20)) if (Date.now() > end) return;
}

describe("session.setInputValue(id, value) while a reader runs", () => {
  it("supersedes the slow run, and the reader ends fresh with the newest value", async () => {
    const text = notebookText([
      ["input delay", '{ "type": "range", "min": 1, "max": 3, "step": 1, "value": 3 }'],
      // Value 1 is slow (a busy wait: the sandbox has no timers), the others fast.
      [
        "ts echo",
        "const end = Date.now() + (delay === 1 ? 2500 : 10);\nwhile (Date.now() < end) {}\nreturn delay * 100;",
      ],
    ]);
    const { session, close } = await sessionWith(text, { runner, liveDelayMs: 300 });
    try {
      await session.runAll();
      const id = (name: string) => session.getState().cells.find((c) => c.cell.name === name)!.cell.id;
      session.setInputValue(id("delay"), 1);
      await until(() => cell(session, "echo").status === "running", 5_000);
      expect(cell(session, "echo")).toMatchObject({ status: "running", stale: true });
      session.setInputValue(id("delay"), 2);
      await until(() => cell(session, "echo").status === "done", 15_000);
      expect(cell(session, "echo")).toMatchObject({
        status: "done",
        stale: false,
        output: { type: "value", value: 200 },
      });
    } finally {
      await close();
    }
  });
});
