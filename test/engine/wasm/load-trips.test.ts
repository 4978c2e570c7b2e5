// A CSV load's round trips to DuckDB's worker (issue 15), counted at the worker on real duckdb-wasm: the
// loader's catalog reads and small samples are answered in one piece, and only statements that scan the data
// are pending queries (interruptible: START, polls, FETCHes).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine, FileSource } from "../../../src/engine/engine";
import { wasmEngineInNode } from "../wasm-node";

const csvSource = (name: string, text: string): FileSource => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, read: async (start = 0, end = bytes.length) => bytes.slice(start, end) };
};

describe("engineOnDuckDB(db).loadFile(csv) round trips", () => {
  const requests: string[] = [];
  let engine: Engine;
  beforeAll(async () => {
    engine = await wasmEngineInNode((type) => requests.push(type));
  });
  afterAll(() => engine?.close());

  it("runs as pending queries only what scans the data; every catalog read is one RUN_QUERY", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${i},2024-01-${String((i % 9) + 1).padStart(2, "0")},¥${i}.50`);
    requests.length = 0;
    const report = await engine.loadFile(csvSource("trips.csv", `id,day,amount\n${rows.join("\n")}\n`), "trips");
    expect(report.rows).toBe(300);
    expect(report.columns.map((c) => c.type)).toEqual(["BIGINT", "DATE", "DECIMAL(18,2)"]);
    // read_csv; max(day) over the dates (every day is 12 or less); the second sniff for their day/month
    // order (ISO: no more checks); the yuan check over the whole column; its ALTER.
    expect(requests.filter((r) => r === "START_PENDING_QUERY")).toHaveLength(5);
    // The memory check, DESCRIBE x2, the text columns, the yuan sample, the profile's columns, its null
    // statistics and count(*).
    expect(requests.filter((r) => r === "RUN_QUERY")).toHaveLength(8);
  });
});
