// The segmentation and value recipes in Chinese: each is built with the UI in zh-CN and in English and run
// on the sample data with native DuckDB. Every number must be the same in both, every text a consistent
// relabelling (one Chinese label per English one), the labels Chinese (the classic RFM eight appear), and the
// chart titles and axis titles free of English prose.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { nativeEngine } from "../../src/engine/native/native-engine";
import type { Engine } from "../../src/engine/engine";
import { fileSourceFromPath } from "../../src/engine/node-file";
import { buildRecipe, findRecipe } from "../../src/recipes/registry";
import { serializeNotebook } from "../../src/notebook/serialize";
import type { NewCell } from "../../src/notebook/types";
import { openSession } from "../../src/session/session";
import type { Session } from "../../src/session/types";
import type { CodeRunner } from "../../src/code/runner";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import { setLocale, type Locale } from "../../src/messages/locale";
import { root } from "./helpers";
import { PARAMS, SAMPLE_TABLES, tablesOf } from "./sample-bindings";
import { loadLocale } from "../../src/messages/load-locale";

// The Chinese catalogues load on demand, as in the app.
await loadLocale("zh-CN");

type Rows = Record<string, unknown>[];

/** The recipes (with parameters beyond the sample's) this suite covers. */
const CASES: readonly (readonly [id: string, params: Record<string, string>])[] = [
  ["rfm", {}],
  ["rfm", { segments: "classic" }],
  ["abc", {}],
  ["pyramid", {}],
  ["lifecycle", {}],
  ["value-matrix", {}],
  ["clv", {}],
  ["clv", { level: "historic" }],
  ["behaviour-types", {}],
  ["activity-loyalty", {}],
  ["profit-contribution", {}],
  ["value-score", {}],
  ["clusters", {}],
  ["clusters", { scatter: "features", features: "recency,frequency,monetary,margin" }],
  ["attribute-segments", {}],
  ["attribute-segments", { by: "size" }],
  ["attribute-segments", { by: "geography" }],
];

/** The recipes whose gallery entry (title, question, every parameter's wording) is in Chinese. */
const GALLERY = [...new Set(CASES.map(([id]) => id))];

const CJK = /[\u4e00-\u9fff]/;
/** English prose: two Latin words of three letters or more in a row ("Customer pyramid", "Share of"). */
const ENGLISH = /[A-Za-z]{3,}[ ,]+[A-Za-z]{2,}/;

/** Builds recipe `id` with the UI in `locale` (the locale only matters while building). */
function build(locale: Locale, id: string, params: Record<string, string>): NewCell[] {
  setLocale(locale);
  try {
    return buildRecipe(id, { tables: tablesOf(id), params: { ...PARAMS[id], ...params } });
  } finally {
    setLocale("en");
  }
}

/** Every title a chart spec shows: chart title and subtitle, axis and legend titles. */
function chartTitles(spec: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key: string): void => {
    if (typeof value === "string" && (key === "title" || key === "text" || key === "subtitle")) out.push(value);
    else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (typeof value === "object" && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, k === "text" && key !== "title" ? "" : k);
  };
  walk(spec, "");
  return out;
}

/** Runs cells in the session; rows per table-producing cell, and the cells that failed. */
async function run(cells: NewCell[]): Promise<Record<string, Rows>> {
  const text = serializeNotebook({
    frontMatter: { notebook: 1, data: {}, extra: {} },
    cells: cells.map((c, i) => ({ id: `c${i}`, kind: c.kind, name: c.name, attrs: c.attrs ?? {}, source: c.source })),
  });
  session.open(text, { trusted: true });
  await session.runAll();
  const rows: Record<string, Rows> = {};
  const failed: string[] = [];
  for (const s of session.getState().cells) {
    if (s.status !== "done") failed.push(`${s.cell.name}: ${s.error?.message}`);
    if (s.output?.type === "table") rows[s.cell.name ?? s.cell.id] = s.output.table.rows().map((r) => ({ ...r }));
  }
  expect(failed).toEqual([]);
  return rows;
}

