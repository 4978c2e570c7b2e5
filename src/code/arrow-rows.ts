// Encodes a column-major table as one Arrow IPC stream, from buffers (Arrow's builders compile code
// with `new Function`): how a ts cell's rows cross out of the sandbox as one transferable buffer.
import {
  Bool,
  Float64,
  Schema,
  Field,
  RecordBatch,
  Struct,
  TimestampMillisecond,
  Utf8,
  makeData,
  tableToIPC,
  Table,
  type DataType,
} from "apache-arrow";
import type { WireTable } from "./runner";

type Column = readonly unknown[];

function nulls(values: Column): { nullCount: number; nullBitmap?: Uint8Array } {
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null || values[i] === undefined) nullCount++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return nullCount ? { nullCount, nullBitmap: bitmap } : { nullCount };
}

/** Text as UTF-8 bytes and offsets in one pass; ASCII is copied byte by byte, the rest through TextEncoder. */
function utf8(values: Column): { valueOffsets: Int32Array; data: Uint8Array } {
  const encoder = new TextEncoder();
  const valueOffsets = new Int32Array(values.length + 1);
  let data = new Uint8Array(Math.max(64, values.length * 8));
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined) {
      const s = String(v);
      if (at + s.length * 3 > data.length) {
        const grown = new Uint8Array(Math.max(data.length * 2, at + s.length * 3));
        grown.set(data.subarray(0, at));
        data = grown;
      }
      let ascii = true;
      for (let k = 0; k < s.length && ascii; k++) ascii = s.charCodeAt(k) < 0x80;
      if (ascii) for (let k = 0; k < s.length; k++) data[at++] = s.charCodeAt(k);
      else at += encoder.encodeInto(s, data.subarray(at)).written;
    }
    valueOffsets[i + 1] = at;
  }
  return { valueOffsets, data: data.slice(0, at) };
}

/** One column's Arrow data: numbers as Float64 (the engine casts to the declared type), TIMESTAMP as epoch ms. */
function columnData(values: Column, type: string) {
  const common = { length: values.length, ...nulls(values) };
  const numbers = <A extends Float64Array | BigInt64Array>(out: A, of: (v: number) => number | bigint) => {
    for (let i = 0; i < values.length; i++) if (typeof values[i] === "number") out[i] = of(values[i] as number);
    return out;
  };
  if (type === "BOOLEAN") {
    const data = new Uint8Array((values.length + 7) >> 3);
    for (let i = 0; i < values.length; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
    return makeData({ ...common, type: new Bool(), data });
  }
  if (type === "TIMESTAMP")
    return makeData({
      ...common,
      type: new TimestampMillisecond(),
      data: numbers(new BigInt64Array(values.length), (v) => BigInt(Math.trunc(v))),
    });
  if (type === "BIGINT" || type === "DOUBLE")
    return makeData({ ...common, type: new Float64(), data: numbers(new Float64Array(values.length), (v) => v) });
  return makeData({ ...common, type: new Utf8(), ...utf8(values) });
}

/** `table` as an Arrow IPC stream of one record batch. */
export function encodeIpc(table: WireTable): Uint8Array {
  const children = table.columns.map((c, i) => columnData(table.data[i], c.type));
  const fields = table.columns.map((c, i) => new Field(c.name, children[i].type as DataType, true));
  const length = table.data[0]?.length ?? 0;
  const batch = new RecordBatch(
    new Schema(fields),
    makeData({ type: new Struct(fields), length, nullCount: 0, children }),
  );
  return tableToIPC(new Table([batch]), "stream");
}
