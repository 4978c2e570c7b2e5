// sniffDialect and splitRecords: delimiters, decimal commas, headers as written, short rows.
import { describe, expect, it } from "vitest";
import { sniffDialect } from "../../../src/engine/load/sniff";
import { splitRecords } from "../../../src/engine/load/records";

describe("sniffDialect(text, complete, preferTab)", () => {
  it("finds , ; tab and |", () => {
    expect(sniffDialect("a,b,c\n1,2,3\n", true).delimiter).toBe(",");
    expect(sniffDialect("a;b;c\n1;2,5;3\n", true).delimiter).toBe(";");
    expect(sniffDialect("a\tb\n1\t2\n", true).delimiter).toBe("\t");
    expect(sniffDialect("a|b\n1|2\n", true).delimiter).toBe("|");
  });
  it("is not fooled by delimiters inside quotes", () => {
    expect(sniffDialect('name;note\n"Smith, J";"a, b, c"\n"Doe, K";x\n', true).delimiter).toBe(";");
  });
  it("detects a decimal comma only in ; files without decimal points", () => {
    expect(sniffDialect("id;amount\n1;1,50\n2;3\n", true).decimalComma).toBe(true);
    expect(sniffDialect("id;amount\n1;1.50\n2;3,5\n", true).decimalComma).toBe(false);
    expect(sniffDialect("id,amount\n1,\"1,50\"\n", true).decimalComma).toBe(false);
  });
  it("returns the header as written and the lines of short rows", () => {
    const d = sniffDialect("a,a,,b\n1,2,3,4\n5,6\n7,8,9,10\n", true);
    expect(d.header).toEqual(["a", "a", "", "b"]);
    expect(d.shortRows).toEqual({ count: 1, lines: [3] });
  });
});

describe("splitRecords(text, delimiter, complete)", () => {
  it("keeps quoted newlines and escaped quotes, and drops a record cut short", () => {
    const records = splitRecords('id,note\r\n1,"two\nlines ""quoted"""\r\n2,par', ",", false);
    expect(records).toEqual([
      { fields: ["id", "note"], line: 1 },
      { fields: ["1", 'two\nlines "quoted"'], line: 2 },
    ]);
  });
});
