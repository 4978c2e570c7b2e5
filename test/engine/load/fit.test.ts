// The memory budget of a load: the estimate per format, the decision against what is free, DuckDB's size
// settings read back; and on both real engines, a file refused unread when it will not fit, the old table kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFit, loadNeeds, memoryFree, parseSize, wasmAddressSpace } from "../../../src/engine/load/fit";
import { sampleBytes } from "../../../src/engine/load/plan";
import type { Engine, FileSource } from "../../../src/engine/engine";
import { nativeEngine } from "../../../src/engine/native/native-engine";
import { wasmEngineInNode } from "../wasm-node";

const MB = 1e6;
const GiB = 1024 ** 3;

describe("loadNeeds and checkFit", () => {
  it("needs more per byte for Parquet (compressed) and for text that is transcoded first", () => {
    expect(loadNeeds(100 * MB, { format: "csv", transcoded: false })).toBe(200 * MB);
    expect(loadNeeds(100 * MB, { format: "csv", transcoded: true })).toBe(350 * MB);
    expect(loadNeeds(100 * MB, { format: "csv", transcoded: false, copied: true })).toBe(300 * MB);
    expect(loadNeeds(100 * MB, { format: "csv", transcoded: true, copied: true })).toBe(350 * MB);
    expect(loadNeeds(100 * MB, { format: "parquet", transcoded: false })).toBe(700 * MB);
    expect(loadNeeds(100 * MB, { format: "jsonl", transcoded: false })).toBe(500 * MB);
  });
  it("counts one piece, not a whole copy, for text staged in pieces", () => {
    expect(loadNeeds(1000 * MB, { format: "csv", transcoded: false, copied: true, piece: 64 * MB })).toBe(2064 * MB);
    expect(loadNeeds(1000 * MB, { format: "csv", transcoded: true, piece: 64 * MB })).toBe(2064 * MB);
  });
  it("counts what is free under the lowest limit, never below nothing", () => {
    const use = { used: 1 * GiB, limit: 3 * GiB };
    expect(memoryFree(use)).toBe(2 * GiB);
    expect(memoryFree(use, 1.5 * GiB)).toBe(0.5 * GiB);
    expect(memoryFree(use, 8 * GiB)).toBe(2 * GiB);
    expect(memoryFree(use, 0.5 * GiB)).toBe(0);
  });
  it("lets a file through that fits and stops one that does not, with both numbers", () => {
    const use = { used: 0.5 * GiB, limit: 3.1 * GiB };
    const csv = { format: "csv", transcoded: false } as const;
    expect(checkFit(1.2 * GiB, csv, use)).toBeUndefined();
    expect(checkFit(1.4 * GiB, csv, use)).toEqual({ needs: Math.ceil(2.8 * GiB), free: 2.6 * GiB });
    // The same file with less room (a small budget, or tables loaded before) is refused.
    expect(checkFit(1.2 * GiB, csv, use, 2 * GiB)).toEqual({ needs: Math.ceil(2.4 * GiB), free: 1.5 * GiB });
    expect(checkFit(10 * MB, { format: "parquet", transcoded: false }, use, 0.5 * GiB + 60 * MB)).toEqual({
      needs: 70 * MB,
      free: 60 * MB,
    });
  });
});

describe("parseSize", () => {
  it("reads DuckDB's sizes, binary and decimal", () => {
    expect(parseSize("3.1 GiB")).toBeCloseTo(3.1 * GiB);
    expect(parseSize("512.0 MiB")).toBe(512 * 1024 ** 2);
    expect(parseSize("2GB")).toBe(2e9);
    expect(parseSize("0 bytes")).toBe(0);
    expect(parseSize("unlimited")).toBeNaN();
  });
});

const csvText = "id,name,amount\n" + Array.from({ length: 5000 }, (_, i) => `${i},name ${i},${i * 1.5}`).join("\n");
const source = (name: string, text: string): FileSource => {
  const data = new TextEncoder().encode(text);
  return { name, size: data.length, read: async (s = 0, e = data.length) => data.slice(s, e) };
};

describe.each([
  ["native", () => nativeEngine()],
  ["wasm", () => wasmEngineInNode()],
])("the %s engine's memory budget", (_, open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
  }, 60_000);
  afterAll(() => engine?.close());

  it("reports memory in use that grows with a load, under a limit", async () => {
    const before = await engine.memory();
    await engine.loadFile(source("orders.csv", csvText), "orders");
    const after = await engine.memory();
    expect(after.used).toBeGreaterThan(before.used);
    expect(after.limit).toBeGreaterThan(after.used);
    if (_ === "wasm") expect(after.limit).toBeLessThanOrEqual(wasmAddressSpace);
  });

  it("refuses a file that will not fit before reading it, saying what to do, and keeps the old table", async () => {
    const use = await engine.memory();
    let read = 0;
    const lines = Array.from({ length: 120_000 }, (_, i) => `${i},other name ${i},${i * 1.5}`);
    const big = source("orders.csv", `id,name,amount\n${lines.join("\n")}`);
    const counted: FileSource = { ...big, read: (s, e) => ((read += (e ?? big.size) - (s ?? 0)), big.read(s, e)) };
    const error = await engine.loadFile(counted, "orders", { memoryLimit: use.used + 1000 }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/^orders\.csv \(.+\) was not loaded: it would need about .+ of memory/);
    expect(error?.message).toMatch(/Nothing was read.*fewer columns or rows.*as Parquet.*npm run notebook -- run/);
    // Of the 2 MB file only the plan's sample was read; the table is as it was.
    expect(big.size).toBeGreaterThan(2 * sampleBytes);
    expect(read).toBeLessThanOrEqual(sampleBytes);
    const rows = await engine.query(
      `SELECT count(*) AS n, count(*) FILTER (WHERE name LIKE 'other%') AS o FROM orders`,
    );
    expect(rows.rows()[0]).toEqual({ n: 5000, o: 0 });
  });
});
