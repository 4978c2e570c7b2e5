// sniffDialect and splitRecords: delimiters, decimal commas, header detection, headers as written, short rows.
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

describe("sniffDialect(...).hasHeader", () => {
  const hasHeader = (text: string) => sniffDialect(text, true).hasHeader;
  it("finds no header above a numeric table whose first row is numbers", () => {
    expect(hasHeader("1,2.5,3\n4,5.25,6\n7,8,9\n")).toBe(false);
    expect(hasHeader("1;1,50;Köln\n2;2,25;Wien\n")).toBe(false);
  });
  it("finds the header above the same table", () => {
    expect(hasHeader("id,amount,qty\n1,2.5,3\n4,5.25,6\n")).toBe(true);
    expect(hasHeader("id;amount;city\n1;1,50;Köln\n2;2,25;Wien\n")).toBe(true);
    expect(hasHeader('id,"x"" FROM t; --"\n1,2\n')).toBe(true);
    expect(hasHeader("a,a,,b\n1,2,3,4\n")).toBe(true);
  });
  it("keeps the header for all-text tables, a single row and empty first cells", () => {
    expect(hasHeader("name,city\nAcme,Köln\nBeta,Wien\n")).toBe(true);
    expect(hasHeader("Acme,Köln\nBeta,Wien\n")).toBe(true);
    expect(hasHeader("1,2\n")).toBe(true);
    expect(hasHeader(",name\n1,x\n2,y\n")).toBe(true);
  });
  it("finds no header when a dates-only first column starts with a date", () => {
    expect(hasHeader("2024-01-02,Acme\n2024-02-03,Beta\n2024-03-04,Gamma\n")).toBe(false);
    expect(hasHeader("date,customer\n2024-01-02,Acme\n2024-02-03,Beta\n")).toBe(true);
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
