// Result keys tell a kept result still made of the same cells from one that is not: the same text opened
// again keys alike (cell ids differ), an edit changes the keys of that cell and its readers only.
import { afterEach, describe, expect, it } from "vitest";
import { openSession } from "../../src/session/session";
import { hashText } from "../../src/session/result-keys";
import { nativeEngine } from "../../src/engine/native/native-engine";
import type { Session } from "../../src/session/types";
import { cell, notebookText } from "./helpers";

const TEXT = notebookText([
  ["sql base", "SELECT 1 AS v"],
  ["sql doubled", "SELECT v * 2 AS w FROM base"],
  ["sql other", "SELECT 42 AS x"],
  ["chart plot data=doubled", '{ "mark": "bar", "encoding": { "y": { "field": "w", "type": "quantitative" } } }'],
]);

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A session that never needs its engine (keys are computed from the document alone). */
function sessionOn(text: string): Session {
  const engine = nativeEngine();
  closers.push(async () => (await engine).close());
  const session = openSession(engine, { liveDelayMs: false });
  session.open(text, { trusted: true });
  return session;
}

const keyOf = (session: Session, name: string) => session.resultKeys().get(cell(session, name).cell.id)!;

describe("session.resultKeys()", () => {
  it("keys the same notebook text alike in two sessions, though the cell ids differ", () => {
    const a = sessionOn(TEXT);
    const b = sessionOn(TEXT);
    expect(cell(a, "base").cell.id).not.toBe(cell(b, "base").cell.id);
    for (const name of ["base", "doubled", "other", "plot"]) expect(keyOf(a, name)).toBe(keyOf(b, name));
    expect(new Set(["base", "doubled", "other", "plot"].map((n) => keyOf(a, n))).size).toBe(4);
  });

  it("changes the key of an edited cell and of every cell reading it, and no other", () => {
    const session = sessionOn(TEXT);
    const before = Object.fromEntries(["base", "doubled", "other", "plot"].map((n) => [n, keyOf(session, n)]));
    session.setSource(cell(session, "base").cell.id, "SELECT 2 AS v");
    expect(keyOf(session, "base")).not.toBe(before.base);
    expect(keyOf(session, "doubled")).not.toBe(before.doubled);
    expect(keyOf(session, "plot")).not.toBe(before.plot);
    expect(keyOf(session, "other")).toBe(before.other);
  });

  it("changes with the chart's attributes and the declared data files", () => {
    const session = sessionOn(TEXT);
    const plot = keyOf(session, "plot");
    session.setAttribute(cell(session, "plot").cell.id, "cap", "100");
    expect(keyOf(session, "plot")).not.toBe(plot);
    const withData = sessionOn(notebookText([["sql other", "SELECT 42 AS x"]], ["orders:", "  file: orders.csv"]));
    expect(keyOf(withData, "other")).not.toBe(keyOf(sessionOn(TEXT), "other"));
  });
});

describe("hashText(text)", () => {
  it("differs for texts that differ in one character and is the same for the same text", () => {
    expect(hashText("SELECT 1")).toBe(hashText("SELECT 1"));
    expect(hashText("SELECT 1")).not.toBe(hashText("SELECT 2"));
  });
});
