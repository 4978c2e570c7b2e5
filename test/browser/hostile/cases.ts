// The hostile case list: the six holes of issue 10 and the families of attacks that held.
import type { HostileCase } from "./run-case";
import { holeCases } from "./cases-holes";
import { sqlCases } from "./cases-sql";
import { codeCases } from "./cases-code";
import { pageCases } from "./cases-page";
import { frameCases } from "./cases-frame";

// What the threaded page changes is DuckDB: its thread Workers and the files they reach. So the cases aimed at the
// engine (the SQL families and hole 3's paths) run again there, plus one for a Worker under the isolation headers;
// the rest (Markdown, frames, links) meet the same page code either way, and every threaded run costs ~8 s.
const threaded = (c: HostileCase): HostileCase => ({ ...c, threaded: true });
const reachesThreads = (c: HostileCase) => c.hole === 3 || c.name === "ts cell: a nested Worker";

/** Every hostile case, in the order the suite runs them. */
export const hostileCases: HostileCase[] = [
  ...holeCases.map((c) => (reachesThreads(c) ? threaded(c) : c)),
  ...sqlCases.map(threaded),
  ...codeCases.map((c) => (reachesThreads(c) ? threaded(c) : c)),
  ...pageCases,
  ...frameCases,
];
