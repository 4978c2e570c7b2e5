import { describe, it, expect } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseNotebook } from "../../src/notebook/parse";
import { serializeNotebook } from "../../src/notebook/serialize";
import { withDataSource, withRoles, withoutDataSource } from "../../src/notebook/edit";
import type { Cell, Notebook } from "../../src/notebook/types";

const fixtures = join(__dirname, "fixtures");
const notebooks = resolve(__dirname, "../../notebooks");
const mdFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => join(dir, f));

/** The parts of a notebook a reader cares about (no ids, no layout). */
const model = (nb: Notebook) => ({
  frontMatter: nb.frontMatter,
  cells: nb.cells.map(({ kind, name, language, attrs, source }) => ({ kind, name, language, attrs, source })),
});
const newCell = (cell: Omit<Cell, "id" | "attrs"> & { attrs?: Cell["attrs"] }): Cell => ({
  id: `new-${cell.kind}`,
  attrs: {},
  ...cell,
});

describe("serializeNotebook(parseNotebook(text))", () => {
  it("finds the shipped notebooks", () => {
    expect(mdFiles(notebooks).length).toBeGreaterThan(0);
  });

  for (const file of [...mdFiles(fixtures), ...mdFiles(notebooks)]) {
    it(`gives back ${file.slice(resolve(__dirname, "../..").length + 1)} byte for byte`, () => {
      const text = readFileSync(file, "utf8");
      expect(serializeNotebook(parseNotebook(text))).toBe(text);
    });
  }

  it("gives back a CRLF file byte for byte, and a BOM", () => {
    const text = "\uFEFF---\r\nnotebook: 1\r\n---\r\n\r\nHello\r\n\r\n```sql a\r\nSELECT 1\r\n```\r\n";
    expect(serializeNotebook(parseNotebook(text))).toBe(text);
  });

  it("gives back odd spacing, empty blocks, unclosed fences and files without a final line break", () => {
    for (const text of [
      "\n\n# T\n\n\n\n```sql a\n\n\n```\n\n\n",
      "```sql a\n```",
      "```sql a\nSELECT 1",
      "text",
      "",
      "\n",
      "---\n---",
      "~~~~ sql  a   data=x \nq\n~~~~~  \n",
    ]) {
      expect(serializeNotebook(parseNotebook(text))).toBe(text);
    }
  });
});

describe("serializeNotebook(nb) after edits", () => {
  const base = parseNotebook(readFileSync(join(fixtures, "canonical.md"), "utf8"));

  it("rewrites only the edited cell, canonically", () => {
    const cells = base.cells.map((c) => (c.name === "rfm" ? { ...c, source: "SELECT 2" } : c));
    const text = serializeNotebook({ ...base, cells });
    expect(text).toContain("```sql rfm recipe=rfm\nSELECT 2\n```\n\n```chart rfm_segments");
    expect(text.replace("SELECT 2", "SELECT customer_id, count(*) AS frequency\nFROM orders\nGROUP BY ALL")).toBe(
      readFileSync(join(fixtures, "canonical.md"), "utf8"),
    );
  });

  it("writes a renamed cell's info string canonically, quoting values with spaces", () => {
    const cells = base.cells.map((c) =>
      c.name === "rfm_segments" ? { ...c, name: "segments", attrs: { data: "rfm", title: 'Say "hi"' } } : c,
    );
    expect(serializeNotebook({ ...base, cells })).toContain(
      '```chart segments data=rfm title="Say \\"hi\\""\n{ "mark"',
    );
  });

  it("writes new cells with one blank line between and a fence longer than any backtick run", () => {
    const cells = [
      ...base.cells,
      newCell({ kind: "sql", name: "ticks", source: "SELECT '```' AS a, '````' AS b" }),
      newCell({ kind: "markdown", source: "\n\nNew prose.\n\n" }),
      newCell({ kind: "markdown", source: "" }),
      newCell({ kind: "code", language: "python", source: "print(1)" }),
    ];
    const text = serializeNotebook({ ...base, cells });
    expect(
      text.endsWith(
        "We have many customers.\n\n`````sql ticks\nSELECT '```' AS a, '````' AS b\n`````\n\nNew prose.\n\n```python\nprint(1)\n```\n",
      ),
    ).toBe(true);
    expect(model(parseNotebook(text)).cells.slice(4)).toEqual([
      { kind: "sql", name: "ticks", language: undefined, attrs: {}, source: "SELECT '```' AS a, '````' AS b" },
      { kind: "markdown", name: undefined, language: undefined, attrs: {}, source: "New prose." },
      { kind: "code", name: undefined, language: "python", attrs: {}, source: "print(1)" },
    ]);
  });

  it("writes a notebook built in memory as a canonical file that reads back the same", () => {
    const nb: Notebook = {
      frontMatter: { notebook: 1, title: "New", data: { orders: { file: "orders.csv" } }, extra: {} },
      cells: [
        newCell({ kind: "markdown", source: "# New" }),
        newCell({ kind: "sql", name: "a", source: "SELECT 1" }),
        newCell({ kind: "chart", name: "c", attrs: { data: "a" }, source: "{}" }),
      ],
    };
    const text = serializeNotebook(nb);
    expect(text).toBe(
      "---\nnotebook: 1\ntitle: New\ndata:\n  orders:\n    file: orders.csv\n---\n\n# New\n\n```sql a\nSELECT 1\n```\n\n```chart c data=a\n{}\n```\n",
    );
    expect(model(parseNotebook(text))).toEqual(model(nb));
    expect(serializeNotebook(parseNotebook(text))).toBe(text);
  });

  it("keeps CRLF line breaks for edited and new cells", () => {
    const nb = parseNotebook("Hello\r\n\r\n```sql a\r\nSELECT 1\r\n```\r\n");
    const cells = [
      ...nb.cells.map((c) => (c.kind === "sql" ? { ...c, source: "SELECT 1\nFROM t" } : c)),
      newCell({ kind: "markdown", source: "Bye\nnow" }),
    ];
    expect(serializeNotebook({ ...nb, cells })).toBe(
      "Hello\r\n\r\n```sql a\r\nSELECT 1\r\nFROM t\r\n```\r\n\r\nBye\r\nnow\r\n",
    );
  });

  it("switches to a longer fence when an edit puts a closing fence inside the cell", () => {
    const nb = parseNotebook("```sql a\nSELECT 1\n```\n");
    const text = serializeNotebook({ ...nb, cells: [{ ...nb.cells[0], source: "SELECT 1\n```" }] });
    expect(text).toBe("````sql a\nSELECT 1\n```\n````\n");
    expect(parseNotebook(text).cells[0].source).toBe("SELECT 1\n```");
  });

  it("keeps a file without front matter without one until there is data to declare", () => {
    const text = readFileSync(join(fixtures, "no-front-matter.md"), "utf8");
    const nb = parseNotebook(text);
    expect(serializeNotebook({ ...nb, cells: [...nb.cells] })).toBe(text);
    const withData = serializeNotebook(withDataSource(nb, "orders", { file: "orders.csv" }));
    expect(withData).toBe(`---\nnotebook: 1\ndata:\n  orders:\n    file: orders.csv\n---\n\n${text}`);
  });
});

