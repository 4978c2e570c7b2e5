// Recipes 13-25 (retention, needs, competition, key accounts) built in zh-CN and run on the sample data with
// native DuckDB: the same numbers as in English, Chinese gallery texts, chart titles and SQL-written labels
// (NPS groups, IPA quadrants, risk levels, KPI names, checks), and no English prose left in what they insert.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resolve } from "node:path";
import type { Engine } from "../../src/engine/engine";
import { setLocale } from "../../src/messages/locale";
import { EXCLUSION } from "../../src/messages/recipes";
import { MARKET_RECIPES, buildRecipe, findRecipe } from "../../src/recipes/registry";
import type { NewCell } from "../../src/notebook/types";
import { WORDING } from "./zh-market-wording";
import { engineWith, root, runCells, type Rows, type RunResult } from "./helpers";
import { PARAMS, SAMPLE_TABLES, tablesOf } from "./sample-bindings";

const IDS = ["retention", ...MARKET_RECIPES.map((r) => r.id)];
const CJK = /[\u4e00-\u9fff]/;
// English prose: two words of letters, the second lower-case (titles, labels, sentences).
const ENGLISH = /[A-Za-z]{2,} [a-z]{2,}/;
/** Whether a parameter is one other modules own (the transaction recipes' analysis date and look-back window). */
const sharedParam = (id: string, name: string) =>
  (name === "analysis_date" && id !== "account-risk") ||
  (name === "months" && ["category-affinity", "basket-associations"].includes(id));

/** The transaction checks' reasons in zh-CN: shared wording (../../src/messages/recipes.ts) other work translates. */
function sharedChecks(): string[] {
  setLocale("zh-CN");
  const reasons = Object.values(EXCLUSION);
  setLocale("en");
  return reasons;
}

const csv = (file: string) => resolve(root, "public/notebooks", file).replace(/'/g, "''");

let engine: Engine;
/** Every text value of the sample tables, longest first: data the recipes pass through, not wording of theirs. */
let dataTexts: string[] = [];
beforeAll(async () => {
  engine = await engineWith(
    ...SAMPLE_TABLES.map(([table, file]) => `CREATE TABLE ${table} AS SELECT * FROM read_csv('${csv(file)}')`),
  );
  const texts = new Set<string>();
  for (const [table] of SAMPLE_TABLES) {
    const columns = await engine.query(`SELECT column_name FROM duckdb_columns() WHERE table_name = '${table}'`);
    for (const { column_name } of columns.rows()) {
      const values = await engine.query(`SELECT DISTINCT CAST("${column_name}" AS VARCHAR) AS v FROM ${table}`);
      for (const { v } of values.rows()) if (typeof v === "string" && ENGLISH.test(v)) texts.add(v);
    }
  }
  dataTexts = [...texts, ...sharedChecks()].sort((a, b) => b.length - a.length);
}, 120_000);
afterAll(() => engine.close());
afterEach(() => setLocale("en"));

/** The recipe's cells built on the sample tables in `locale`. */
function built(id: string, locale: "en" | "zh-CN"): NewCell[] {
  setLocale(locale);
  try {
    return buildRecipe(id, { tables: tablesOf(id), params: PARAMS[id] });
  } finally {
    setLocale("en");
  }
}

/** The non-text values of each row (numbers, dates, booleans), rows sorted: what must not change with the language. */
function numbers(rows: Rows): string[] {
  return rows
    .map((r) =>
      JSON.stringify(
        Object.values(r)
          .filter((v) => typeof v !== "string")
          .map((v) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : String(v))),
      ),
    )
    .sort();
}

/** Text values of a result that hold English prose once the sample data's own texts are taken out. */
function englishIn(rows: Rows): string[] {
  const found: string[] = [];
  for (const row of rows)
    for (const value of Object.values(row)) {
      if (typeof value !== "string") continue;
      let rest = value;
      for (const text of dataTexts) rest = rest.split(text).join(" ");
      if (ENGLISH.test(rest)) found.push(value);
    }
  return found;
}

