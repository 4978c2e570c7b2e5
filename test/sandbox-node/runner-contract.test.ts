// The CodeRunner contract (test/code/contract.ts) on the Node runner.
import { afterAll } from "vitest";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import { describeRunnerContract } from "../code/contract";
import { runOutcome } from "../code/runner-outcome";

const runner = nodeCodeRunner({ timeoutMs: 20_000 });
afterAll(() => runner.close());

describeRunnerContract("nodeCodeRunner", () => ({ run: (request, ending) => runOutcome(runner, request, ending) }));
