// detectEncoding and textDecoder: BOMs, strict UTF-8, GBK, EUC-KR and Shift-JIS versus Windows-1252, binary junk.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assertText, detectEncoding, normalizeEncoding } from "../../../src/engine/load/encoding";
import { textDecoder } from "../../../src/engine/load/decoder";
import { gbkOrders } from "../fixtures";

const bytes = (...b: number[]) => new Uint8Array(b);

describe("detectEncoding(sample, complete)", () => {
  it("reads byte-order marks", () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x61), true)).toEqual({ encoding: "utf-8", bom: 3 });
    expect(detectEncoding(bytes(0xff, 0xfe, 0x61, 0), true)).toEqual({ encoding: "utf-16le", bom: 2 });
    expect(detectEncoding(bytes(0xfe, 0xff, 0, 0x61), true)).toEqual({ encoding: "utf-16be", bom: 2 });
  });
  it("spots UTF-16 without a BOM by its zero bytes", () => {
    expect(detectEncoding(new Uint8Array(Buffer.from("id,name\n1,x\n", "utf16le")), true).encoding).toBe("utf-16le");
  });
  it("prefers UTF-8 when the bytes are valid UTF-8, even cut mid-character", () => {
    const text = new TextEncoder().encode("name\nKöln\n客户");
    expect(detectEncoding(text.subarray(0, text.length - 1), false).encoding).toBe("utf-8");
  });
  it("tells GBK Chinese from Windows-1252 accents", () => {
    expect(detectEncoding(new Uint8Array(gbkOrders), true).encoding).toBe("gb18030");
    // "été à Köln" in Windows-1252: lone high bytes, one of them a valid GBK lead.
    expect(detectEncoding(bytes(0xe9, 0x74, 0xe9, 0x20, 0xe0, 0x20, 0x4b, 0xf6, 0x6c, 0x6e), true).encoding).toBe(
      "windows-1252",
    );
  });
});

describe("detectEncoding on client-export samples (encodings/<sample>.<encoding>.csv)", () => {
  const dir = join(__dirname, "encodings");
  const names: Record<string, string> = { cp1252: "windows-1252", gbk: "gb18030" };
  const wanted = (file: string) => names[file.split(".")[1]] ?? file.split(".")[1];
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".csv"))) {
    it(`finds ${wanted(name)} in ${name}`, () => {
      const sample = new Uint8Array(readFileSync(join(dir, name)));
      expect(detectEncoding(sample, true).encoding).toBe(wanted(name));
      expect(textDecoder(wanted(name)).decode(sample)).not.toMatch(/\ufffd/);
    });
  }
  it("finds Shift-JIS kanji whose second bytes are ASCII letters (名前 is 0x96 0xBC 0x91 0x4F)", () => {
    const sample = bytes(0x96, 0xbc, 0x91, 0x4f, 0x2c, 0x31, 0x0a, 0x8e, 0x52, 0x93, 0x63, 0x2c, 0x32);
    expect(detectEncoding(sample, true).encoding).toBe("shift_jis");
  });
});

describe("textDecoder(encoding)", () => {
  it("decodes Windows-1252 0x80-0x9F as Windows-1252, not ISO-8859-1", () => {
    expect(textDecoder("windows-1252").decode(bytes(0x80, 0x35, 0x20, 0x93, 0x61, 0x94))).toBe("€5 “a”");
  });
});

describe("normalizeEncoding(label)", () => {
  it("maps labels to WHATWG names and refuses unknown ones", () => {
    expect(normalizeEncoding("latin1")).toBe("windows-1252");
    expect(normalizeEncoding("GBK")).toBe("gbk");
    expect(() => normalizeEncoding("klingon-8")).toThrow(/Unknown text encoding "klingon-8"/);
  });
});

describe("assertText(fileName, text)", () => {
  it("accepts text and refuses NULs and control-character soup", () => {
    expect(() => assertText("a.csv", "a,b\n1,2\n")).not.toThrow();
    expect(() => assertText("a.csv", "a\u0000b")).toThrow(/a\.csv: not a text file/);
    expect(() => assertText("a.csv", "\u0001\u0002\u0003\u0004abc")).toThrow(/not a text file/);
  });
});
