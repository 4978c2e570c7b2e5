// Small test inputs written to a temporary directory: every bad-input case of the loader, in the
// encodings client exports come in. Parquet files are written by native DuckDB's COPY.
import { DuckDBInstance } from "@duckdb/node-api";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bytes = (hex: string) => Buffer.from(hex, "hex");
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const cp1252 = (text: string) => Buffer.from([...text].map((ch) => (ch === "€" ? 0x80 : ch.charCodeAt(0))));

/** The GBK bytes of `客户编号,日期,金额` plus two rows (precomputed: Node has no GBK encoder). */
export const gbkOrders = bytes(
  "bfcdbba7b1e0bac52cc8d5c6da2cbdf0b6ee0a433030312c323032342d30312d30352c313230302e35300a433030322c323032342d30322d31302c3838302e30300a",
);

/** A big field for the max_line_size case. */
export const bigField = "x".repeat(3 * 1024 * 1024);

/** Writes every fixture into a fresh temporary directory and returns its path. */
export async function writeFixtures(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "clientbook-fixtures-"));
  const files: Record<string, Buffer | string> = {
    "orders.csv": "id,customer,amount,ordered\n1,Acme,10.5,2024-01-02\n2,Beta,20,2024-02-03\n3,,7.25,\n",
    "orders.tsv": "id\tname\n1\tAcme\n2\tBeta\n",
    "semicolon.csv": "id;amount;city\n1;1,50;Köln\n2;2,25;Wien\n",
    "bom.csv": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("id,name\n1,x\n")]),
    "unicode.txt": utf16le("名称\tprice\r\n客户\t1.5\r\nb\t2\r\n"),
    "cp1252.csv": cp1252("name;price\nCafé;€5\nMüller;€7\n"),
    "gbk.csv": gbkOrders,
    "events.jsonl": '{"id":1,"kind":"open","at":"2024-01-02"}\n\n{"id":2,"kind":null,"at":"2024-01-03"}\n',
    "bad.jsonl": '{"id":1}\n{"id":\n',
    "empty.csv": "",
    "header-only.csv": "a,b\n",
    "ragged.csv": "a,b,c\n1,2,3\n4,5\n6,7,8\n",
    "junk.csv": Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    "big-field.csv": `id,blob\n1,${bigField}\n2,small\n`,
    "newlines.csv": 'id,note\n1,"first line\nsecond line"\n2,plain\n',
    "dupes.csv": "a,a,,b\n1,2,3,4\n",
    "no-header.csv": "1,10.5,2024-01-02\n2,20,2024-02-03\n3,7.25,2024-03-04\n",
    "slash-dates.csv": "id,signed,amount\n1,03/04/2024,10\n2,05/06/2024,20\n3,11/11/2024,5\n",
    "slash-dates-dmy.csv": "id,signed\n1,28/01/2024\n2,03/04/2024\n",
    "dot-times.csv": "id,at\n1,03.04.2024 10:30:00\n2,01.02.2024 08:00:00\n",
    "中文订单.csv":
      '订单编号,下单日期,金额,单价,备注\nA1,2024/1/5,"¥1,234.00",￥12.50,¥ 首单\nA2,2024/12/25,-¥56.00,"1,000元",\n' +
      'A3,2024/3/15,"1,234.56元",-8元,50元\n',
    "hostile.csv": 'id,"x"" FROM t; --"\n1,2\n',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  await conn.run(
    `COPY (SELECT i AS id, i * 10000000000 AS big, (i / 4)::DECIMAL(10,2) AS price, 'c' || i AS name,
       DATE '2024-01-01' + i::INTEGER AS day, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i) HOUR AS ts,
       i % 2 = 0 AS even, CASE WHEN i = 3 THEN NULL ELSE i * 1.5 END AS maybe
     FROM range(1, 5001) t(i)) TO '${join(dir, "orders.parquet")}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`,
  );
  conn.closeSync();
  instance.closeSync();
  const parquet = readFileSync(join(dir, "orders.parquet"));
  writeFileSync(join(dir, "truncated.parquet"), parquet.subarray(0, Math.floor(parquet.length / 2)));
  return dir;
}
