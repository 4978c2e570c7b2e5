// Arrow columns built straight from buffers. Arrow's own builders compile their null check with
// `new Function`, which the app's content policy (no 'unsafe-eval') refuses, so none are used.
import {
  Bool,
  DateDay,
  Float32,
  Float64,
  Int32,
  Int64,
  TimestampMillisecond,
  Utf8,
  makeData,
  makeVector,
  type DataType,
  type Vector,
} from "apache-arrow";

/** The Arrow types Parquet columns are mapped to. */
export type ColumnType = Bool | DateDay | Float32 | Float64 | Int32 | Int64 | TimestampMillisecond | Utf8;

const msPerDay = 86_400_000;

/** Builds an Arrow vector of `type` from plain values (null or undefined is null; Utf8 takes strings or UTF-8 bytes). */
export function columnVector(values: ArrayLike<unknown>, type: ColumnType): Vector {
  const length = values.length;
  // A typed array of the column's own kind has no null and needs no copy.
  if (type instanceof Float64 && values instanceof Float64Array) return makeVector(makeData({ type, data: values }));
  if (type instanceof Int32 && values instanceof Int32Array) return makeVector(makeData({ type, data: values }));
  if (type instanceof Float32 && values instanceof Float32Array) return makeVector(makeData({ type, data: values }));
  if (type instanceof Int64 && values instanceof BigInt64Array) return makeVector(makeData({ type, data: values }));
  const nullBitmap = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    if (values[i] === null || values[i] === undefined) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  }
  const common = { type: type as DataType, length, nullCount, nullBitmap: nullCount ? nullBitmap : undefined };
  const fill = <A extends { [i: number]: number | bigint }>(out: A, convert: (v: unknown) => number | bigint): A => {
    for (let i = 0; i < length; i++) if (values[i] !== null && values[i] !== undefined) out[i] = convert(values[i]);
    return out;
  };
  const toNumber = (v: unknown) => (typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : Number(v));
  const toBigInt = (v: unknown) => (typeof v === "bigint" ? v : BigInt(Math.trunc(toNumber(v))));
  if (type instanceof Utf8) return makeVector(makeData({ ...common, type, ...utf8Buffers(values) }));
  if (type instanceof Bool) {
    const data = new Uint8Array((length + 7) >> 3);
    for (let i = 0; i < length; i++) if (values[i]) data[i >> 3] |= 1 << (i & 7);
    return makeVector(makeData({ ...common, type, data }));
  }
  if (type instanceof DateDay)
    return makeVector(
      makeData({ ...common, type, data: fill(new Int32Array(length), (v) => Math.floor(toNumber(v) / msPerDay)) }),
    );
  if (type instanceof TimestampMillisecond)
    return makeVector(makeData({ ...common, type, data: fill(new BigInt64Array(length), toBigInt) }));
  if (type instanceof Int64)
    return makeVector(makeData({ ...common, type, data: fill(new BigInt64Array(length), toBigInt) }));
  if (type instanceof Int32)
    return makeVector(makeData({ ...common, type, data: fill(new Int32Array(length), toNumber) }));
  if (type instanceof Float32)
    return makeVector(makeData({ ...common, type, data: fill(new Float32Array(length), toNumber) }));
  return makeVector(makeData({ ...common, type: type as Float64, data: fill(new Float64Array(length), toNumber) }));
}

function utf8Buffers(values: ArrayLike<unknown>): { valueOffsets: Int32Array; data: Uint8Array } {
  const encoder = new TextEncoder();
  // Values already UTF-8 bytes (Parquet text) are measured, then copied once; others are encoded first.
  const encoded = new Map<number, Uint8Array>();
  const valueOffsets = new Int32Array(values.length + 1);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v instanceof Uint8Array) total += v.length;
    else if (v !== null && v !== undefined) {
      const bytes = encoder.encode(typeof v === "string" ? v : JSON.stringify(v, jsonSafe));
      encoded.set(i, bytes);
      total += bytes.length;
    }
    valueOffsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const bytes = v instanceof Uint8Array ? v : encoded.get(i);
    if (!bytes) continue;
    const at = valueOffsets[i];
    // Short texts (ids, codes, names) copy faster byte by byte than through `set`.
    if (bytes.length > 32) data.set(bytes, at);
    else for (let j = 0; j < bytes.length; j++) data[at + j] = bytes[j];
  }
  return { valueOffsets, data };
}

// Nested Parquet values: bigints as numbers, strings (kept as UTF-8 bytes) as text.
const utf8Decoder = new TextDecoder();
const jsonSafe = (_key: string, x: unknown) =>
  typeof x === "bigint" ? Number(x) : x instanceof Uint8Array ? utf8Decoder.decode(x) : x;
