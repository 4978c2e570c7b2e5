// The front matter's own YAML reader and writer against the `yaml` package (a full YAML 1.2 parser, a
// dev dependency only): whatever the reader accepts, `yaml` reads the same; whatever it refuses names a line.
import { describe, expect, it } from "vitest";
import { parse as fullYaml } from "yaml";
import { YamlError, readYaml, type YamlValue } from "../../src/notebook/yaml-read";
import { LineEdits, yamlDocument, yamlText } from "../../src/notebook/yaml-write";

/** The reader's value, or its refusal's line. */
function read(text: string): { value: YamlValue } | { line: number } {
  try {
    return { value: readYaml(text).value };
  } catch (error) {
    if (error instanceof YamlError) return { line: error.line };
    throw error;
  }
}

const ACCEPTED = [
  "notebook: 1\ntitle: Key account review, Q3\n",
  "# comment\nnotebook: 1 # trailing\n\ndata:\n  orders:\n    file: orders.csv\n" +
    "    roles: { customer_id: Kunden-Nr, date: Datum }\n",
  "title: '它''s 客户分析'\nowner: { team: analytics, since: 2024, tags: [a, 'b c', \"d\\te\"] }\n",
  "list:\n  - a\n  - 2\n  - { x: y }\n  - [1, 2.5, -3e2]\nsame:\n- x\n- y\n",
  "people:\n  - name: Ann\n    age: 30\n  - name: Bo\n",
  'k: "\\u00e9\\x41\\"\\\\"\nn: ~\nb: True\nf: .inf\no: 0o17\nh: 0x1F\ne:\ns: a:b\nu: http://x.test/a#b\n',
  "\"quoted key\": 1\n'single': 2\nempty: {}\nnone: []\nnested:\n  deeper:\n    deepest: x # c\n",
  "url: https://example.com/path?q=1\ntime: 12:30\nneg: -12\nplus: +1.5\nstr: 1.2.3\n",
  "just text\n",
  "- a\n- b\n",
  "",
  "# only a comment\n",
];

const REFUSED: [string, number][] = [
  ["notebook: 1\ntitle: a: b\n", 1],
  ["a: 1\na: 2\n", 1],
  ["a: &x 1\nb: *x\n", 0],
  ["a: |\n  text\n", 0],
  ["a: [1, 2\n", 0],
  ["a: 'open\n", 0],
  ["title: one\n  two\n", 1],
  ["a:\n\tb: 1\n", 1],
  ["a: 1\n  b: 2\n", 1],
  ["a: !!str 1\n", 0],
  ["a: `x`\n", 0],
  ['a: "\\q"\n', 0],
];

describe("readYaml(text)", () => {
  it.each(ACCEPTED)("reads %j as the yaml package does", (text) => {
    expect(read(text)).toEqual({ value: fullYaml(text) ?? null });
  });

  it.each(REFUSED)("refuses %j at line %i", (text, line) => {
    expect(read(text)).toEqual({ line });
  });

  it("records where each entry and its value are, for error lines and edits", () => {
    const doc = readYaml("notebook: 1\n# c\ndata:\n  orders:\n\n    file: o.csv\ntitle: T\n");
    expect(doc.entries?.map((e) => [e.key, e.line, e.end, e.valueLine])).toEqual([
      ["notebook", 0, 1, 0],
      ["data", 2, 6, 3],
      ["title", 6, 7, 6],
    ]);
    expect(doc.entries?.[1].children?.[0]).toMatchObject({ key: "orders", line: 3, end: 6, valueLine: 5 });
  });

  it("keeps `__proto__` as an ordinary key", () => {
    const value = readYaml("__proto__: { polluted: 1 }\n").value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  // Seeded lines made of YAML's own pieces: whatever the reader accepts, the yaml package reads the same.
  it("agrees with the yaml package on every generated text it accepts", () => {
    const pieces = ["a", "b c", "1", "-2.5", "true", "~", "''", '"x y"', "'q''s'", "{ k: v }", "[1, x]", "#", "é"];
    const shapes = ["K: V", "K:", "  K: V", "    K: V", "- V", "  - V", "K: V # c", "K: V V", "  - K: V", "K:V"];
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    let accepted = 0;
    for (let n = 0; n < 4000; n++) {
      const lines = Array.from({ length: 1 + random(6) }, () =>
        shapes[random(shapes.length)]
          .replace("K", ["a", "b", "c", "d", "e"][random(5)])
          .replace(/V/g, () => pieces[random(pieces.length)]),
      );
      const text = lines.join("\n") + "\n";
      const ours = read(text);
      if (!("value" in ours)) continue;
      accepted++;
      expect(ours.value, text).toEqual(fullYaml(text) ?? null);
    }
    expect(accepted).toBeGreaterThan(1000);
  });
});

describe("yamlDocument(value) and yamlText(text)", () => {
  const texts = ["plain", "Kunden-Nr", "客户编号", "", " x", "1", "true", "null", "a: b", "a #b", "- x", "[x]"];
  const odd = [
    "x,y",
    "'",
    '"',
    "#x",
    "&a",
    "*a",
    "!t",
    "|",
    ">",
    "%",
    "@",
    "`",
    "\t",
    "a\nb",
    "\u2028",
    "é:",
    "~",
    ".inf",
  ];

  it("writes text that both readers read back unchanged", () => {
    for (const text of [...texts, ...odd]) {
      const doc = `k: ${yamlText(text)}\n`;
      expect(readYaml(doc).value, doc).toEqual({ k: text });
      expect(fullYaml(doc), doc).toEqual({ k: text });
    }
    expect(yamlText("Kunden-Nr")).toBe("Kunden-Nr");
    expect(yamlText("1")).toBe('"1"');
  });

  it("writes nested mappings and lists in block style that read back the same", () => {
    const value = {
      notebook: 1,
      title: "Review: Q3",
      data: { orders: { file: "orders.csv", roles: { customer_id: "Kunden-Nr" } } },
      tags: ["a", { b: [1, 2] }, []],
      empty: {},
    };
    const text = yamlDocument(value);
    expect(text).toContain("data:\n  orders:\n    file: orders.csv\n    roles:\n      customer_id: Kunden-Nr\n");
    expect(readYaml(text).value).toEqual(value);
    expect(fullYaml(text)).toEqual(value);
  });

  it("applies line edits bottom up, inserts at one place in the order made", () => {
    const edits = new LineEdits();
    edits.replace(1, 2, ["B"]);
    edits.replace(3, 3, ["x"]);
    edits.replace(3, 3, ["y"]);
    edits.replace(0, 1, []);
    expect(edits.apply("a\nb\nc\n")).toBe("B\nc\nx\ny\n");
  });
});
