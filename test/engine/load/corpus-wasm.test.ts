// A fixed sample of the CSV corpus through the loader on duckdb-wasm (the browser's engine, run in
// Node): every listed file, every eighth of the others, and the files where wasm and native differ.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { wasmEngineInNode } from "../wasm-node";
import { compareOne, judge, readCorpus, type Expected, type Outcome } from "./corpus-compare";

const dir = join(__dirname, "corpus");
const { natives, expected } = readCorpus(dir);

// Where duckdb-wasm differs from native DuckDB itself, not the loader.
const hive = "the staged file has no folder path, so no hive columns (native adds date, part from the path)";
const wasmOnly = new Map<string, Expected>([
  ["hive-partitioning/different_order/date=2012-01-01/part=a/test.csv", { cls: "defensible", why: hive }],
  ["hive-partitioning/mismatching_names/date=2012-01-01/partition=a/test.csv", { cls: "defensible", why: hive }],
  ["timestamp_with_tz.csv", { cls: "neither", why: "no ICU in wasm (kept out for privacy): zone names stay, not UTC" }],
  ["mixed_timestamps.csv", { cls: "refused", why: "no ICU in wasm: a 2nd TIMESTAMPTZ format fails the cast" }],
]);

const sample = natives.filter((n, i) => expected.has(n.file) || wasmOnly.has(n.file) || i % 8 === 0);

describe("the CSV corpus through the loader (duckdb-wasm, a fixed sample)", () => {
  it("loads each sampled file as on native DuckDB, bar wasm's own differences", { timeout: 300_000 }, async () => {
    const engine = await wasmEngineInNode();
    const outcomes: Outcome[] = [];
    const started = performance.now();
    try {
      for (const native of sample) outcomes.push(await compareOne(engine, join(dir, "files"), native));
    } finally {
      await engine.close();
    }
    const { counts, wrong } = judge(outcomes, new Map([...expected, ...wasmOnly]));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`CSV corpus on duckdb-wasm, ${outcomes.length} files in ${seconds} s:`, JSON.stringify(counts));
    expect(wrong).toEqual([]);
    expect(sample.length).toBeGreaterThan(120);
  });
});
