// The shell's checks on what the code Worker sends: only the allow-listed shapes, bounded sizes, plain values.
import { describe, expect, it } from "vitest";
import { asWorkerMessage, MAX_PARAMS, MAX_SQL_CHARS, MAX_TEXT_CHARS } from "../../src/sandbox/code-protocol";
import { plainValueProblem } from "../../src/code/plain-value";

describe("asWorkerMessage(data)", () => {
  it("accepts the allow-listed messages", () => {
    expect(asWorkerMessage({ type: "sql", run: 1, id: 2, text: "SELECT ?", params: [1, "a", null, true] })).toEqual({
      type: "sql",
      run: 1,
      id: 2,
      text: "SELECT ?",
      params: [1, "a", null, true],
    });
    expect(asWorkerMessage({ type: "log", run: 1, text: "hi" })).toEqual({ type: "log", run: 1, text: "hi" });
    expect(asWorkerMessage({ type: "done", run: 3, value: [1] })).toEqual({ type: "done", run: 3, value: [1] });
    expect(asWorkerMessage({ type: "error", run: 3, message: "x", line: 2, column: 5 })).toEqual({
      type: "error",
      run: 3,
      message: "x",
      line: 2,
      column: 5,
    });
  });

  it("refuses other types, bad fields and oversized requests", () => {
    for (const bad of [
      null,
      "sql",
      { type: "display", run: 1, html: "<b>" },
      { type: "navigate", run: 1, url: "https://evil.example.com" },
      { type: "sql", run: -1, id: 1, text: "SELECT 1", params: [] },
      { type: "sql", run: 1, id: 1, text: 42, params: [] },
      { type: "sql", run: 1, id: 1, text: "SELECT ?", params: [{ toString: 1 }] },
      { type: "sql", run: 1, id: 1, text: "x".repeat(MAX_SQL_CHARS + 1), params: [] },
      { type: "sql", run: 1, id: 1, text: "SELECT 1", params: new Array(MAX_PARAMS + 1).fill(1) },
      { type: "done", run: 1 },
      { type: "error", run: 1, message: "x", line: 0 },
      { type: "error", run: 1, message: "x", column: "3" },
    ]) {
      expect(asWorkerMessage(bad)).toBeNull();
    }
  });

  it("cuts long log lines and error messages", () => {
    const log = asWorkerMessage({ type: "log", run: 1, text: "x".repeat(MAX_TEXT_CHARS * 2) });
    expect(log?.type === "log" && log.text.length).toBe(MAX_TEXT_CHARS);
  });
});

describe("plainValueProblem(value)", () => {
  it("accepts plain data", () => {
    for (const ok of [
      null,
      undefined,
      1,
      "a",
      true,
      new Date(0),
      [1, [2, { a: null }]],
      { rows: [{ x: 1 }] },
      Object.create(null),
    ]) {
      expect(plainValueProblem(ok)).toBeUndefined();
    }
  });

  it("refuses other clonable kinds, cycles and BigInt", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(plainValueProblem(new Map())).toMatch(/Map/);
    expect(plainValueProblem({ a: new Uint8Array(2) })).toMatch(/Uint8Array/);
    expect(plainValueProblem(new Blob(["x"]))).toMatch(/Blob/);
    expect(plainValueProblem(cycle)).toMatch(/itself/);
    expect(plainValueProblem(10n)).toMatch(/BigInt/);
  });
});
