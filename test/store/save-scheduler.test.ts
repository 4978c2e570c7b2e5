// createSaveScheduler: edits are coalesced into at most one write per delay, none is dropped, and one
// write runs at a time (real timers, short delays).
import { describe, expect, it } from "vitest";
import { createSaveScheduler } from "../../src/store/save-scheduler";

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe("createSaveScheduler(delayMs, write)", () => {
  it("writes once for a burst of edits, within the delay of the first", async () => {
    let writes = 0;
    const saver = createSaveScheduler(40, async () => void writes++);
    for (let i = 0; i < 50; i++) saver.mark();
    expect(writes).toBe(0);
    await sleep(80);
    expect(writes).toBe(1);
    await sleep(80);
    expect(writes).toBe(1);
  });

  it("keeps writing while edits go on (never postponed by steady typing) and writes the last edit", async () => {
    const seen: number[] = [];
    let value = 0;
    const saver = createSaveScheduler(30, async () => void seen.push(value));
    const started = Date.now();
    while (Date.now() - started < 200) {
      value++;
      saver.mark();
      await sleep(5);
    }
    await saver.whenSaved();
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toBe(value);
  });

  it("runs one write at a time; edits during a write are written after it", async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    let value = 0;
    const saver = createSaveScheduler(10, async () => {
      const v = value;
      running++;
      most = Math.max(most, running);
      await sleep(50);
      running--;
      done.push(v);
    });
    value = 1;
    saver.mark();
    await sleep(20);
    value = 2;
    saver.mark();
    await saver.whenSaved();
    expect(most).toBe(1);
    expect(done).toEqual([1, 2]);
  });

  it("flush writes a waiting edit at once; cancel drops it; a failing write does not stop later ones", async () => {
    let writes = 0;
    let fail = true;
    const saver = createSaveScheduler(10_000, async () => {
      writes++;
      if (fail) throw new Error("full");
    });
    saver.mark();
    await saver.flush();
    expect(writes).toBe(1);
    saver.mark();
    saver.cancel();
    await saver.flush();
    expect(writes).toBe(1);
    fail = false;
    saver.mark();
    await saver.flush();
    expect(writes).toBe(2);
    await saver.flush();
    expect(writes).toBe(2);
  });
});
