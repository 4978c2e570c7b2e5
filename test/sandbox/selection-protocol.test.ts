// The selection message from the sandbox: only the exact shape, a cell-like name and a bounded list of
// plain JSON values get through to the shell; anything else is dropped as if never sent.
import { describe, expect, it } from "vitest";
import { asSandboxMessage } from "../../src/sandbox/protocol";
import { SELECTION_MESSAGE_VALUES, SELECTION_TEXT_CHARS } from "../../src/sandbox/selection-protocol";

const message = (extra: Record<string, unknown> = {}) => ({
  type: "clientbook:selection",
  id: 3,
  name: "brush",
  values: [1704067200000, 1711929600000],
  ...extra,
});

describe("the clientbook:selection message", () => {
  it("passes a brush's bounds, clicked values and a cleared selection", () => {
    expect(asSandboxMessage(message())).toEqual(message());
    expect(asSandboxMessage(message({ values: ["Retail", 2, true, null] }))).toEqual(
      message({ values: ["Retail", 2, true, null] }),
    );
    expect(asSandboxMessage(message({ values: [] }))).toEqual(message({ values: [] }));
  });

  it("returns a copy: the shell keeps no array the sender could still hold", () => {
    const sent = message();
    const got = asSandboxMessage(sent);
    expect(got && "values" in got && got.values).not.toBe(sent.values);
  });

  it("drops other shapes: extra or missing keys, a bad id or name", () => {
    expect(asSandboxMessage(message({ extra: 1 }))).toBeNull();
    expect(asSandboxMessage({ type: "clientbook:selection", id: 3, name: "brush" })).toBeNull();
    expect(asSandboxMessage(message({ id: "3" }))).toBeNull();
    expect(asSandboxMessage(message({ id: Number.NaN }))).toBeNull();
    expect(asSandboxMessage(message({ name: "1brush" }))).toBeNull();
    expect(asSandboxMessage(message({ name: "brush; DROP TABLE x" }))).toBeNull();
    expect(asSandboxMessage(message({ name: "b".repeat(129) }))).toBeNull();
    expect(asSandboxMessage(message({ values: "2024" }))).toBeNull();
  });

  it("drops values that are not plain JSON scalars", () => {
    expect(asSandboxMessage(message({ values: [{ a: 1 }] }))).toBeNull();
    expect(asSandboxMessage(message({ values: [[1, 2]] }))).toBeNull();
    expect(asSandboxMessage(message({ values: [Number.POSITIVE_INFINITY, 1] }))).toBeNull();
    expect(asSandboxMessage(message({ values: [undefined] }))).toBeNull();
    expect(asSandboxMessage(message({ values: [new Date(0)] }))).toBeNull();
  });

  it("drops a message over the size limits", () => {
    const many = Array.from({ length: SELECTION_MESSAGE_VALUES }, (_, i) => i);
    expect(asSandboxMessage(message({ values: many }))).not.toBeNull();
    expect(asSandboxMessage(message({ values: [...many, 0] }))).toBeNull();
    expect(asSandboxMessage(message({ values: ["x".repeat(SELECTION_TEXT_CHARS)] }))).not.toBeNull();
    expect(asSandboxMessage(message({ values: ["x".repeat(SELECTION_TEXT_CHARS + 1)] }))).toBeNull();
  });
});