/** Compares an English and a Chinese run: numbers equal, texts relabelled one to one; returns the pairs. */
function compare(en: Record<string, Rows>, zh: Record<string, Rows>): Map<string, string> {
  const pairs = new Map<string, string>();
  const problems: string[] = [];
  expect(Object.keys(zh)).toEqual(Object.keys(en));
  for (const [cell, rows] of Object.entries(en)) {
    expect(zh[cell].length, cell).toBe(rows.length);
    rows.forEach((row, i) => {
      for (const [column, value] of Object.entries(row)) {
        const other = zh[cell][i][column];
        if (typeof value === "string" && typeof other === "string") {
          const seen = pairs.get(value);
          if (seen !== undefined && seen !== other)
            problems.push(`${cell}.${column}: "${value}" is "${seen}" and "${other}"`);
          pairs.set(value, other);
        } else if (JSON.stringify(value, big) !== JSON.stringify(other, big))
          problems.push(`${cell} row ${i} ${column}: ${String(value)} in English, ${String(other)} in Chinese`);
      }
    });
  }
  expect(problems.slice(0, 5)).toEqual([]);
  return pairs;
}

const big = (_key: string, v: unknown) => (typeof v === "bigint" ? `${v}n` : v);

let engine: Engine;
let runner: CodeRunner;
let session: Session;
beforeAll(async () => {
  engine = await nativeEngine();
  runner = nodeCodeRunner({ timeoutMs: 120_000 });
  session = openSession(engine, { runner, liveDelayMs: false });
  for (const [table, file] of SAMPLE_TABLES)
    await session.loadFile(fileSourceFromPath(resolve(root, "public/notebooks", file)), { table });
}, 120_000);
afterAll(async () => {
  runner?.close();
  await engine?.close();
});

describe("segmentation and value recipes built in zh-CN", () => {
  it.each(CASES)(
    "%s %o: the same numbers as in English, Chinese labels and chart titles",
    async (id, params) => {
      const enCells = build("en", id, params);
      const zhCells = build("zh-CN", id, params);
      expect(zhCells.map((c) => c.name)).toEqual(enCells.map((c) => c.name));
      const pairs = compare(await run(enCells), await run(zhCells));
      const relabelled = [...pairs].filter(([en, zh]) => en !== zh);
      expect(relabelled.length, "some label changed language").toBeGreaterThan(0);
      for (const [en, zh] of relabelled) expect(`${en} -> ${zh}`).toMatch(CJK);
      const titles = zhCells.filter((c) => c.kind === "chart").flatMap((c) => chartTitles(JSON.parse(c.source)));
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.filter((t) => ENGLISH.test(t) && !CJK.test(t))).toEqual([]);
      expect(zhCells.filter((c) => c.kind === "markdown" && !CJK.test(c.source))).toEqual([]);
      if (id === "rfm" && params.segments === "classic") {
        const segments = new Set(pairs.values());
        for (const name of [
          "重要价值客户",
          "重要发展客户",
          "重要保持客户",
          "重要挽留客户",
          "一般价值客户",
          "一般挽留客户",
        ])
          expect(segments).toContain(name);
      }
    },
    240_000,
  );

  it("finds English prose in a chart title, and an inconsistent relabelling", () => {
    const titles = chartTitles({
      title: { text: "Customer pyramid", subtitle: "金字塔" },
      encoding: { x: { title: "CLV" } },
    });
    expect(titles).toEqual(["Customer pyramid", "金字塔", "CLV"]);
    expect(titles.filter((t) => ENGLISH.test(t) && !CJK.test(t))).toEqual(["Customer pyramid"]);
    expect(() => compare({ a: [{ s: "A" }, { s: "A" }] }, { a: [{ s: "甲" }, { s: "乙" }] })).toThrow();
    expect(() => compare({ a: [{ n: 1 }] }, { a: [{ n: 2 }] })).toThrow();
  });
});

describe("the gallery's data in zh-CN", () => {
  /** Everything the gallery shows of a recipe: title, question, and each parameter's label, help, note, options. */
  const shown = (id: string): string[] => {
    const recipe = findRecipe(id)!;
    return [
      recipe.title,
      recipe.question,
      ...recipe.params.flatMap((p) => [
        p.label,
        ...(p.help ? [p.help] : []),
        ...("auto" in p && p.auto ? [p.auto] : []),
        ...("options" in p ? p.options.map((o) => o.label) : []),
      ]),
    ];
  };

  it.each(GALLERY)("%s: Chinese after the switch, English again after switching back", (id) => {
    const english = shown(id);
    setLocale("zh-CN");
    try {
      const chinese = shown(id);
      expect(chinese.length).toBe(english.length);
      expect(chinese.filter((text) => !CJK.test(text))).toEqual([]);
    } finally {
      setLocale("en");
    }
    expect(shown(id)).toEqual(english);
    expect(english.filter((text) => CJK.test(text))).toEqual([]);
  });
});
