// Recipes and notebooks on the browser's engine: the real duckdb-wasm (eh bundle) in Node, locked down by
// the same engineOnDuckDB as wasmEngine() (no extensions: no icu, no parquet, no json), next to native
// DuckDB. Every recipe of CATALOGUE, built with its defaults on the sample data, runs cell by cell through
// a session on both engines; every cell must succeed on wasm, and the main result must equal the native
// one (row count, text and dates exactly, numbers within 1e-9 relative). Every notebook in notebooks/*.md
// runs through a session on wasm (ts cells and Markdown expressions in the Node code runner).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Engine } from "../../src/engine/engine";
import { nativeEngine } from "../../src/engine/native/native-engine";
import { fileSourceFromPath } from "../../src/engine/node-file";
import { CATALOGUE, buildRecipe } from "../../src/recipes/registry";
import { parseNotebook } from "../../src/notebook/parse";
import { serializeNotebook } from "../../src/notebook/serialize";
import type { Notebook } from "../../src/notebook/types";
import { openSession } from "../../src/session/session";
import type { CellState, Session } from "../../src/session/types";
import type { CodeRunner } from "../../src/code/runner";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import { wasmEngineInNode } from "../engine/wasm-node";
import { root } from "./helpers";
import { PARAMS, SAMPLE_TABLES, tablesOf } from "./sample-bindings";

const sample = (file: string) => fileSourceFromPath(resolve(root, "public/notebooks", file));

/** The notebook text of one recipe's cells, built with its defaults. */
function recipeNotebook(id: string): string {
  const cells = buildRecipe(id, { tables: tablesOf(id), params: PARAMS[id] });
  const nb: Notebook = {
    frontMatter: { notebook: 1, data: {}, extra: {} },
    cells: cells.map((c, i) => ({ id: `c${i}`, kind: c.kind, name: c.name, attrs: c.attrs ?? {}, source: c.source })),
  };
  return serializeNotebook(nb);
}

interface Side {
  engine: Engine;
  runner: CodeRunner;
  session: Session;
}

async function side(start: () => Promise<Engine>): Promise<Side> {
  const engine = await start();
  const runner = nodeCodeRunner({ timeoutMs: 120_000 });
  const session = openSession(engine, { runner, liveDelayMs: false });
  for (const [table, file] of SAMPLE_TABLES) await session.loadFile(sample(file), { table });
  return { engine, runner, session };
}

/** Opens `text` (trusted) in the side's session, runs every cell and returns the cell states. */
async function runNotebook(s: Side, text: string): Promise<readonly CellState[]> {
  s.session.open(text, { trusted: true });
  await s.session.runAll();
  return s.session.getState().cells;
}

const failed = (states: readonly CellState[]) =>
  states.filter((c) => c.status !== "done").map((c) => [c.cell.name ?? c.cell.kind, c.status, c.error?.message]);

/** The first differences between two results (empty when they match): numbers within 1e-9 relative. */
function differences(native: Record<string, unknown>[], wasm: Record<string, unknown>[]): string[] {
  const out: string[] = [];
  if (native.length !== wasm.length) return [`rows: native ${native.length}, wasm ${wasm.length}`];
  const columns = Object.keys(native[0] ?? {});
  if (native.length && JSON.stringify(Object.keys(wasm[0])) !== JSON.stringify(columns))
    return [`columns: native ${columns}, wasm ${Object.keys(wasm[0])}`];
  for (let i = 0; i < native.length && out.length < 5; i++) {
    for (const col of columns) {
      const a = native[i][col],
        b = wasm[i][col];
      const same =
        typeof a === "number" && typeof b === "number"
          ? a === b ||
            (Number.isNaN(a) && Number.isNaN(b)) ||
            Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300)
          : JSON.stringify(a) === JSON.stringify(b);
      if (!same) out.push(`row ${i} ${col}: native ${JSON.stringify(a)}, wasm ${JSON.stringify(b)}`);
    }
  }
  return out;
}

function rowsOf(state: CellState): Record<string, unknown>[] {
  if (state.output?.type !== "table") throw new Error(`${state.cell.name} has no table output (${state.output?.type})`);
  return state.output.table.rows().map((r) => {
    // Plain values (BigInt, if any engine returned one, as a number).
    const row: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) row[k] = typeof v === "bigint" ? Number(v) : v;
    return row;
  });
}

let native: Side;
let wasm: Side;
beforeAll(async () => {
  [native, wasm] = await Promise.all([side(nativeEngine), side(wasmEngineInNode)]);
}, 120_000);
afterAll(async () => {
  for (const s of [native, wasm]) {
    if (!s) continue;
    s.runner.close();
    await s.engine.close();
  }
});

describe("the wasm engine in Node is the browser's locked-down engine", () => {
  it("has no icu: current_date (icu) fails, as in the browser, so the recipes cannot lean on it", async () => {
    await expect(wasm.engine.query("SELECT current_date AS d")).rejects.toThrow(/icu/);
    const locked = await wasm.engine.query(
      "SELECT current_setting('lock_configuration') AS l, current_setting('autoload_known_extensions') AS a",
    );
    expect(locked.rows()[0]).toMatchObject({ l: true, a: false });
  });
});

describe("every recipe of CATALOGUE on duckdb-wasm (sample data, defaults)", () => {
  it.each(CATALOGUE.map((r) => r.id))(
    "%s: every cell succeeds; the main result equals native DuckDB's",
    async (id) => {
      const text = recipeNotebook(id);
      const w = await runNotebook(wasm, text);
      expect(failed(w)).toEqual([]);
      const n = await runNotebook(native, text);
      expect(failed(n)).toEqual([]);
      const main = id.replace(/-/g, "_");
      const mainOf = (states: readonly CellState[]) => states.find((c) => c.cell.name === main)!;
      const nativeRows = rowsOf(mainOf(n));
      expect(nativeRows.length).toBeGreaterThan(0);
      expect(differences(nativeRows, rowsOf(mainOf(w)))).toEqual([]);
    },
    120_000,
  );
});

describe("every notebook in notebooks/ on duckdb-wasm", () => {
  const files = readdirSync(resolve(root, "notebooks"))
    .filter((f) => f.endsWith(".md"))
    .sort();
  it("finds the notebooks", () => expect(files.length).toBeGreaterThanOrEqual(4));
  it.each(files)(
    "%s: every cell succeeds, tables as many rows as natively",
    async (file) => {
      const text = readFileSync(resolve(root, "notebooks", file), "utf8");
      const data = parseNotebook(text).frontMatter.data;
      for (const [table, source] of Object.entries(data)) {
        await wasm.session.loadFile(sample(source.file!), { table });
        await native.session.loadFile(sample(source.file!), { table });
      }
      const w = await runNotebook(wasm, text);
      expect(failed(w)).toEqual([]);
      const n = await runNotebook(native, text);
      const counts = (states: readonly CellState[]) =>
        states
          .filter((c) => c.output?.type === "table")
          .map((c) => [c.cell.name, c.output?.type === "table" ? c.output.table.numRows : 0]);
      expect(counts(w)).toEqual(counts(n));
    },
    180_000,
  );
});
