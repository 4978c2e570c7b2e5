// The hostile case list: the six holes of issue 10 and the families of attacks that held.
import type { HostileCase } from "./run-case";
import { holeCases } from "./cases-holes";
import { sqlCases } from "./cases-sql";
import { codeCases } from "./cases-code";
import { pageCases } from "./cases-page";
import { frameCases } from "./cases-frame";

// What the threaded page changes: DuckDB's thread Workers, isolation headers on the page (frames, workers, fetch).
const threaded = (c: HostileCase): HostileCase => ({ ...c, threaded: true });
// The holes that reach the engine (3) or the code Worker (4, 6), and the Vega cases that fetch from a chart frame.
const reachesThreads = (c: HostileCase) => [3, 4, 6].includes(c.hole ?? 0) || c.name.startsWith("Vega");

/** Every hostile case, in the order the suite runs them. */
export const hostileCases: HostileCase[] = [
  ...holeCases.map((c) => (reachesThreads(c) ? threaded(c) : c)),
  ...sqlCases.map(threaded),
  ...codeCases.map(threaded),
  ...pageCases.map((c) => (reachesThreads(c) ? threaded(c) : c)),
  ...frameCases.map(threaded),
];
