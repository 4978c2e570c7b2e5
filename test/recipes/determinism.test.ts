// Numbers that do not wobble: every recipe of CATALOGUE runs twice on native DuckDB with 8 threads, on the
// sample data with the orders enlarged 20 times (so aggregations run in parallel over several row groups) and a
// customer whose purchases are cancelled to exactly 0 (0.1 + 0.2 - 0.3); every cell's result must be identical
// byte for byte, and ABC must not rank that customer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { nativeEngine } from "../../src/engine/native/native-engine";
import type { Engine } from "../../src/engine/engine";
import { fileSourceFromPath } from "../../src/engine/node-file";
import { CATALOGUE, buildRecipe } from "../../src/recipes/registry";
import { serializeNotebook } from "../../src/notebook/serialize";
import type { Notebook } from "../../src/notebook/types";
import { openSession } from "../../src/session/session";
import type { Session } from "../../src/session/types";
import type { CodeRunner } from "../../src/code/runner";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import { root } from "./helpers";
import { writeCsv } from "./recipe-session";
import { PARAMS, SAMPLE_TABLES, tablesOf } from "./sample-bindings";

const COPIES = 20;

/** The sample orders 20 times over (order ids made unique) with the zero customer's rows spread through them. */
function enlargedOrders(): string {
  const [header, ...lines] = readFileSync(resolve(root, "public/notebooks/orders.csv"), "utf8").trim().split("\n");
  const rows: string[][] = [header.split(",")];
  for (let copy = 0; copy < COPIES; copy++) {
    for (const line of lines) {
      const cells = line.split(",");
      rows.push([`${cells[0]}-${copy}`, ...cells.slice(1)]);
    }
    for (const amount of ["0.1", "0.2", "-0.3"])
      rows.push([`Z-${copy}-${amount}`, "CZERO", "2024-03-01", amount, "0", "Consulting", "Direct"]);
  }
  return writeCsv("orders-x20.csv", rows);
}

function recipeNotebook(id: string): string {
  const cells = buildRecipe(id, { tables: tablesOf(id), params: PARAMS[id] });
  const nb: Notebook = {
    frontMatter: { notebook: 1, data: {}, extra: {} },
    cells: cells.map((c, i) => ({ id: `c${i}`, kind: c.kind, name: c.name, attrs: c.attrs ?? {}, source: c.source })),
  };
  return serializeNotebook(nb);
}

/** Every table output of the notebook as one JSON text (doubles printed to the last bit). */
async function run(
  session: Session,
  text: string,
): Promise<{ json: string; failed: string[]; rows: Record<string, Record<string, unknown>[]> }> {
  session.open(text, { trusted: true });
  await session.runAll();
  const rows: Record<string, Record<string, unknown>[]> = {};
  const failed: string[] = [];
  for (const s of session.getState().cells) {
    if (s.status !== "done") failed.push(`${s.cell.name}: ${s.error?.message}`);
    if (s.output?.type === "table") rows[s.cell.name ?? s.cell.id] = s.output.table.rows().map((r) => ({ ...r }));
  }
  const json = JSON.stringify(rows, (_k, v) =>
    typeof v === "bigint" ? `${v}n` : typeof v === "number" && !Number.isFinite(v) ? String(v) : v,
  );
  return { json, failed, rows };
}

/** The first few cells, rows and columns where two runs differ. */
function differences(
  a: Record<string, Record<string, unknown>[]>,
  b: Record<string, Record<string, unknown>[]>,
): string[] {
  const out: string[] = [];
  for (const cell of Object.keys(a)) {
    const x = a[cell],
      y = b[cell] ?? [];
    if (x.length !== y.length) out.push(`${cell}: ${x.length} rows, then ${y.length}`);
    for (let i = 0; i < Math.min(x.length, y.length) && out.length < 6; i++) {
      for (const col of Object.keys(x[i])) {
        if (!Object.is(x[i][col], y[i][col]) && JSON.stringify(x[i][col]) !== JSON.stringify(y[i][col])) {
          out.push(`${cell} row ${i} ${col}: ${String(x[i][col])} then ${String(y[i][col])}`);
        }
      }
    }
  }
  return out;
}

let engine: Engine;
let runner: CodeRunner;
let session: Session;
beforeAll(async () => {
  engine = await nativeEngine({ threads: 8 });
  runner = nodeCodeRunner({ timeoutMs: 120_000 });
  session = openSession(engine, { runner, liveDelayMs: false });
  for (const [table, file] of SAMPLE_TABLES) {
    const path = table === "orders" ? enlargedOrders() : resolve(root, "public/notebooks", file);
    await session.loadFile(fileSourceFromPath(path), { table });
  }
}, 120_000);
afterAll(async () => {
  runner?.close();
  await engine?.close();
});

describe("every recipe twice on native DuckDB with 8 threads", () => {
  it("runs with 8 threads on several row groups", async () => {
    const t = await engine.query("SELECT current_setting('threads') AS threads, (SELECT count(*) FROM orders) AS n");
    expect(t.rows()[0]).toEqual({ threads: 8, n: 13513 * COPIES + 3 * COPIES });
  });

  it.each(CATALOGUE.map((r) => r.id))(
    "%s: byte-identical results",
    async (id) => {
      const text = recipeNotebook(id);
      const first = await run(session, text);
      expect(first.failed).toEqual([]);
      const second = await run(session, text);
      expect(second.json.length).toBeGreaterThan(100);
      expect(differences(first.rows, second.rows)).toEqual([]);
      expect(second.json === first.json).toBe(true);
      if (id === "abc") expect(first.rows.abc.filter((r) => r.customer_id === "CZERO")).toEqual([]);
    },
    240_000,
  );
});
