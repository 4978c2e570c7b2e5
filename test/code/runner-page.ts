// The page script of the Chromium runner contract: the real browser CodeRunner (sandbox frame, code
// Workers, channels), driven by the test through `window.clientbookContract`.
import { sandboxRunner } from "../../src/sandbox/sandbox-runner";
import type { CodeRequest } from "../../src/code/runner";
import { runOutcome, type Ending } from "./runner-outcome";

const dropped: string[] = [];
const runner = sandboxRunner({ onDropped: (text) => dropped.push(text) });

(window as unknown as { clientbookContract: unknown }).clientbookContract = {
  run: (request: CodeRequest, ending: Ending = "none") => runOutcome(runner, request, ending),
  dropped: () => [...dropped],
};