describe("withDataSource(nb, table, source)", () => {
  const text = readFileSync(join(fixtures, "unusual.md"), "utf8");

  it("adds a table and keeps comments, unknown keys and the cells byte for byte", () => {
    const out = serializeNotebook(
      withDataSource(parseNotebook(text), "customers", { file: "customers.csv", roles: { customer_id: "Kunden-Nr" } }),
    );
    expect(out).toContain("# a comment the writer must keep\nnotebook: 1\n");
    // Lines the edit does not touch stay as written, spacing and all.
    expect(out).toContain("owner: { team: analytics, since: 2024 }   # unknown key, kept\n");
    expect(out).toContain(
      "data:\n  orders:\n    file: orders.csv\n  customers:\n    file: customers.csv\n    roles:\n      customer_id: Kunden-Nr\n---\n",
    );
    expect(out.slice(out.indexOf("\n---\n"))).toBe(text.slice(text.indexOf("\n---\n")));
    expect(parseNotebook(out).frontMatter.data.customers).toEqual({
      file: "customers.csv",
      roles: { customer_id: "Kunden-Nr" },
    });
  });

  it("replaces a table's file and roles in place (withRoles keeps the file; withoutDataSource removes it)", () => {
    const nb = parseNotebook(readFileSync(join(fixtures, "canonical.md"), "utf8"));
    const roled = serializeNotebook(withRoles(nb, "customers", { customer_id: "id" }));
    expect(roled).toContain("  customers:\n    file: customers.parquet\n    roles:\n      customer_id: id\n---");
    expect(roled).toContain("roles: { customer_id: Kunden-Nr, date: Datum, amount: Umsatz }");
    expect(withRoles(nb, "unknown", { a: "b" })).toBe(nb);
    const removed = parseNotebook(serializeNotebook(withoutDataSource(nb, "orders")));
    expect(Object.keys(removed.frontMatter.data)).toEqual(["customers"]);
  });
});

describe("serializeNotebook(nb) on generated text", () => {
  // Seeded text made of the format's own fragments: fences of all kinds, front matter lines, CRLF, BOM.
  const parts = [
    "```",
    "````",
    "~~~",
    "sql a",
    "chart c data=a",
    "python",
    " ",
    "\n",
    "\r\n",
    "text",
    "---",
    "notebook: 1",
    "# h",
    "\t",
    "`",
    'x="y z"',
    "\uFEFF",
  ];
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const texts = Array.from({ length: 5000 }, () =>
    Array.from({ length: random(25) }, () => parts[random(parts.length)]).join(""),
  );
  const readable = texts.flatMap((text) => {
    try {
      return [{ text, nb: parseNotebook(text) }];
    } catch {
      return []; // broken front matter is refused, which other tests cover
    }
  });
  const fenced = (nb: Notebook) => model(nb).cells.filter((c) => c.kind !== "markdown");

  it("gives back every readable text byte for byte", () => {
    expect(readable.length).toBeGreaterThan(3000);
    for (const { text, nb } of readable) expect(serializeNotebook(nb)).toBe(text);
  });

  it("writes every notebook canonically (as if all cells were new) so that it reads back to the same cells", () => {
    for (const { nb } of readable) {
      const canonical = serializeNotebook({ ...nb, cells: nb.cells.map((c) => ({ ...c, layout: undefined })) });
      expect(fenced(parseNotebook(canonical))).toEqual(fenced(nb));
    }
  });
});
