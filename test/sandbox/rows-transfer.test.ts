// The columnar form a chart's rows travel in to the sandbox: rows from real DuckDB (dates, timestamps, bigints
// as doubles, texts, booleans, nulls) come out of encode -> postMessage-style clone with transfer -> validate ->
// decode exactly as they went in, and malformed messages are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindChart } from "../../src/charts/bind";
import { nativeEngine } from "../../src/engine/native/native-engine";
import type { Engine } from "../../src/engine/engine";
import { asRenderMessage } from "../../src/sandbox/protocol";
import {
  asTransferRows,
  decodeRows,
  encodeRows,
  splitForTransfer,
  TRANSFER_MAX_ROWS,
} from "../../src/sandbox/rows-transfer";

let engine: Engine;
beforeAll(async () => {
  engine = await nativeEngine();
});
afterAll(() => engine.close());

const SQL = `SELECT i,
  CASE WHEN i % 4 = 0 THEN NULL ELSE DATE '2024-01-31' + INTERVAL (i) DAY END::DATE AS day,
  TIMESTAMP '2024-03-10 01:59:59.250' + INTERVAL (i) HOUR AS at,
  (9007199254740993 + i)::BIGINT AS big, (i * 1e30)::HUGEINT AS huge, i / 3 AS ratio,
  CASE WHEN i % 3 = 0 THEN NULL ELSE ['Retail', '零售 客户', '', 'a"b\\\\c', '😀'][1 + i % 5] END AS segment,
  CASE WHEN i % 5 = 0 THEN NULL ELSE i % 2 = 0 END AS even, NULL::DOUBLE AS nothing
FROM range(40) t(i)`;

/** What the shell posts and the sandbox receives: a structured clone with the buffers transferred. */
function throughPost(spec: Record<string, unknown>) {
  const split = splitForTransfer(spec)!;
  const message = { type: "clientbook:render", id: 1, spec: split.spec, rows: split.rows };
  const received = structuredClone(message, { transfer: split.transfer });
  // Transferred, not copied: the shell's buffers are detached.
  expect(split.transfer.length).toBeGreaterThan(0);
  expect(split.transfer.every((b) => b.byteLength === 0)).toBe(true);
  return asRenderMessage(received);
}

describe("rows in columnar form", () => {
  it("round-trips DuckDB rows: dates and timestamps as ms, bigints as doubles, texts, booleans and nulls", async () => {
    const table = await engine.query(SQL);
    const spec = bindChart({ mark: "point", encoding: { x: { field: "day" } } }, table).spec;
    const rows = (spec.data as { values: Record<string, unknown>[] }).values;
    const original = structuredClone(rows);
    expect(rows[1].day).toBe(Date.UTC(2024, 1, 1));
    expect(rows[0].day).toBeNull();
    expect(rows[2].big).toBe(Number(9007199254740995n));
    expect(typeof rows[1].huge).toBe("number");
    const message = throughPost(spec);
    expect(message).not.toBeNull();
    expect(message!.spec.data).toBeUndefined();
    expect(message!.spec.encoding).toEqual({ x: { field: "day", type: "temporal" } });
    const decoded = decodeRows(message!.rows!);
    expect(decoded).toEqual(original);
    // Key order too: Vega's default tooltip lists fields in it.
    expect(Object.keys(decoded[1])).toEqual(Object.keys(original[1]));
    expect(decoded.map((r) => r.segment).slice(0, 6)).toEqual([null, "零售 客户", "", null, "😀", "Retail"]);
    expect(decoded[0].nothing).toBeNull();
    expect(message!.rows!.columns.map((c) => c.kind)).toEqual([
      ...["number", "number", "number", "number", "number", "number"],
      ...["text", "boolean", "number"],
    ]);
  });

  it("keeps -0, NaN and infinities, and no rows at all", () => {
    const rows = [{ x: -0 }, { x: Number.NaN }, { x: Infinity }, { x: -Infinity }, { x: 1.5 }];
    const decoded = decodeRows(asTransferRows(structuredClone(encodeRows(rows)))!);
    expect(decoded).toEqual(rows);
    expect(Object.is(decoded[0].x, -0)).toBe(true);
    expect(decodeRows(asTransferRows(encodeRows([]))!)).toEqual([]);
  });

  it("leaves rows that are not uniform plain rows as they are", () => {
    expect(encodeRows([{ a: 1 }, { a: "x" }])).toBeUndefined();
    expect(encodeRows([{ a: 1 }, { b: 1 }])).toBeUndefined();
    expect(encodeRows([{ a: 1 }, { a: 1, b: 2 }])).toBeUndefined();
    expect(encodeRows([{ a: { nested: 1 } }])).toBeUndefined();
    expect(encodeRows([{ a: undefined }])).toBeUndefined();
    expect(encodeRows([1, 2])).toBeUndefined();
    expect(splitForTransfer({ mark: "bar", data: { name: "x", values: [{ a: 1 }] } })).toBeUndefined();
    expect(splitForTransfer({ mark: "bar", data: { url: "x.csv" } })).toBeUndefined();
  });

  it("refuses a render message whose rows are malformed, too many or come twice", () => {
    const good = () => ({ type: "clientbook:render", id: 1, spec: { mark: "bar" }, rows: encodeRows([{ a: "xy" }])! });
    expect(asRenderMessage(good())?.rows?.count).toBe(1);
    const text = (patch: Record<string, unknown>) => ({
      ...good(),
      rows: { count: 1, columns: [{ ...col(), ...patch }] },
    });
    const col = () => ({ name: "a", kind: "text", text: "xy", offsets: Uint32Array.of(0, 2) });
    expect(asRenderMessage(text({}))).not.toBeNull();
    expect(asRenderMessage(text({ offsets: Uint32Array.of(0, 3) }))).toBeNull();
    expect(asRenderMessage(text({ offsets: [0, 2] }))).toBeNull();
    expect(asRenderMessage(text({ kind: "script" }))).toBeNull();
    expect(asRenderMessage(text({ nulls: Uint8Array.of(0, 0) }))).toBeNull();
    expect(asRenderMessage(text({ name: "n".repeat(1001) }))).toBeNull();
    const numbers = { count: 2, columns: [{ name: "x", kind: "number", values: Float64Array.of(1) }] };
    expect(asRenderMessage({ ...good(), rows: numbers })).toBeNull();
    const flipped = { count: 2, columns: [{ name: "t", kind: "text", text: "ab", offsets: Uint32Array.of(0, 2, 1) }] };
    expect(asRenderMessage({ ...good(), rows: flipped })).toBeNull();
    expect(asRenderMessage({ ...good(), rows: { count: TRANSFER_MAX_ROWS + 1, columns: [] } })).toBeNull();
    expect(asRenderMessage({ ...good(), rows: { count: 1.5, columns: [] } })).toBeNull();
    expect(asRenderMessage({ ...good(), spec: { mark: "bar", data: { values: [] } } })).toBeNull();
  });
});
