import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseNotebook } from "../../src/notebook/parse";
import { NotebookError } from "../../src/notebook/errors";
import { newCellId } from "../../src/notebook/ids";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");

/** Runs `fn`, expecting a NotebookError, and returns it. */
function notebookError(fn: () => unknown): NotebookError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(NotebookError);
    return e as NotebookError;
  }
  throw new Error("expected a NotebookError");
}

describe("parseNotebook(text)", () => {
  it("reads front matter, Markdown and computing cells with their names and attributes", () => {
    const nb = parseNotebook(fixture("canonical.md"));
    expect(nb.frontMatter).toEqual({
      notebook: 1,
      title: "Key account review, Q3",
      data: {
        orders: { file: "orders.csv", roles: { customer_id: "Kunden-Nr", date: "Datum", amount: "Umsatz" } },
        customers: { file: "customers.parquet" },
      },
      extra: {},
    });
    expect(nb.cells.map((c) => [c.kind, c.name, c.attrs])).toEqual([
      ["markdown", undefined, {}],
      ["sql", "rfm", { recipe: "rfm" }],
      ["chart", "rfm_segments", { data: "rfm", title: "Customers by segment" }],
      ["markdown", undefined, {}],
    ]);
    expect(nb.cells[0].source).toBe("# Who matters most\n\nSome prose with `code` and a list:\n\n- one\n- two");
    expect(nb.cells[1].source).toBe("SELECT customer_id, count(*) AS frequency\nFROM orders\nGROUP BY ALL");
    expect(nb.cells[3].source).toBe("We have many customers.");
    expect(new Set(nb.cells.map((c) => c.id)).size).toBe(4);
  });

  it("keeps unknown front-matter keys and unknown cell kinds as code cells", () => {
    const nb = parseNotebook(fixture("unusual.md"));
    expect(nb.frontMatter.extra).toEqual({ owner: { team: "analytics", since: 2024 } });
    const code = nb.cells.filter((c) => c.kind === "code");
    expect(code.map((c) => [c.language, c.source])).toEqual([
      ["python", 'print("never run")'],
      ["mermaid", "graph TD; A-->B;"],
      ["", "no info string at all"],
    ]);
  });

  it("reads a longer fence whose content holds ``` and stops only at a fence at least as long", () => {
    const nb = parseNotebook("````sql x\nSELECT 1\n```\nstill inside\n````\n");
    expect(nb.cells).toHaveLength(1);
    expect(nb.cells[0].source).toBe("SELECT 1\n```\nstill inside");
  });

  it("reads tilde fences and does not close them with backticks", () => {
    const nb = parseNotebook("~~~sql x\n```\n~~~\n");
    expect(nb.cells.map((c) => [c.kind, c.source])).toEqual([["sql", "```"]]);
  });

  it("reads an unclosed fence to the end of the file", () => {
    const nb = parseNotebook("# T\n\n```sql x\nSELECT 1\n");
    expect(nb.cells.map((c) => [c.kind, c.source])).toEqual([
      ["markdown", "# T"],
      ["sql", "SELECT 1"],
    ]);
  });

  it("reads quoted attribute values with spaces and escapes, and bare flags", () => {
    const nb = parseNotebook('```chart c data=r title="A \\"big\\" one" x=\'y\' wide\n{}\n```\n');
    expect(nb.cells[0].attrs).toEqual({ data: "r", title: 'A "big" one', x: "'y'", wide: "" });
  });

  it("keeps a computing cell without a name (compile reports it)", () => {
    const nb = parseNotebook("```chart data=r\n{}\n```\n");
    expect(nb.cells[0]).toMatchObject({ kind: "chart", attrs: { data: "r" } });
    expect(nb.cells[0].name).toBeUndefined();
  });

  it("reads a file without front matter as version 1 with no data", () => {
    const nb = parseNotebook(fixture("no-front-matter.md"));
    expect(nb.frontMatter).toEqual({ notebook: 1, data: {}, extra: {} });
    expect(nb.cells.map((c) => c.kind)).toEqual(["markdown", "sql"]);
  });

  it("reads front matter without a notebook key as version 1", () => {
    expect(parseNotebook("---\ntitle: T\n---\n").frontMatter).toMatchObject({ notebook: 1, title: "T" });
  });

  it("reads an empty file and an empty front matter", () => {
    expect(parseNotebook("").cells).toEqual([]);
    expect(parseNotebook("---\n---\n").frontMatter.notebook).toBe(1);
  });

  it("gives CRLF sources \\n line breaks and remembers the file's line break", () => {
    const nb = parseNotebook(
      "---\r\nnotebook: 1\r\n---\r\n\r\nHello\r\nworld\r\n\r\n```sql a\r\nSELECT 1\r\nFROM t\r\n```\r\n",
    );
    expect(nb.layout?.eol).toBe("\r\n");
    expect(nb.cells.map((c) => c.source)).toEqual(["Hello\nworld", "SELECT 1\nFROM t"]);
  });

  it("refuses a newer format version with a clear message and the line", () => {
    const err = notebookError(() => parseNotebook("---\ntitle: Future\nnotebook: 2\n---\n# Hi\n"));
    expect(err.message).toContain(
      "This notebook was written by a newer Clientbook (format version 2); this version reads version 1.",
    );
    expect(err.line).toBe(3);
  });

  it("refuses a version that is not a positive whole number", () => {
    expect(notebookError(() => parseNotebook("---\nnotebook: one\n---\n")).message).toContain("whole number");
    expect(notebookError(() => parseNotebook("---\nnotebook: 0\n---\n")).line).toBe(2);
  });

  it("refuses broken YAML naming the file line", () => {
    const err = notebookError(() => parseNotebook("---\nnotebook: 1\ntitle: a: b\ndata:\n---\n"));
    expect(err.message).toMatch(/^The front matter .* is not valid YAML at line 3: /);
    expect(err.line).toBe(3);
  });

  it("refuses an unclosed front matter, a non-mapping one, and malformed data sources", () => {
    expect(notebookError(() => parseNotebook("---\nnotebook: 1\n# T\n")).message).toContain("no closing ---");
    expect(notebookError(() => parseNotebook("---\n- a\n- b\n---\n")).message).toContain("key: value");
    const noFile = notebookError(() => parseNotebook("---\nnotebook: 1\ndata:\n  orders:\n    roles: {}\n---\n"));
    expect(noFile.message).toContain("`orders` needs a file");
    expect(noFile.line).toBe(5);
    // Roles without a file: a named cell's result, which needs no file but must have roles.
    const result = parseNotebook("---\ndata:\n  clean:\n    roles: { amount: total }\n---\n");
    expect(result.frontMatter.data).toEqual({ clean: { roles: { amount: "total" } } });
    expect(notebookError(() => parseNotebook("---\ndata:\n  clean:\n    roles: [a]\n---\n")).line).toBe(4);
    const roles = notebookError(() => parseNotebook("---\ndata:\n  orders:\n    file: o.csv\n    roles: [a]\n---\n"));
    expect(roles.line).toBe(5);
  });
});

describe("newCellId()", () => {
  it("returns a different id each time", () => {
    const ids = Array.from({ length: 1000 }, newCellId);
    expect(new Set(ids).size).toBe(1000);
  });
});
