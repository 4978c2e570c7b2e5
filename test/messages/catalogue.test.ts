// Every translated catalogue has exactly the English keys (recursively) and the same function arities,
// and no user-facing sentence is written outside src/messages/ in ui/ or cli/ (a heuristic source scan).
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { registeredCatalogues } from "../../src/messages/locale";
import { loadLocale } from "../../src/messages/load-locale";
import { recipeProse, svelteProse, tsProse } from "./scan";
import "../../src/messages/ui";
import "../../src/messages/session";
import "../../src/messages/engine";
import "../../src/messages/compile";
import "../../src/messages/code";
import "../../src/messages/charts";
import "../../src/messages/chart-frame";
import "../../src/messages/notebook";
import "../../src/messages/gallery";
import "../../src/messages/cli";
import "../../src/messages/bundle";
import "../../src/messages/share";
import "../../src/messages/workshop";
import "../../src/messages/storage";
import "../../src/messages/report";
import "../../src/recipes/registry"; // registers the recipes' wording catalogues

// The Chinese catalogues load on demand, as in the app.
await loadLocale("zh-CN");

/** Differences between two catalogue values, as paths: missing/extra keys, kind and arity mismatches. */
function differences(en: unknown, other: unknown, path: string): string[] {
  if (typeof en === "function") {
    if (typeof other !== "function") return [`${path}: a function in English, ${typeof other} here`];
    return en.length === other.length ? [] : [`${path}: ${en.length} parameters in English, ${other.length} here`];
  }
  if (typeof en === "string") return typeof other === "string" ? [] : [`${path}: text in English, not here`];
  if (Array.isArray(en)) {
    if (!Array.isArray(other) || other.length !== en.length) return [`${path}: a list of ${en.length} in English`];
    return en.flatMap((item, i) => differences(item, other[i], `${path}[${i}]`));
  }
  if (typeof en === "object" && en !== null) {
    if (typeof other !== "object" || other === null) return [`${path}: an object in English, not here`];
    const keys = new Set([...Object.keys(en), ...Object.keys(other)]);
    return [...keys].flatMap((key) =>
      !(key in other)
        ? [`${path}.${key}: missing`]
        : !(key in en)
          ? [`${path}.${key}: not in English`]
          : differences(
              (en as Record<string, unknown>)[key],
              (other as Record<string, unknown>)[key],
              `${path}.${key}`,
            ),
    );
  }
  return [];
}

/** The number of texts and message functions a catalogue holds. */
function countStrings(value: unknown): number {
  if (typeof value === "string" || typeof value === "function") return 1;
  if (typeof value === "object" && value !== null) return Object.values(value).reduce((n, v) => n + countStrings(v), 0);
  return 0;
}

describe("message catalogues", () => {
  it("registers every translated module", () => {
    expect(registeredCatalogues.length).toBeGreaterThanOrEqual(18);
  });

  it("give each locale exactly the English keys, with the same function arities", () => {
    for (const { en, others } of registeredCatalogues) {
      const label = Object.keys(en).slice(0, 2).join(",");
      const zh = others["zh-CN"];
      expect(zh, `no zh-CN catalogue for {${label}…}`).toBeDefined();
      expect(differences(en, zh, `{${label}…}`)).toEqual([]);
    }
  });

  it("tells a missing key, an extra key and a changed arity apart", () => {
    const en = { a: "x", b: { c: (n: number) => `${n}` }, d: ["p", "q"] };
    const zh = { a: "x", b: { c: () => "", e: "y" }, d: ["p"] };
    expect(differences(en, zh, "t")).toEqual([
      "t.b.c: 1 parameters in English, 0 here",
      "t.b.e: not in English",
      "t.d: a list of 2 in English",
    ]);
    expect(differences({ a: "x", f: "y" }, { a: "x" }, "t")).toEqual(["t.f: missing"]);
  });

  it("hold Chinese, not English, in the zh-CN catalogues", () => {
    let total = 0;
    const english: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === "string" && /[A-Za-z]{4,} [a-z]{3,}/.test(value) && !/[\u4e00-\u9fff]/.test(value))
        english.push(`${path}: ${value}`);
      else if (typeof value === "object" && value !== null)
        for (const [key, v] of Object.entries(value)) walk(v, `${path}.${key}`);
    };
    for (const { others } of registeredCatalogues) {
      total += countStrings(others["zh-CN"]);
      walk(others["zh-CN"], "zh-CN");
    }
    expect(total).toBeGreaterThan(300);
    expect(english).toEqual([]);
    console.log(
      `user-facing strings: en ${registeredCatalogues.reduce((n, c) => n + countStrings(c.en), 0)}, zh-CN ${total}`,
    );
  });
});

const src = join(import.meta.dirname, "../../src");
// Justified exceptions: "file: text" -> why the text is not a message.
const ALLOWED = new Set<string>([]);

describe("user-facing text outside src/messages/", () => {
  it("is found by the scan when present (the heuristic can fail)", () => {
    expect(svelteProse('<p class="x">Load a file first</p><b title="Run this cell">{ui.run}</b>')).toEqual([
      "Run this cell",
      "Load a file first",
    ]);
    expect(svelteProse('<div class="cell-tools">{ui.x}</div>{#each a as b (`${b.id}`)}{/each}')).toEqual([]);
    expect(tsProse('throw new Error("Could not open the file");\nel.className = "cell-tools active";')).toEqual([
      "Could not open the file",
    ]);
    expect(tsProse('const q = "SELECT count(*) FROM orders"; // Says what it does')).toEqual([]);
  });

  it("is absent from src/ui/ and src/cli/ (Svelte text nodes and prose attributes, quoted TS sentences)", () => {
    const found: string[] = [];
    for (const dir of ["ui", "cli", "sandbox"]) {
      for (const file of readdirSync(join(src, dir), { recursive: true, encoding: "utf8" })) {
        if (!/\.(svelte|ts)$/.test(file)) continue; // folders (ui/storage/ and the like) are walked into
        const text = readFileSync(join(src, dir, file), "utf8");
        const prose = file.endsWith(".svelte") ? svelteProse(text) : file.endsWith(".ts") ? tsProse(text) : [];
        for (const p of prose) if (!ALLOWED.has(`${dir}/${file}: ${p}`)) found.push(`${dir}/${file}: ${p}`);
      }
    }
    expect(found).toEqual([]);
  });
});

// Column-header vocabulary in many languages, matched against the user's headers: data, not wording.
const RECIPES_NOT_PROSE = new Set(["role-lexicon.ts"]);

describe("user-facing text in src/recipes/", () => {
  it("is found by the recipe scan: sentences, titles and one-word wording properties, not SQL or identifiers", () => {
    const source = [
      'const r = { title: "Customer pyramid", question: "Who buys?", params: [{ label: "Period" }] };',
      'const spec = { x: { field: "f", title: "Customers" }, y: { title: "k" }, text: { field: "share" } };',
      "const sql = `SELECT 'A' AS class, count(*) AS customers FROM tx`; // Says why",
      'const cells = { title: RFM_TEXT.title, label: text.label, name: "analysis_date" };',
    ].join("\n");
    expect(recipeProse(source)).toEqual(["Customer pyramid", "Who buys?", "Period", "Customers"]);
  });

  it("lives in src/messages/ for every recipe source", () => {
    const dir = join(src, "recipes");
    const found: string[] = [];
    for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts") || RECIPES_NOT_PROSE.has(file)) continue;
      for (const p of recipeProse(readFileSync(join(dir, file), "utf8"))) found.push(`recipes/${file}: ${p}`);
    }
    expect(found).toEqual([]);
  });
});
