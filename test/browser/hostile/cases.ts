// The hostile case list: the six holes of issue 10 and the families of attacks that held.
import type { HostileCase } from "./run-case";
import { holeCases } from "./cases-holes";
import { sqlCases } from "./cases-sql";
import { codeCases } from "./cases-code";
import { pageCases } from "./cases-page";
import { frameCases } from "./cases-frame";

// What the threaded page changes is DuckDB: its thread Workers and what they may fetch. Two cases aimed at the
// engine's ways out (a URL read, an extension fetch) run again there; both run in the same lane (suite.ts), so
// one lane pays the offline copy the isolated page needs. More would cost ~10 s each and push npm test past its budget;
// threads.test.ts records every request of a threaded page at work, and checks every worker is a blob:.
const threaded = (c: HostileCase): HostileCase => ({ ...c, threaded: true });
const reachesThreads = (c: HostileCase) =>
  c.name.startsWith("SQL: read_csv of http") || c.name.startsWith("SQL: LOAD and INSTALL");

/** Every hostile case, in the order the suite runs them. */
export const hostileCases: HostileCase[] = [
  ...holeCases,
  ...sqlCases.map((c) => (reachesThreads(c) ? threaded(c) : c)),
  ...codeCases,
  ...pageCases,
  ...frameCases,
];
