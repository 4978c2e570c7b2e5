// CSV downloads: UTF-8 with a byte-order mark (Excel on a Chinese or German Windows), read back by DuckDB as written.
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nativeEngine } from "../../src/engine/native/native-engine";
import { fileSourceFromPath } from "../../src/engine/node-file";
import { tableFromColumns } from "../../src/table/result";
import { csvBlob, tableToCsv } from "../../src/ui/csv";

const table = tableFromColumns(
  [
    { name: "客户名称", type: "VARCHAR", kind: "string" },
    { name: "Straße", type: "VARCHAR", kind: "string" },
    { name: "金额", type: "DOUBLE", kind: "number" },
    { name: "下单日期", type: "DATE", kind: "date" },
  ],
  [
    ["上海恒信精密机械有限公司", '北京鼎盛, "总部"'],
    ["Müller-Lüdenscheidt", "Köln"],
    [1234.5, -56],
    [Date.UTC(2024, 0, 5), Date.UTC(2024, 11, 25)],
  ],
);

describe("csvBlob(text)", () => {
  it("starts with the UTF-8 byte-order mark EF BB BF, then the CSV as UTF-8", async () => {
    const text = tableToCsv(table);
    const bytes = new Uint8Array(await csvBlob(text).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3))).toBe(text);
    expect(csvBlob(text).type).toBe("text/csv;charset=utf-8");
  });

  it("round-trips through the loader: the same names and values, no mark in the first column name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clientbook-csv-"));
    const engine = await nativeEngine();
    try {
      writeFileSync(join(dir, "download.csv"), new Uint8Array(await csvBlob(tableToCsv(table)).arrayBuffer()));
      const report = await engine.loadFile(fileSourceFromPath(join(dir, "download.csv")), "download");
      expect(report.columns.map((c) => c.name)).toEqual(["客户名称", "Straße", "金额", "下单日期"]);
      const rows = (await engine.query("SELECT * FROM download")).rows().map((r) => ({ ...r }));
      expect(rows).toEqual([
        {
          客户名称: "上海恒信精密机械有限公司",
          Straße: "Müller-Lüdenscheidt",
          金额: 1234.5,
          下单日期: Date.UTC(2024, 0, 5),
        },
        { 客户名称: '北京鼎盛, "总部"', Straße: "Köln", 金额: -56, 下单日期: Date.UTC(2024, 11, 25) },
      ]);
    } finally {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
