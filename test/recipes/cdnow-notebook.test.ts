// notebooks/cdnow-clv.md through the command line (native DuckDB, Node code runner): the published
// BG/NBD and Gamma-Gamma fits at their printed precision, per-customer values and the holdout chart.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../cli/run-cli";

const tmp = mkdtempSync(join(tmpdir(), "clientbook-cdnow-"));

interface Cell {
  name: string | null;
  kind: string;
  status: string;
  error: unknown;
  rowCount: number;
  rows: Record<string, number | string>[];
  value: unknown;
}

/** Runs the notebook with the CLI (in this process, see run-cli.ts) and returns its JSON report (and the exit code). */
async function run(...extra: string[]): Promise<{ code: number; stderr: string; cells: Cell[] }> {
  const out = join(tmp, `report-${extra.length}.json`);
  const { code, stderr } = await runCli({}, "run", "notebooks/cdnow-clv.md", "--json", out, ...extra);
  return { code, stderr, cells: code === 0 ? (JSON.parse(readFileSync(out, "utf8")) as { cells: Cell[] }).cells : [] };
}

const round = (v: unknown, digits: number) => Number((v as number).toFixed(digits));

describe("notebooks/cdnow-clv.md", () => {
  it("reproduces the published BG/NBD and Gamma-Gamma fits with --data orders=<cdnowElog.csv>", async () => {
    const { code, stderr, cells } = await run("--data", "orders=public/notebooks/cdnowElog.csv");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const cell = (name: string) => cells.find((c) => c.name === name)!;
    for (const c of cells) expect([c.name, c.status, c.error]).toEqual([c.name, "done", null]);

    const input = cell("calibration_end");
    expect(input.kind).toBe("input");
    expect(input.value).toBe("1997-09-30");

    const bgnbd = cell("bgnbd");
    expect(bgnbd.rowCount).toBe(1);
    expect(Object.keys(bgnbd.rows[0])).toEqual(["r", "alpha", "a", "b", "loglik"]);
    const { r, alpha, a, b, loglik } = bgnbd.rows[0];
    expect([round(r, 3), round(alpha, 3), round(a, 3), round(b, 3), round(loglik, 1)]).toEqual([
      0.243, 4.414, 0.793, 2.426, -9582.4,
    ]);

    const gg = cell("gamma_gamma");
    expect(gg.rowCount).toBe(1);
    expect(Object.keys(gg.rows[0])).toEqual(["p", "q", "gamma"]);
    expect([round(gg.rows[0].p, 2), round(gg.rows[0].q, 2), round(gg.rows[0].gamma, 2)]).toEqual([6.25, 3.74, 15.44]);

    // Per customer: 2,357 customers with P(alive) in [0, 1], expected purchases >= 0 and CLV.
    const values = cell("customer_value");
    expect(values.rowCount).toBe(2357);
    for (const row of values.rows) {
      expect(row.p_alive as number).toBeGreaterThanOrEqual(0);
      expect(row.p_alive as number).toBeLessThanOrEqual(1);
      expect(row.expected_purchases as number).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(row.clv)).toBe(true);
    }
    // Customers without repeat purchases are certainly alive under BG/NBD; nobody else is.
    expect(values.rows.filter((row) => row.x === 0).every((row) => row.p_alive === 1)).toBe(true);

    // The conditional expectation of the paper, quoted in the prose.
    const prose = cells
      .filter((c) => c.kind === "markdown")
      .map((c) => String(c.value))
      .join("\n");
    expect(prose).toMatch(/expected to make\s+1\\\.226 repeat purchases/);

    // Holdout chart: 78 weeks, actual and predicted, the actual total = all repeat purchases (6,696 merged - 2,357 first).
    const holdout = cell("holdout");
    expect(holdout.rowCount).toBe(156);
    const last = holdout.rows.filter((row) => row.week === 78);
    expect(last.find((row) => row.series === "actual")!.repeat_purchases).toBe(4339);
    expect(holdout.rows.filter((row) => row.period === "calibration").length).toBe(78);
    const predicted = last.find((row) => row.series !== "actual")!.repeat_purchases as number;
    expect(Math.abs(predicted - 4339) / 4339).toBeLessThan(0.1);
    expect(cell("holdout_chart")).toMatchObject({ kind: "chart", status: "done", rowCount: 156 });
  }, 120_000);

  it("finds cdnowElog.csv without --data (next to the notebook, then public/notebooks)", async () => {
    const { code, cells } = await run();
    expect(code).toBe(0);
    expect(round(cells.find((c) => c.name === "bgnbd")!.rows[0].r, 3)).toBe(0.243);
  }, 120_000);
});
