// Shared by the chart planner tests: seeded sample rows in native DuckDB, and what Vega draws for a spec
// (mark geometry and titles read from the scenegraph of a headless Vega view).
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { Engine } from "../../src/engine/engine";
import type { ColumnInfo, Value } from "../../src/table/result";

// Vega-Lite time units are local time; the planner buckets in UTC and draws with utc units. In UTC the two agree.
process.env.TZ = "UTC";

/** A column whose name would break naive SQL. */
export const NASTY = 'x" FROM t; --';

/** Creates table `t` with a few hundred seeded rows of text, numbers, dates, timestamps and nulls. */
export async function sampleTable(engine: Engine, rows = 400): Promise<ColumnInfo[]> {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
  const day0 = Date.UTC(2023, 0, 1);
  const data: Value[][] = [[], [], [], [], [], [], [], []];
  for (let i = 0; i < rows; i++) {
    const day = day0 + Math.floor(rand() * 730) * 86_400_000;
    const values: Value[] = [
      pick(["Retail", "Wholesale", "Online", null]),
      rand() < 0.05 ? null : Math.round(rand() * 100_000) / 100,
      1 + Math.floor(rand() * 20),
      day,
      day + Math.floor(rand() * 86_400) * 1000,
      rand() < 0.3,
      Math.round((rand() * 40 - 15) * 10) / 10,
      pick(["a", "b"]),
    ];
    values.forEach((v, c) => data[c].push(v));
  }
  const columns = [
    ["segment", "VARCHAR"],
    ["amount", "DOUBLE"],
    ["qty", "INTEGER"],
    ["day", "DATE"],
    ["at", "TIMESTAMP"],
    ["vip", "BOOLEAN"],
    [NASTY, "DOUBLE"],
    ["note", "VARCHAR"],
  ].map(([name, type]) => ({ name, type }));
  await engine.createTable("t", { columns, data });
  return (await engine.query("SELECT * FROM t LIMIT 0")).columns as ColumnInfo[];
}

/** What a drawn chart shows: each mark's items (geometry and colour) and every title text. */
export interface Drawn {
  readonly marks: Record<string, number | string | null>[][];
  readonly titles: string[];
}

const GEOMETRY = ["x", "y", "x2", "y2", "width", "height", "fill", "stroke", "size", "opacity", "text"] as const;

/** Draws `spec` (with its data inline) in a headless Vega view and reads back what it drew. */
export async function drawn(spec: Record<string, unknown>): Promise<Drawn> {
  const view = new vega.View(vega.parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: "none" });
  await view.runAsync();
  const marks: Drawn["marks"] = [];
  const titles: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    const items = (node.items ?? []) as Record<string, unknown>[];
    if (node.marktype && node.role === "mark") {
      // Opacity 1 is what no opacity draws (Vega-Lite leaves it out for aggregated points).
      const shown = (item: Record<string, unknown>, k: string) =>
        item[k] !== undefined && !(k === "opacity" && item[k] === 1);
      const rows = items.map((item) =>
        Object.fromEntries(
          GEOMETRY.filter((k) => shown(item, k)).map((k) => [
            k,
            typeof item[k] === "number" ? Math.round((item[k] as number) * 1e6) / 1e6 : String(item[k]),
          ]),
        ),
      );
      marks.push(rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
    }
    if (node.role === "axis-title" || node.role === "legend-title")
      for (const item of items) titles.push(String(item.text));
    for (const item of items) walk(item);
  };
  walk((view.scenegraph() as unknown as { root: Record<string, unknown> }).root);
  view.finalize();
  return { marks, titles: titles.sort() };
}
