// The hostile case list: the six holes of issue 10 and the families of attacks that held.
import type { HostileCase } from "./run-case";
import { holeCases } from "./cases-holes";
import { sqlCases } from "./cases-sql";
import { codeCases } from "./cases-code";
import { pageCases } from "./cases-page";
import { frameCases } from "./cases-frame";

/** Every hostile case, in the order the suite runs them. */
export const hostileCases: HostileCase[] = [...holeCases, ...sqlCases, ...codeCases, ...pageCases, ...frameCases];
