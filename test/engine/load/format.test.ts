// detectFormat and planLoad: format by extension and magic bytes, and the plan for odd inputs.
import { describe, expect, it } from "vitest";
import { checkParquetTail, detectFormat } from "../../../src/engine/load/format";
import { loadLocale } from "../../../src/messages/load-locale";
import { setLocale } from "../../../src/messages/locale";
import { planLoad } from "../../../src/engine/load/plan";
import type { FileSource } from "../../../src/engine/engine";

const source = (name: string, content: Uint8Array | string): FileSource => {
  const data = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return { name, size: data.length, read: async (s = 0, e = data.length) => data.slice(s, e) };
};

describe("detectFormat(fileName, head)", () => {
  it("uses the extension and the PAR1 signature", () => {
    const par1 = new Uint8Array([0x50, 0x41, 0x52, 0x31, 0]);
    expect(detectFormat("a.csv", new Uint8Array())).toBe("csv");
    expect(detectFormat("a.ndjson", new Uint8Array())).toBe("jsonl");
    expect(detectFormat("export.csv", par1)).toBe("parquet");
    expect(() => detectFormat("a.parquet", new Uint8Array([1, 2, 3, 4]))).toThrow(/PAR1/);
    expect(() => detectFormat("book.xlsx", new Uint8Array([0x50, 0x4b]))).toThrow(/unsupported file type/);
  });

  it("says why a Parquet file is unreadable in Chinese too", async () => {
    await loadLocale("zh-CN");
    setLocale("zh-CN");
    try {
      expect(() => detectFormat("a.parquet", new Uint8Array([1, 2, 3, 4]))).toThrow(
        "a.parquet：不是可读取的 Parquet 文件（被截断或已损坏）：文件开头没有 Parquet 标记 PAR1：它不是 Parquet 文件",
      );
      expect(() => checkParquetTail("a.parquet", 100, new Uint8Array([0, 0, 0, 0]))).toThrow(
        /：文件在 Parquet 文件尾（PAR1）之前就结束了/,
      );
    } finally {
      setLocale("en");
    }
  });
});

describe("planLoad(source, options)", () => {
  it("reads UTF-8 and BOM-marked UTF-16LE in DuckDB, transcodes everything else", async () => {
    expect((await planLoad(source("a.csv", "a,b\n1,2\n"))).duckdbEncoding).toBe("utf-8");
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from("a\tb\n1\t2\n", "utf16le")]);
    expect(await planLoad(source("a.txt", utf16))).toMatchObject({
      encoding: "utf-16le",
      bom: 2,
      duckdbEncoding: "utf-16",
    });
    const plan = await planLoad(source("a.csv", "a,b\n1,2\n"), { encoding: "latin1" });
    expect(plan).toMatchObject({ encoding: "windows-1252", duckdbEncoding: undefined });
  });
  it("calls a file with only a BOM or blanks empty", async () => {
    await expect(planLoad(source("a.csv", new Uint8Array([0xef, 0xbb, 0xbf])))).rejects.toThrow(/empty file/);
    await expect(planLoad(source("a.csv", "\n\n  \n"))).rejects.toThrow(/empty file/);
  });
  it("refuses a Parquet file without its footer", async () => {
    await expect(
      planLoad(source("a.parquet", new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 4, 5, 6, 7, 8, 9]))),
    ).rejects.toThrow(/cut short/);
  });
});
