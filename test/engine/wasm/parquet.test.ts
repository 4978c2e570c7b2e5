// parquetBatches: Parquet to Arrow IPC in JS, without eval (the app's content policy has no
// 'unsafe-eval', and Arrow's builders would need it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { fileSourceFromPath } from "../../../src/engine/node-file";
import { parquetBatches } from "../../../src/engine/wasm/parquet";
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
