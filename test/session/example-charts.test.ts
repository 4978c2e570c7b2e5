import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { compile } from "vega-lite";
import { afterAll } from "vitest";
import { nodeCodeRunner } from "../../src/sandbox-node/node-runner";
import { root, sample, sessionWith } from "./helpers";

const runner = nodeCodeRunner();
afterAll(() => runner.close());

const notebooks = readdirSync(resolve(root, "notebooks")).filter((f) => f.endsWith(".md"));

describe("bindChartData(spec, table) on the example notebooks", () => {
  it.each(notebooks)("gives notebooks/%s charts that Vega-Lite compiles without warnings", async (file) => {
    const { session, close } = await sessionWith(readFileSync(resolve(root, "notebooks", file), "utf8"), {
      runner,
      liveDelayMs: false,
    });
    try {
      for (const [table, source] of Object.entries(session.getState().notebook.frontMatter.data)) {
        await session.loadFile(sample(source.file!), { table });
      }
      await session.runAll();
      // Chart cells, and ts cells that returned a Vega-Lite spec.
      const charts = session.getState().cells.filter((c) => c.cell.kind === "chart" || c.output?.type === "chart");
      for (const chart of charts) {
        expect([chart.cell.name, chart.status, chart.error]).toEqual([chart.cell.name, "done", undefined]);
        if (chart.output?.type !== "chart") throw new Error(`${chart.cell.name} drew nothing`);
        const warnings: string[] = [];
        const logger = {
          level: () => logger,
          warn: (...a: unknown[]) => (warnings.push(a.join(" ")), logger),
          info: () => logger,
          debug: () => logger,
          error: (...a: unknown[]) => (warnings.push(a.join(" ")), logger),
        };
        compile(chart.output.spec as never, { logger: logger as never });
        expect([chart.cell.name, warnings]).toEqual([chart.cell.name, []]);
      }
    } finally {
      await close();
    }
  });
});
