// The bench's parts over the engine-side measurement modules: the loader's phases and memory
// (bench-load.ts), one thread against duckdb-wasm's threaded bundle (bench-threads.ts), and repeat
// visits that draw the last run's charts before the engine (bench-repeat-visit.ts).
import { benchLoad } from "./bench-load";
import type { Part } from "./bench-part";
import { benchRepeatVisit } from "./bench-repeat-visit";
import { median, ms, seconds, type Row } from "./bench-table";
import { benchThreads } from "./bench-threads";

const round = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : "-");

/** Each load's phases (seconds), its longest main-thread stall and the memory line it left. */
export const loadPhasesPart: Part = {
  name: "phases",
  about: "where a load's time goes (plan, read_csv, dates, money, profile, parquet) and DuckDB's memory after it",
  async run(ctx) {
    const result = await benchLoad({ rows: ctx.rows, dist: ctx.dist() });
    return result.timings.map((t): Row => {
      const phases = Object.entries(t.phases ?? {})
        .map(([name, s]) => `${name} ${round(s)}`)
        .join(", ");
      const extra = [
        phases && `phases (s): ${phases}`,
        t.stallMs !== undefined && `stall ${ms(t.stallMs)}`,
        t.peakMiB !== undefined && `peak ${Math.round(t.peakMiB)} MiB (idle ${Math.round(t.idleMiB ?? 0)})`,
        t.memoryLine && `"${t.memoryLine}"`,
      ].filter(Boolean);
      return { measure: t.what, clientbook: [seconds(t.seconds * 1000), ...extra].join("; ") };
    });
  },
};

/** The same load and recipes on one thread (eh) and on duckdb-wasm's threaded bundle (coi). */
export const threadsPart: Part = {
  name: "threads",
  about: "engine start, a 1M-row load and recipes on one thread against the threaded bundle (bench-threads.ts)",
  async run(ctx) {
    const b = await benchThreads({ dist: ctx.dist(), orders: ctx.rows, log: ctx.log });
    const row = (measure: string, one: number | null, many: number | null): Row => ({
      measure,
      clientbook: many === null ? "failed" : `${ms(many)} (${b.threaded.bundle}, ${b.threaded.threads} threads)`,
      peers: { "one thread": one === null ? "failed" : `${ms(one)} (${b.single.bundle})` },
      ratios: one && many ? [{ value: many, of: one, label: "one thread" }] : [],
    });
    return [
      row("engine ready", b.single.engineMs, b.threaded.engineMs),
      row("load orders CSV", b.single.loadMs, b.threaded.loadMs),
      ...Object.keys(b.single.recipes).map((id) => row(`recipe ${id}`, b.single.recipes[id], b.threaded.recipes[id])),
    ];
  },
};

/** First and repeat visits of the example notebook: readable, the first chart (kept or fresh), engine ready. */
export const repeatVisitPart: Part = {
  name: "repeat",
  about: "repeat visits: the last run's chart drawn before the engine (bench-repeat-visit.ts)",
  async run(ctx) {
    const n = await benchRepeatVisit(ctx.dist(), { visits: 3 });
    const keys = ["readable", "firstChart", "engineReady", "freshChart"] as const;
    return keys.map((key): Row => {
      const repeats = n.repeats.map((r) => r[key]);
      return {
        measure: `${key} (from navigation)`,
        clientbook: `repeat median ${ms(median(repeats))}; first visit ${ms(n.first[key])}`,
        goal: key === "firstChart" ? "1.0 s repeat, 2.5 s first" : undefined,
        ratios: key === "firstChart" ? [{ value: median(repeats), of: 1000, label: "1.0 s" }] : [],
      };
    });
  },
};