/** Every title, subtitle and label a chart spec shows (title keys at any depth, mark texts excluded). */
function chartTexts(spec: unknown): string[] {
  if (Array.isArray(spec)) return spec.flatMap(chartTexts);
  if (typeof spec !== "object" || spec === null) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(spec)) {
    if (key === "title" && typeof value === "string") out.push(value);
    else if (key === "title" && value && typeof value === "object")
      out.push(...Object.values(value).filter((v): v is string => typeof v === "string"));
    else if (key === "calculate" && typeof value === "string") out.push(...(value.match(/'[^']*'/g) ?? []));
    else out.push(...chartTexts(value));
  }
  return out;
}

const runs = new Map<string, { en: RunResult; zh: RunResult }>();
async function run(id: string): Promise<{ en: RunResult; zh: RunResult }> {
  if (!runs.has(id))
    runs.set(id, { en: await runCells(engine, built(id, "en")), zh: await runCells(engine, built(id, "zh-CN")) });
  return runs.get(id)!;
}

describe("recipes 13-25 in zh-CN on the sample data", () => {
  it.each(IDS)("%s: gallery texts and parameter labels in Chinese", (id) => {
    const recipe = findRecipe(id)!;
    setLocale("zh-CN");
    const texts = [recipe.title, recipe.question];
    for (const spec of recipe.params) {
      if (sharedParam(id, spec.name)) continue;
      texts.push(spec.label);
      if ("options" in spec) texts.push(...spec.options.map((o) => o.label));
    }
    const notChinese = texts.filter((t) => !CJK.test(t));
    setLocale("en");
    expect(notChinese).toEqual([]);
    expect(CJK.test(recipe.title)).toBe(false);
  });

  it.each(IDS)("%s: the same numbers as in English, Chinese labels and titles, no English prose", async (id) => {
    const { en, zh } = await run(id);
    expect(Object.keys(zh.rows)).toEqual(Object.keys(en.rows));
    for (const [name, rows] of Object.entries(en.rows)) {
      expect([name, numbers(zh.rows[name])]).toEqual([name, numbers(rows)]);
      expect([name, englishIn(zh.rows[name])]).toEqual([name, []]);
    }
    for (const [name, warnings] of Object.entries(zh.chartWarnings)) expect([name, warnings]).toEqual([name, []]);
    const charts = zh.cells.filter((c) => c.kind === "chart");
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      const texts = chartTexts(JSON.parse(chart.source));
      expect(texts.some((t) => CJK.test(t))).toBe(true);
      expect([chart.name, texts.filter((t) => ENGLISH.test(t))]).toEqual([chart.name, []]);
    }
    for (const note of zh.cells.filter((c) => c.kind === "markdown"))
      expect(ENGLISH.test(note.source.replace(/`[^`]*`/g, ""))).toBe(false);
    // The checks table: every reason in Chinese.
    const checks = zh.rows[`${id.replace(/-/g, "_")}_checks`];
    expect(checks.length).toBeGreaterThan(0);
    for (const row of checks.filter((r) => !sharedChecks().includes(String(r.check))))
      expect([row.check, CJK.test(String(row.check))]).toEqual([row.check, true]);
  });

  it("names the NPS groups, IPA quadrants, risk levels and KPIs as Chinese practice does", async () => {
    const nps = await run("satisfaction-nps");
    const npsChart = nps.zh.cells.find((c) => c.name === "satisfaction_nps_chart")!.source;
    for (const group of ["推荐者", "被动者", "贬损者"]) expect(npsChart).toContain(group);
    expect(nps.zh.rows.satisfaction_nps.at(-1)!.segment).toBe("（全部）");
    const ipa = await run("importance-performance");
    expect(ipa.zh.rows.importance_performance[0]).toMatchObject({
      attribute: "Support responsiveness",
      quadrant: "重点改进区",
    });
    const risk = await run("account-risk");
    expect(risk.zh.rows.account_risk[0]).toMatchObject({ customer_id: "C00971", level: "高风险" });
    expect(risk.zh.rows.account_risk_levels.map((r) => r.level)).toEqual(["高风险", "中风险", "低风险"]);
    const kpi = await run("kpi-scorecard");
    expect(kpi.zh.rows.kpi_scorecard.map((r) => r.kpi)).toEqual(
      expect.arrayContaining(["销售额", "留存率", "净推荐值"]),
    );
    const swot = await run("swot");
    const quadrants = new Set(swot.zh.rows.swot_grid.map((r) => r.quadrant));
    expect(quadrants).toEqual(new Set(["优势", "劣势", "机会", "威胁"]));
  });
});

describe("the wording modules of recipes 13-25", () => {
  it("hold Chinese, not English, in zh-CN, for every text and message function", () => {
    const english: string[] = [];
    let texts = 0;
    const walk = (value: unknown, path: string): void => {
      const text = typeof value === "function" ? (value as (...a: unknown[]) => unknown)("x", 1) : value;
      if (typeof text === "string") {
        texts += 1;
        if (!CJK.test(text) && /[A-Za-z]{2,}/.test(text)) english.push(`${path}: ${text}`);
      } else if (typeof value === "object" && value !== null)
        for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key], `${path}.${key}`);
    };
    setLocale("zh-CN");
    for (const [name, catalogue] of Object.entries(WORDING)) walk(catalogue, name);
    setLocale("en");
    expect(english).toEqual([]);
    expect(texts).toBeGreaterThan(250);
  });
});
