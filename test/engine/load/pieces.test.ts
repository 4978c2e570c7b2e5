// CSV text cut into pieces of whole records (quotes, escapes and comments followed across chunks), and a
// big CSV loaded in pieces by the wasm engine (which copies what it reads) to the same table native
// DuckDB reads from the whole file: types, dates, a column that changes type in a later piece.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Engine, FileSource } from "../../../src/engine/engine";
import { nativeEngine } from "../../../src/engine/native/native-engine";
import { fileSourceFromPath } from "../../../src/engine/node-file";
import { pieceSize } from "../../../src/engine/load/fit";
import { RecordScanner, recordPieces, sniffEscape, type RecordSyntax } from "../../../src/engine/load/pieces";
import { phasePrefix } from "../../../src/engine/load/timing";
import { wasmEngineInNode } from "../wasm-node";

const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const dq: RecordSyntax = { quote: '"', escape: '"' };

/** `text` as chunks of `size` bytes. */
async function* chunked(all: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = utf8(all);
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

async function piecesOf(all: string, chunk: number, piece: number, syntax = dq): Promise<string[]> {
  const out: string[] = [];
  for await (const p of recordPieces(chunked(all, chunk), piece, syntax)) out.push(text(p.bytes));
  return out;
}

describe("RecordScanner.scan(bytes)", () => {
  it("ends records at newlines outside quotes, across chunks", () => {
    const scanner = new RecordScanner(dq);
    expect(scanner.scan(utf8('a,"x\ny'))).toBe(-1);
    const next = utf8('",b\nc,d\ne,f\n');
    expect(scanner.scan(next)).toBe(4);
    // From where it stopped, the first record end at or past a minimum.
    expect(scanner.scan(next, 4, 9)).toBe(12);
  });
  it("follows doubled quotes split between chunks, backslash escapes and comment lines", () => {
    const doubled = new RecordScanner(dq);
    expect(doubled.scan(utf8('1,"say "'))).toBe(-1);
    expect(doubled.scan(utf8('"hi""\nstill"\n'))).toBe(13);
    const backslash = new RecordScanner({ quote: '"', escape: "\\" });
    expect(backslash.scan(utf8('1,"a \\" b\nc"\n2'))).toBe(13);
    const comments = new RecordScanner({ ...dq, comment: "#" });
    expect(comments.scan(utf8('# a "note\n1,2\n'), 0, 11)).toBe(14);
  });
});

describe("recordPieces(chunks, pieceBytes, syntax)", () => {
  const rows = Array.from({ length: 300 }, (_, i) => `${i},"name ${i}, with ""quotes""\nand a newline",${i * 2}`);
  const csv = `id,name,n\n${rows.join("\n")}\n`;

  it("cuts at the first record end past the piece size, the whole text kept", async () => {
    for (const [chunk, piece] of [
      [7, 100],
      [64, 1000],
      [4096, 2000],
      [100_000, 1 << 20],
    ]) {
      const pieces = await piecesOf(csv, chunk, piece);
      expect(pieces.join("")).toBe(csv);
      if (piece >= csv.length) expect(pieces).toEqual([csv]);
      for (const p of pieces.slice(0, -1)) {
        expect(p.length).toBeGreaterThanOrEqual(piece);
        // Cut at the first record end past the size: less than one more record (about 50 bytes here).
        expect(p.length).toBeLessThan(piece + 60);
        expect(p.endsWith("\n")).toBe(true);
        // Whole records: an even number of quotes in every piece.
        expect((p.match(/"/g) ?? []).length % 2).toBe(0);
      }
    }
    expect((await piecesOf(csv, 64, 1000)).length).toBeGreaterThan(10);
  });
  it("counts the lines before each piece, as DuckDB numbers them (records, not newlines in quotes)", async () => {
    const before: number[] = [];
    for await (const p of recordPieces(chunked(csv, 333), 1000, dq)) before.push(p.linesBefore);
    // A record here ends its second line: the first ends in a quoted `""quotes""`.
    const newlines = (p: string, re: RegExp) => (p.match(re) ?? []).length;
    const records = (await piecesOf(csv, 333, 1000)).map((p) => newlines(p, /\n/g) - newlines(p, /""\n/g));
    expect(before).toEqual(records.map((_, i) => records.slice(0, i).reduce((a, b) => a + b, 0)));
    expect(before[1]).toBeGreaterThan(5);
  });
  it("makes a piece longer when one record is longer than a piece, and keeps a last line without newline", async () => {
    const long = `a,b\n1,"${"x".repeat(5000)}"\n2,3`;
    expect(await piecesOf(long, 100, 1000)).toEqual([`a,b\n1,"${"x".repeat(5000)}"\n`, "2,3"]);
  });
});

describe("sniffEscape(text, quote)", () => {
  it("finds backslash escapes only where no quote is doubled inside a value", () => {
    expect(sniffEscape('a,b\n1,"say \\"hi\\""\n2,""\n', '"')).toBe("\\");
    expect(sniffEscape('a,b\n1,"say ""hi"""\n2,"c:\\"\n', '"')).toBe('"');
    expect(sniffEscape("a,b\n1,2\n", '"')).toBe('"');
  });
});

describe("pieceSize(size, free, max)", () => {
  it("is a sixteenth of what is free, between 1 MiB and the engine's most, and none for a small file", () => {
    expect(pieceSize(500e6, 3e9, 64 << 20)).toBe(64 << 20);
    expect(pieceSize(500e6, 320e6, 64 << 20)).toBe(20e6);
    expect(pieceSize(50e6, 1e6, 64 << 20)).toBe(1 << 20);
    expect(pieceSize(10e6, 3e9, 64 << 20)).toBeUndefined();
    expect(pieceSize(500e6, 3e9, undefined)).toBeUndefined();
  });
});

/** About 3 MB of orders: quoted names with newlines, day-first dates, a code that turns to text late. */
function ordersCsv(rows: number): string {
  const lines = ["id,name,amount,ordered,code"];
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    const code = i > rows * 0.8 && i % 97 === 0 ? `A${i}` : String(i % 1000);
    lines.push(
      `${i},"Customer ${i}, ""${i % 7}""\nsecond line",${(i * 1.25).toFixed(2)},${day}/0${1 + (i % 9)}/2024,${code}`,
    );
  }
  return lines.join("\n") + "\n";
}

describe("a big CSV loaded in pieces by the wasm engine", () => {
  let dir: string;
  let wasm: Engine;
  let native: Engine;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "clientbook-pieces-"));
    [wasm, native] = await Promise.all([wasmEngineInNode(), nativeEngine()]);
  }, 120_000);
  afterAll(async () => {
    await wasm?.close();
    await native?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A budget that leaves 16 MB free: pieces of 1 MiB. */
  const smallBudget = async () => (await wasm.memory()).used + 16e6;

  it("gives the table native DuckDB reads from the whole file, reporting progress to the end", async () => {
    const path = join(dir, "orders.csv");
    writeFileSync(path, ordersCsv(40_000));
    const source = fileSourceFromPath(path);
    expect(source.size).toBeGreaterThan(2.5e6);
    const seen: number[] = [];
    const onProgress = (p: { bytesRead: number }) => seen.push(p.bytesRead);
    performance.clearMeasures();
    const pieced = await wasm.loadFile(source, "orders", { memoryLimit: await smallBudget(), onProgress });
    const staged = performance.getEntriesByName(`${phasePrefix}stage`).length;
    const whole = await native.loadFile(source, "orders");
    expect(pieced.rows).toBe(40_000);
    expect(pieced.columns.map((c) => [c.name, c.type])).toEqual(whole.columns.map((c) => [c.name, c.type]));
    expect(pieced.columns.find((c) => c.name === "code")?.type).toBe("VARCHAR");
    expect(pieced.columns.find((c) => c.name === "ordered")?.type).toBe("DATE");
    expect(pieced.dateOrder ?? "dmy").toBe(whole.dateOrder ?? "dmy");
    // Staged in pieces of about 1 MiB (the load phases say), the progress reported to the end.
    expect(staged).toBeGreaterThanOrEqual(Math.floor(source.size / (1 << 20)));
    expect(staged).toBeLessThanOrEqual(Math.ceil(source.size / (1 << 20)));
    expect(Math.max(...seen)).toBe(source.size);
    const sql = "SELECT * FROM orders ORDER BY id";
    const rows = async (engine: Engine) => JSON.stringify((await engine.query(sql)).rows());
    expect(await rows(wasm)).toBe(await rows(native));
    const check =
      "SELECT count(*) AS n, sum(amount) AS s, max(ordered) AS d FROM orders WHERE name LIKE '%second line'";
    expect((await wasm.query(check)).rows()).toEqual((await native.query(check)).rows());
  }, 180_000);

  it("keeps the old table when a later piece is bad, and says what went wrong", async () => {
    await wasm.loadFile(fileSourceFromPath(writeCsv("keep.csv", "id,v\n1,2\n")), "keep");
    const bad = ordersCsv(30_000).replace(/\n29000,/, "\n29000,extra,");
    const source: FileSource = fileSourceFromPath(writeCsv("keep.csv", bad));
    // The line is counted from the start of the file, not of the piece it was in.
    await expect(wasm.loadFile(source, "keep", { memoryLimit: await smallBudget() })).rejects.toThrow(
      /keep\.csv.*Line: 29002/s,
    );
    expect((await wasm.query("SELECT * FROM keep")).rows()).toEqual([{ id: 1, v: 2 }]);
    const tables = (await wasm.listTables()).map((t) => t.name);
    expect(tables.filter((t) => t.startsWith("__clientbook"))).toEqual([]);
  }, 180_000);

  function writeCsv(name: string, body: string): string {
    const path = join(dir, name);
    writeFileSync(path, body);
    return path;
  }
});
