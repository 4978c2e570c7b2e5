// The pre-aggregates linked charts read, one temp table per chart cell: built once per result version and
// spec (in the background, queued once the chart's first draw has its rows), dropped when either changes or the
// chart stops linking or is deleted (a build still running is stopped), stopped by the user's Stop while building,
// and not kept when it would not be much smaller than the data. A chart with none runs its own plan over the raw rows.
import type { Engine } from "../engine/engine";
import type { LinkedSelection } from "./plan/linked";
import { planPreaggregate } from "./plan/preaggregate";
import type { ChartPlan, ChartSchema, Spec } from "./plan/types";

/** Data smaller than this is read raw: a scan of it costs less than keeping a pre-aggregate. */
export const PREAGGREGATE_MIN_ROWS = 10_000;

/** What a linked chart draws from: its data's version (any object, new when the data is), rows and schema. */
export interface LinkedData {
  readonly version: object;
  readonly rows: number;
  readonly schema: ChartSchema;
}

interface Entry {
  readonly version: object;
  readonly key: string;
  readonly table: Promise<string | undefined>;
  /** The build's own run: its queries carry this signal, so a cancel of it stops them and nothing else. */
  readonly build: AbortController;
  /** Set once the build has settled. */
  built: boolean;
}

const entries = new WeakMap<Engine, Map<string, Entry>>();
let made = 0;

/**
 * Draws chart cell `owner` for `linked` with `draw`: from its pre-aggregate when one serves and is built, else
 * from `plan` itself (whose rows are the raw rows filtered). The first draw for a data version and spec starts
 * the build once `draw` has settled, so the chart's own queries are not queued behind it.
 */
export async function drawLinked<T>(
  engine: Engine,
  owner: string,
  data: LinkedData,
  spec: Spec,
  linked: Readonly<Record<string, LinkedSelection>>,
  plan: ChartPlan,
  draw: (plan: ChartPlan) => Promise<T>,
): Promise<T> {
  const pre =
    plan.kind === "aggregated" && data.rows >= PREAGGREGATE_MIN_ROWS && planPreaggregate(spec, data.schema, linked);
  if (!pre) {
    dropPreaggregates(engine, (id) => id === owner);
    return draw(plan);
  }
  const selection = linked[pre.name];
  const { value: _, ...source } = selection;
  const key = JSON.stringify([data.schema.relation, spec, source]);
  const byOwner = entries.get(engine) ?? new Map<string, Entry>();
  entries.set(engine, byOwner);
  const entry = byOwner.get(owner);
  if (entry?.version === data.version && entry.key === key) {
    // A selection made while the build runs waits for it: the build is at most a scan of the raw rows.
    const table = await entry.table.catch(() => undefined);
    return draw(table ? pre.answer(table, selection, plan) : plan);
  }
  if (entry) drop(engine, entry);
  const name = `__clientbook_linked_${++made}`;
  // This run draws from the raw rows; the build is queued only once they are read (or the draw failed or was
  // stopped), so the first draw does not wait for it. The build is not the run's: a newer run of the chart over
  // the same data and spec (a brush moved) still wants it, so only its own signal stops it.
  const drawing = draw(plan);
  const controller = new AbortController();
  const after = () => build(engine, name, pre.build, data.rows, controller.signal);
  const table = drawing.then(after, after);
  const fresh: Entry = { version: data.version, key, table, build: controller, built: false };
  byOwner.set(owner, fresh);
  const settled = () => void (fresh.built = true);
  table.then(settled, () => {
    settled();
    if (byOwner.get(owner) === fresh) byOwner.delete(owner);
  });
  return drawing;
}

/** Drops the pre-aggregates of the chart cells `gone` says are gone (deleted, or no longer linked). */
export function dropPreaggregates(engine: Engine, gone: (owner: string) => boolean): void {
  const byOwner = entries.get(engine);
  for (const [owner, entry] of byOwner ?? []) {
    if (!gone(owner)) continue;
    byOwner!.delete(owner);
    drop(engine, entry);
  }
}

/**
 * Stops the pre-aggregate builds still running or waiting in the engine's queue (the user's Stop): their charts
 * build them again on their next run. Built ones are kept.
 */
export function stopPreaggregateBuilds(engine: Engine): void {
  dropPreaggregates(engine, (owner) => entries.get(engine)?.get(owner)?.built === false);
}

// A build still running or waiting when its chart changes is stopped; a built table is dropped.
function drop(engine: Engine, entry: Entry): void {
  if (!entry.built) {
    entry.build.abort(new Error("pre-aggregate no longer wanted"));
    void engine.cancel(entry.build.signal);
  }
  void entry.table.then((old) => (old ? engine.query(`DROP TABLE IF EXISTS ${old}`) : undefined)).catch(() => {});
}

async function build(
  engine: Engine,
  name: string,
  sql: string,
  rows: number,
  signal: AbortSignal,
): Promise<string | undefined> {
  // Stopped (or no longer wanted) before its turn: nothing was made.
  if (signal.aborted) throw signal.reason;
  try {
    await engine.query(`CREATE OR REPLACE TEMP TABLE ${name} AS ${sql}`, [], { signal });
    const count = await engine.query(`SELECT count(*) FROM ${name}`, [], { signal, quick: true });
    // Much more than a quarter of the data's rows: each selection would scan nearly as much as the raw rows.
    if (Number(count.column(0)[0]) * 4 <= rows) return name;
  } catch (error) {
    // Stopped after the table was made: it must not stay behind.
    await engine.query(`DROP TABLE IF EXISTS ${name}`).catch(() => undefined);
    throw error;
  }
  await engine.query(`DROP TABLE IF EXISTS ${name}`);
  return undefined;
}
