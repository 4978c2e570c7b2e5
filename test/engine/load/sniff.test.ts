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
    expect(sniffDialect('id,amount\n1,"1,50"\n', true).decimalComma).toBe(false);
  });
  it("returns the header as written and the lines of short rows", () => {
    const d = sniffDialect("a,a,,b\n1,2,3,4\n5,6\n7,8,9,10\n", true);
    expect(d.header).toEqual(["a", "a", "", "b"]);
    expect(d.shortRows).toEqual({ count: 1, lines: [3] });
  });
});

describe("sniffDialect: titles, blank lines, comments, quotes", () => {
  it("skips one-field lines above a wider table and says which", () => {
    const d = sniffDialect("Sales export 2024\n\nid,name\n1,a\n2,b\n", true);
    expect(d).toMatchObject({ skip: 2, skipped: "Sales export 2024", header: ["id", "name"], hasHeader: true });
  });
  it("skips leading blank lines so DuckDB's header line is ours", () => {
    expect(sniffDialect("\nname\nAcme\nBeta\n", true)).toMatchObject({ skip: 1, header: ["name"] });
    expect(sniffDialect("\nname\nAcme\nBeta\n", true).skipped).toBeUndefined();
  });
  it("keeps a short header above longer rows (ragged rows, not a title)", () => {
    expect(sniffDialect("a,b\n1,2,3\n4,5,6\n", true)).toMatchObject({ skip: 0, header: ["a", "b"] });
  });
  it("finds # comment lines and comments at the end of a line", () => {
    const d = sniffDialect("# notes\n# more\na;b\n# mid\n1;3#5\n6;7\n", true);
    expect(d).toMatchObject({ delimiter: ";", comment: "#", header: ["a", "b"], shortRows: { count: 0 } });
    expect(sniffDialect("#id,name\n1,a\n2,b\n", true).comment).toBeUndefined();
    // Order numbers like Shopify's #1001 open most rows: data, even with a ragged row among them.
    const text = "Name,Email,Total\n#1001,a@x.com,5\n#1001,a@x.com\n#1002,b@x.com,7\n#1003,c@x.com,9\n";
    const orders = sniffDialect(text, true);
    expect(orders).toMatchObject({ header: ["Name", "Email", "Total"], shortRows: { count: 1 } });
    expect(orders.comment).toBeUndefined();
  });
  it("finds single quotes only in files that use them instead of double quotes", () => {
    const quoted = sniffDialect("'''a,b,c''',45\n,234\nhello,234\n", true);
    expect(quoted).toMatchObject({ quote: "'", header: ["'a,b,c'", "45"] });
    expect(sniffDialect('"Dec 8, 2022"\n"Sep 26, 2022"\n', true).quote).toBe('"');
    expect(sniffDialect("name,note\nO'Brien,it's\nSmith,x\n", true).quote).toBe('"');
  });
  it("reports a quote that holds text and is never closed in a whole file", () => {
    expect(sniffDialect('a,b\n1,"open\n2,x\n', true).unclosedQuote).toBe(2);
    expect(sniffDialect('a,b\n1,"open\n2,x\n', false).unclosedQuote).toBeUndefined();
    expect(sniffDialect('a,"', true).unclosedQuote).toBeUndefined();
  });
  it("does not split a column of decimal-comma numbers at the comma", () => {
    const d = sniffDialect("foo\n12,5\n145,00\n5.25\n", true);
    expect(d.header).toEqual(["foo"]);
    expect(d.delimiter).not.toBe(",");
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
  it("keeps the header for all-text tables and empty first cells", () => {
    expect(hasHeader("name,city\nAcme,Köln\nBeta,Wien\n")).toBe(true);
    expect(hasHeader("Acme,Köln\nBeta,Wien\n")).toBe(true);
    expect(hasHeader(",name\n1,x\n2,y\n")).toBe(true);
  });
  it("keeps a lone record as data unless it is all text, as DuckDB does", () => {
    expect(hasHeader("1,2\n")).toBe(false);
    expect(hasHeader("42")).toBe(false);
    expect(hasHeader("2.2.2;1.2.20;1@2@20\n")).toBe(false);
    expect(hasHeader("2019-06-05\n")).toBe(false);
    expect(hasHeader("id,customer name,\n")).toBe(true);
  });
  it("counts a number in single quotes as a number", () => {
    expect(hasHeader("123|TEST8|text1\n345|TEST8|x\n'567'|TEST8|text3\n")).toBe(false);
  });
  it("finds no header when a dates-only first column starts with a date", () => {
    expect(hasHeader("2024-01-02,Acme\n2024-02-03,Beta\n2024-03-04,Gamma\n")).toBe(false);
    expect(hasHeader("date,customer\n2024-01-02,Acme\n2024-02-03,Beta\n")).toBe(true);
  });
});

describe("splitRecords(text, delimiter, complete, max, quoting)", () => {
  it("drops comments and splits at another quote character", () => {
    expect(splitRecords(" # c\n1;3#5\n", ";", true, 10, { comment: "#" })).toEqual([{ fields: ["1", "3"], line: 2 }]);
    expect(splitRecords("'a,''b''',1\n", ",", true, 10, { quote: "'" })).toEqual([{ fields: ["a,'b'", "1"], line: 1 }]);
  });
  it("keeps quoted newlines and escaped quotes, and drops a record cut short", () => {
    const records = splitRecords('id,note\r\n1,"two\nlines ""quoted"""\r\n2,par', ",", false);
    expect(records).toEqual([
      { fields: ["id", "note"], line: 1 },
      { fields: ["1", 'two\nlines "quoted"'], line: 2 },
    ]);
  });
});
