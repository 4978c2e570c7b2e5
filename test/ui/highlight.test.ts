import { describe, expect, it } from "vitest";
import { errorWord, tokenLines, tokenize, type Token } from "../../src/ui/highlight";

const kinds = (tokens: Token[]) => tokens.filter((t) => t.kind).map((t) => `${t.kind}:${t.text}`);

describe("tokenize(text, language)", () => {
  it("finds SQL keywords in any case, strings, numbers, comments and literals; the text is kept exactly", () => {
    const sql = "select a, 'it''s' AS s, 1.5e3 -- note\nFROM t WHERE x IS NULL /* c */";
    const tokens = tokenize(sql, "sql");
    expect(tokens.map((t) => t.text).join("")).toBe(sql);
    expect(kinds(tokens)).toEqual([
      "keyword:select",
      "string:'it''s'",
      "keyword:AS",
      "number:1.5e3",
      "comment:-- note",
      "keyword:FROM",
      "keyword:WHERE",
      "keyword:IS",
      "atom:NULL",
      "comment:/* c */",
    ]);
  });

  it("leaves quoted SQL names and words inside them plain (no comment starts in a name)", () => {
    const tokens = tokenize('SELECT "select--x" FROM 中文订单', "sql");
    expect(kinds(tokens)).toEqual(["keyword:SELECT", "keyword:FROM"]);
    expect(tokens.map((t) => t.text).join("")).toBe('SELECT "select--x" FROM 中文订单');
  });

  it("finds TypeScript keywords, types, strings of three quotes and comments", () => {
    const ts = 'const p: number = `a${1}` + "b\\"" // end\nreturn true;';
    const tokens = tokenize(ts, "ts");
    expect(tokens.map((t) => t.text).join("")).toBe(ts);
    expect(kinds(tokens)).toEqual([
      "keyword:const",
      "type:number",
      "string:`a${1}`",
      'string:"b\\""',
      "comment:// end",
      "keyword:return",
      "atom:true",
    ]);
  });

  it("keeps an unterminated string or comment to the end, and 'none' as one plain run", () => {
    expect(kinds(tokenize("SELECT 'open", "sql"))).toEqual(["keyword:SELECT", "string:'open"]);
    expect(kinds(tokenize("x /* open", "ts"))).toEqual(["comment:/* open"]);
    expect(tokenize('{ "mark": "bar" }', "none")).toEqual([{ text: '{ "mark": "bar" }' }]);
    expect(tokenize("", "sql")).toEqual([]);
  });
});

describe("tokenLines(tokens)", () => {
  it("splits tokens at line breaks, a comment or string spanning lines into one piece per line", () => {
    const lines = tokenLines(tokenize("SELECT 1\n/* a\nb */\n\nx", "sql"));
    expect(lines.map((l) => l.map((t) => t.text).join(""))).toEqual(["SELECT 1", "/* a", "b */", "", "x"]);
    expect(lines[2]).toEqual([{ text: "b */", kind: "comment" }]);
  });
});

describe("errorWord(text, line, column)", () => {
  it("marks the word at the position, else one character, as the editor does", () => {
    expect(errorWord("SELECT\n  no_such_column", 2, 3)).toEqual({ line: 2, from: 2, to: 16 });
    expect(errorWord("SELECT (;", 1, 9)).toEqual({ line: 1, from: 8, to: 9 });
    expect(errorWord("abc", 1, 10)).toEqual({ line: 1, from: 2, to: 3 });
    expect(errorWord("abc", 2, 1)).toBeUndefined();
    expect(errorWord("abc", undefined, undefined)).toBeUndefined();
  });
});
