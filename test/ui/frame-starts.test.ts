// The chart frames' start queue without a browser: one frame starts at a time, those near the screen before
// those out of sight, a frame that never finishes gives its turn up after FRAME_TURN_MS, and a frame gone
// before its turn never starts. whenChartsDrawn (the engine warm-up's wait) waits for every frame's turn and chart.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FRAME_TURN_MS, chartUndrawn, queueFrameStart, whenChartsDrawn } from "../../src/ui/frame-starts";

describe("queueFrameStart(start, near)", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("starts one frame at a time, the near ones first, in the order they came", () => {
    const started: string[] = [];
    const a = queueFrameStart(() => started.push("a"), true);
    const far = queueFrameStart(() => started.push("far"), false);
    const b = queueFrameStart(() => started.push("b"), true);
    expect(started).toEqual(["a"]);
    a.done();
    expect(started).toEqual(["a", "b"]);
    // A second `done` of a finished frame does not start two at once.
    a.done();
    const c = queueFrameStart(() => started.push("c"), false);
    far.near();
    b.done();
    expect(started).toEqual(["a", "b", "far"]);
    far.done();
    expect(started).toEqual(["a", "b", "far", "c"]);
    c.done();
  });

  it("lets the next frame start when one holds its turn too long, and skips a frame gone before its turn", () => {
    const started: string[] = [];
    const stuck = queueFrameStart(() => started.push("stuck"), true);
    const gone = queueFrameStart(() => started.push("gone"), true);
    const next = queueFrameStart(() => started.push("next"), true);
    gone.done();
    vi.advanceTimersByTime(FRAME_TURN_MS - 1);
    expect(started).toEqual(["stuck"]);
    vi.advanceTimersByTime(1);
    expect(started).toEqual(["stuck", "next"]);
    // The stuck frame finishing late takes nothing from the one starting now.
    stuck.done();
    const last = queueFrameStart(() => started.push("last"), true);
    expect(started).toEqual(["stuck", "next"]);
    next.done();
    expect(started).toEqual(["stuck", "next", "last"]);
    last.done();
  });
});

describe("whenChartsDrawn()", () => {
  it("resolves only once no frame waits for its turn and every chart held is drawn", async () => {
    let settled = false;
    const turn = queueFrameStart(() => undefined, true);
    const drawn = chartUndrawn();
    const other = chartUndrawn();
    void whenChartsDrawn().then(() => (settled = true));
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
    turn.done();
    await tick();
    expect(settled).toBe(false);
    drawn();
    // A second call of the same frame's `drawn` does not count for another frame.
    drawn();
    await tick();
    expect(settled).toBe(false);
    other();
    await tick();
    expect(settled).toBe(true);
    await expect(whenChartsDrawn()).resolves.toBeUndefined();
  });
});
