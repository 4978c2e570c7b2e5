// parquetBatches: Parquet to Arrow IPC in JS, without eval (the app's content policy has no
// 'unsafe-eval', and Arrow's builders would need it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { tableFromArrays, tableFromIPC, tableToIPC } from "apache-arrow";
import { fileSourceFromPath } from "../../../src/engine/node-file";
import type { FileSource } from "../../../src/engine/engine";
import { parquetBatches, type ParquetBatch } from "../../../src/engine/wasm/parquet";
import { wasmEngineInNode } from "../wasm-node";
import { writeFixtures } from "../fixtures";

let dir: string;
beforeAll(async () => {
  dir = await writeFixtures();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("parquetBatches(source)", () => {
  it("yields one Arrow batch per row group with types and nulls, never calling the Function constructor", async () => {
    const original = globalThis.Function;
    const refuse = () => {
      throw new EvalError("refused by the content policy");
    };
    globalThis.Function = new Proxy(original, { construct: refuse, apply: refuse });
    const batches = [];
    try {
      for await (const batch of parquetBatches(fileSourceFromPath(join(dir, "orders.parquet")))) batches.push(batch);
    } finally {
      globalThis.Function = original;
    }
    expect(batches.map((b) => b.rows)).toEqual([2048, 2048, 904]);
    expect(batches.at(-1)!.bytesRead).toBeGreaterThan(batches[0].bytesRead);
    const first = tableFromIPC(batches[0].ipc);
    expect(first.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      "id:Int64",
      "big:Int64",
      "price:Float64",
      "name:Utf8",
      "day:Date32<DAY>",
      "ts:Timestamp<MILLISECOND>",
      "even:Bool",
      "maybe:Float64",
    ]);
    const row = first.get(2)!.toJSON();
    expect(row).toMatchObject({ id: 3n, price: 0.75, name: "c3", day: Date.UTC(2024, 0, 4), even: false, maybe: null });
  });
});

describe("engineOnDuckDB(db, options).loadFile(parquet) in one transaction", () => {
  // The fixture's real batches, the third replaced by a failure: thrown by the decoder, or a batch DuckDB
  // refuses (other columns), which leaves DuckDB's transaction aborted.
  const failingAtThird = (how: "decoder" | "insert") =>
    async function* (source: FileSource): AsyncGenerator<ParquetBatch> {
      let n = 0;
      for await (const batch of parquetBatches(source)) {
        if (n++ < 2) yield batch;
        else if (how === "decoder") throw new Error("the decoder gave up");
        else yield { ...batch, ipc: tableToIPC(tableFromArrays({ other: new Int32Array([1]) }), "stream") };
      }
    };

  it.each(["decoder", "insert"] as const)(
    "leaves neither a half-loaded table nor an open transaction when the %s fails after two row groups",
    async (how) => {
      const engine = await wasmEngineInNode(undefined, undefined, { parquetBatches: failingAtThird(how) });
      try {
        await engine.query("CREATE TABLE pq AS SELECT 42 AS kept");
        const orders = fileSourceFromPath(join(dir, "orders.parquet"));
        const failure = how === "decoder" ? /the decoder gave up/ : /has 8 columns but 1 values/;
        await expect(engine.loadFile(orders, "pq")).rejects.toThrow(failure);
        expect((await engine.query("SELECT * FROM pq")).rows()).toEqual([{ kept: 42 }]);
        expect((await engine.listTables()).map((t) => t.name)).toEqual(["pq"]);
        // A transaction left open would refuse the next load's BEGIN with another error.
        await expect(engine.loadFile(orders, "pq")).rejects.toThrow(failure);
        expect((await engine.query("SELECT * FROM pq")).rows()).toEqual([{ kept: 42 }]);
      } finally {
        await engine.close();
      }
    },
  );
});
