// `notebook run`: every example notebook, failures and their exit statuses, --data, --set, --encoding,
// --date-order, ts cells and charts; run in this process (see run-cli.ts), one case as a real process.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildRecipe } from "../../src/recipes/registry";
import { root, runCli, spawnCli } from "./run-cli";

const tmp = mkdtempSync(join(tmpdir(), "clientbook-cli-"));
// English messages, whatever the machine says.
const ENGLISH = { LC_ALL: "C.UTF-8" };

/** Runs the command line in this process, as `npm run notebook -- ...args` from the repository root would. */
const cli = (...args: string[]) => runCli(ENGLISH, ...args);

function write(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

interface Report {
  notebook: string;
  cells: {
    name: string | null;
    kind: string;
    status: string;
    error: { message: string; line?: number; column?: number } | null;
    columns: { name: string; type: string }[];
    rowCount: number;
    rows: Record<string, unknown>[];
    value: unknown;
    logs: string[];
  }[];
}
const readReport = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Report;

const notebooks = readdirSync(resolve(root, "notebooks")).filter((f) => f.endsWith(".md"));

describe("notebook run <file> (every file in notebooks/)", () => {
  it("finds the example notebooks", () => {
    expect(notebooks).toContain("customer-review.md");
  });

  it.each(notebooks)("runs notebooks/%s with its declared data and reports every cell", async (file) => {
    const out = join(tmp, `${file}.json`);
    const result = await cli("run", `notebooks/${file}`, "--json", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = readReport(out);
    expect(report.notebook).toBe(`notebooks/${file}`);
    const computing = report.cells.filter((c) => c.kind === "sql" || c.kind === "chart");
    expect(computing.length).toBeGreaterThan(0);
    for (const cell of computing) {
      expect([cell.name, cell.status, cell.error]).toEqual([cell.name, "done", null]);
      expect(cell.rowCount).toBeGreaterThan(0);
    }
    for (const cell of report.cells.filter((c) => c.kind === "ts" || c.kind === "input" || c.kind === "markdown")) {
      expect([cell.name, cell.status, cell.error]).toEqual([cell.name, "done", null]);
    }
    for (const cell of report.cells.filter((c) => c.kind === "sql")) {
      expect(cell.rows.length).toBe(Math.min(cell.rowCount, 1000));
      expect(cell.columns.length).toBeGreaterThan(0);
    }
  });
});

describe("notebook run customer-analysis.zh-CN.md (the Chinese example on the GBK CRM export)", () => {
  it("reads the GBK export as it is, names the eight RFM classes and finds the key account that stopped", async () => {
    const out = join(tmp, "zh.json");
    const result = await cli("run", "notebooks/customer-analysis.zh-CN.md", "--json", out);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toMatch(/loaded 订单明细 <- .*zh-orders\.csv \(4,328 rows\)/);
    const cells: Record<string, Report["cells"][number]> = Object.fromEntries(
      readReport(out).cells.map((c) => [c.name, c]),
    );
    expect(cells.analysis_date.rows[0]).toMatchObject({ 截止日期: "2025-06-30", 下单客户数: 331 });
    expect(cells.rfm_segments.rows.map((r) => r["客户类别"]).sort()).toEqual(
      [
        "重要价值客户",
        "重要发展客户",
        "重要保持客户",
        "重要挽留客户",
        "一般价值客户",
        "一般发展客户",
        "一般保持客户",
        "一般挽留客户",
      ].sort(),
    );
    expect(cells.pyramid.rows.map((r) => [r["金字塔层级"], r["客户数"]])).toEqual([
      ["铂金层", 3],
      ["黄金层", 13],
      ["铁层", 50],
      ["铅层", 265],
    ]);
    expect(cells.key_account_risk.rows[0]).toMatchObject({
      客户名称: "天津博远连锁超市股份有限公司",
      风险等级: "高风险",
    });
    expect(Number(cells.key_account_risk.rows[0]["变化率"])).toBeLessThan(-90);
  });
});

describe("notebook run customer-review.md", () => {
  it("writes names, kinds, columns with types, row counts and the first --limit rows", async () => {
    const out = join(tmp, "limited.json");
    const result = await cli("run", "notebooks/customer-review.md", "--json", out, "--limit", "2");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/top_customers\s+sql\s+20 rows/);
    const report = readReport(out);
    const monthly = report.cells.find((c) => c.name === "monthly_revenue")!;
    expect(monthly.kind).toBe("sql");
    expect(monthly.columns[0]).toEqual({ name: "month", type: "DATE" });
    expect(monthly.rowCount).toBe(30);
    expect(monthly.rows).toHaveLength(2);
    expect(monthly.rows[0].month).toBe("2023-01-01");
    const top = report.cells.find((c) => c.name === "top_customers")!;
    expect(top.rowCount).toBe(20);
    expect(report.cells.find((c) => c.name === "revenue_trend")).toMatchObject({
      kind: "chart",
      status: "done",
      rowCount: 30,
    });
  });
});

describe("notebook run (failures)", () => {
  it("exits 1 and names the failing cells on stderr, while other cells still run", async () => {
    const nb = write(
      "failing.md",
      "---\nnotebook: 1\n---\n\n```sql good\nSELECT 1 AS one\n```\n\n```sql bad\nSELECT one\nFROM missing_table\n```\n\n```sql later\nSELECT * FROM bad\n```\n",
    );
    const out = join(tmp, "failing.json");
    // The real entry point, as a process: its exit status, its two streams and the JSON file it writes.
    const result = await spawnCli(ENGLISH, "run", nb, "--json", out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/2 cells failed/);
    expect(result.stderr).toMatch(/bad \(line 2, column 6\): .*missing_table/);
    expect(result.stderr).toMatch(/later: depends on bad, which failed/);
    const report = readReport(out);
    expect(report.cells.map((c) => [c.name, c.status])).toEqual([
      ["good", "done"],
      ["bad", "error"],
      ["later", "error"],
    ]);
    expect(report.cells[1].error?.line).toBe(2);
  });

  it("exits 2 naming the table and the places tried when a declared data file is missing", async () => {
    const nb = write(
      "nodata.md",
      "---\nnotebook: 1\ndata:\n  ledger:\n    file: ledger-nowhere.csv\n---\n\n```sql n\nSELECT count(*) AS n FROM ledger\n```\n",
    );
    const result = await cli("run", nb);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Data file for table "ledger" not found/);
    expect(result.stderr).toContain(join(tmp, "ledger-nowhere.csv"));
    expect(result.stderr).toContain("--data ledger=<path>");
  });

  it("exits 2 for a --data path that does not exist", async () => {
    const result = await cli("run", "notebooks/customer-review.md", "--data", "orders=nope/orders.csv");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"orders" not found.*nope\/orders\.csv/);
  });

  it("exits 2 for a missing notebook and for an unreadable one, with the line", async () => {
    const missing = await cli("run", "notebooks/does-not-exist.md");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Notebook not found: notebooks\/does-not-exist\.md/);
    const broken = write("broken.md", "---\nnotebook: 1\ntitle: [unclosed\n---\n\n# Hi\n");
    const unreadable = await cli("run", broken);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/broken\.md:\d+: /);
  });

  it("exits 2 with usage help for bad arguments and 0 for --help", async () => {
    const bad = await cli("run", "notebooks/customer-review.md", "--limit", "many");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--limit takes a whole number/);
    const help = await cli("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: npm run notebook -- run <notebook.md>/);
  });
});

describe("notebook run --data", () => {
  it("loads --data files over the declared ones and adds undeclared tables", async () => {
    const nb = write(
      "override.md",
      "---\nnotebook: 1\ndata:\n  orders:\n    file: orders.csv\n---\n\n```sql counts\nSELECT (SELECT count(*) FROM orders) AS orders_n, (SELECT count(*) FROM extra) AS extra_n\n```\n",
    );
    const small = write("few-orders.csv", "order_id,amount\nA,1\nB,2\n");
    const out = join(tmp, "override.json");
    const result = await cli(
      "run",
      nb,
      "--data",
      `orders=${small}`,
      "--data",
      "extra=public/notebooks/customers.csv",
      "--json",
      out,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readReport(out).cells[0].rows).toEqual([{ orders_n: 2, extra_n: 1200 }]);
  });
});

describe("notebook run: a recipe on a cell's result", () => {
  it("loads only files, runs the SQL cell first and the recipe on its rows (roles saved under the cell's name)", async () => {
    write(
      "lines.csv",
      "CustomerID,InvoiceDate,Quantity,UnitPrice,cancelled\na,2024-01-05,10,5,false\na,2024-02-01,2,10,false\n" +
        "b,2024-01-10,1,100,false\nc,2024-01-12,3,4,false\nc,2024-02-03,5,20,true\nd,2024-02-10,1,1,false\n",
    );
    const roles = { customer_id: "CustomerID", date: "InvoiceDate", amount: "amount" };
    const recipe = buildRecipe("abc", { tables: { transactions: { table: "clean", roles } }, name: "abc" });
    const cells = recipe.map((c) => {
      const attrs = Object.entries(c.attrs ?? {}).map(([k, v]) => ` ${k}=${v}`);
      return "```" + `${c.kind} ${c.name}${attrs.join("")}\n${c.source}` + "```\n";
    });
    const nb = write(
      "on-result.md",
      "---\nnotebook: 1\ndata:\n  lines: { file: lines.csv }\n  clean:\n    roles:\n" +
        Object.entries(roles)
          .map(([r, c]) => `      ${r}: ${c}\n`)
          .join("") +
        "---\n\n```sql clean\nSELECT *, Quantity * UnitPrice AS amount FROM lines WHERE NOT cancelled\n```\n\n" +
        cells.join("\n"),
    );
    const out = join(tmp, "on-result.json");
    const result = await cli("run", nb, "--json", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const abc = readReport(out).cells.find((c) => c.name === "abc");
    // Net of the cancelled line: b 100, a 70, c 12, d 1 (as test/session/recipe-on-cell.test.ts works out).
    expect(abc?.rows.map((r) => [r.customer_id, Number(r.revenue), r.class])).toEqual([
      ["b", 100, "A"],
      ["a", 70, "A"],
      ["c", 12, "B"],
      ["d", 1, "C"],
    ]);
  });
});

describe("notebook run with ts and input cells", () => {
  const cellOf = (report: Report, name: string) => report.cells.find((c) => c.name === name)!;

  it("runs notebooks/live-inputs.md with --set overriding inputs, typed by their spec", async () => {
    const out = join(tmp, "live-set.json");
    const result = await cli(
      "run",
      "notebooks/live-inputs.md",
      "--set",
      "min_orders=30",
      "--set",
      "via=Partner",
      "--json",
      out,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = readReport(out);
    expect(cellOf(report, "min_orders").value).toBe(30);
    expect(cellOf(report, "via").value).toBe("Partner");
    const loyal = cellOf(report, "loyal");
    expect(loyal.rows.every((r) => (r.n_orders as number) >= 30)).toBe(true);
    expect(typeof cellOf(report, "total").value).toBe("number");
    expect(cellOf(report, "tiers").columns.map((c) => c.name)).toEqual(["customer_id", "revenue", "tier"]);
    const prose = report.cells.find(
      (c) => c.kind === "markdown" && typeof c.value === "string" && c.value.includes("With at least"),
    );
    expect(prose?.value).toContain("With at least 30 orders through Partner");
  });

  it("refuses --set for an unknown input or an invalid value", async () => {
    const unknown = await cli("run", "notebooks/live-inputs.md", "--set", "nope=1");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no input cell is named nope (inputs: min_orders, via)");
    const bad = await cli("run", "notebooks/live-inputs.md", "--set", "min_orders=500");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Cannot set min_orders: The value 500 is outside the allowed range \(1 to 40\)/);
  });

  it("reports a ts error at its source line and keeps fetch, require and process out of reach", async () => {
    const path = write(
      "ts-cells.md",
      [
        "```ts probe",
        "return [typeof fetch, typeof require, typeof process, typeof setTimeout].join(',')",
        "```",
        "",
        "```ts broken",
        "const a: number = 1;",
        "return (null as any).field + a;",
        "```",
        "",
      ].join("\n"),
    );
    const out = join(tmp, "ts-cells.json");
    const result = await cli("run", path, "--json", out);
    expect(result.code).toBe(1);
    const report = readReport(out);
    expect(cellOf(report, "probe").value).toBe("undefined,undefined,undefined,undefined");
    expect(cellOf(report, "broken").error).toMatchObject({ line: 2, message: expect.stringMatching(/TypeError/) });
    // Said in words, with JavaScript's own text kept after them.
    expect(result.stderr).toMatch(
      /broken \(line 2, column \d+\): the code reads “field” of null.*\(TypeError: Cannot read properties of null/,
    );
  });

  it("writes a ts cell's log lines to the JSON report and prints them indented under the cell's line", async () => {
    const path = write(
      "ts-logs.md",
      [
        "```ts talk",
        "log('hello', 1);",
        "log('<b>x</b>');",
        "return 2",
        "```",
        "",
        "```ts quiet",
        "return 3",
        "```",
        "",
      ].join("\n"),
    );
    const out = join(tmp, "ts-logs.json");
    const result = await cli("run", path, "--json", out);
    expect(result.code).toBe(0);
    const report = readReport(out);
    expect(cellOf(report, "talk").logs).toEqual(["hello 1", "<b>x</b>"]);
    expect(cellOf(report, "quiet").logs).toEqual([]);
    const lines = result.stdout.split("\n");
    const at = lines.findIndex((l) => /^ok\s+talk\s/.test(l));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines.slice(at + 1, at + 3)).toEqual(["       | hello 1", "       | <b>x</b>"]);
    expect(lines[at + 3]).toMatch(/^ok\s+quiet\s/);
  });
});

describe("notebook run: load warnings and --encoding", () => {
  const nb = () => write("sjis.md", "---\nnotebook: 1\n---\n\n```sql listing\nSELECT * FROM people\n```\n");
  // A title line above a Shift-JIS table (顧客番号,氏名,住所,購入金額 and five customers).
  const sjis = () => {
    const path = join(tmp, "people-sjis.csv");
    const table = readFileSync(resolve(root, "test/engine/load/encodings/ja.shift_jis.csv"));
    writeFileSync(path, Buffer.concat([Buffer.from("Customer list 2024\n"), table]));
    return path;
  };

  it("prints the data panel's warnings under the loaded table and detects Shift-JIS", async () => {
    const out = join(tmp, "sjis.json");
    const result = await cli("run", nb(), "--data", `people=${sjis()}`, "--json", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    const loaded = lines.findIndex((l) => l.startsWith("loaded people <- "));
    expect(lines[loaded]).toMatch(/\(5 rows\)$/);
    expect(lines.slice(loaded + 1, loaded + 3)).toEqual([
      '       ! The first line was skipped as a title or notes above the table ("Customer list 2024").',
      "       ! Decoded from shift_jis; change the encoding if the text looks wrong.",
    ]);
    expect(readReport(out).cells[0].columns.map((c) => c.name)).toEqual(["顧客番号", "氏名", "住所", "購入金額"]);
  });

  it("reads the file in the encoding --encoding names, and refuses one for a table that is not loaded", async () => {
    const result = await cli("run", nb(), "--data", `people=${sjis()}`, "--encoding", "people=latin1");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("       ! Decoded from windows-1252; change the encoding if the text looks wrong.");
    const stray = await cli("run", nb(), "--data", `people=${sjis()}`, "--encoding", "orders=gbk");
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain("--encoding orders: no table orders is loaded (tables: people).");
  });
});

describe("notebook run: --date-order", () => {
  const nb = () =>
    write("dates.md", "---\nnotebook: 1\n---\n\n```sql signed\nSELECT strftime(d, '%Y-%m-%d') AS d FROM deals\n```\n");
  const deals = () => write("deals.csv", "id,d\n1,03/04/2024\n2,05/06/2024\n");

  it("warns when every date reads both ways, reads them month first with mdy, refuses a stray table", async () => {
    const guessed = await cli("run", nb(), "--data", `deals=${deals()}`);
    expect(guessed.code).toBe(0);
    expect(guessed.stdout).toMatch(/ {7}! Column "d": every date reads both day first and month first; it was read as/);
    const out = join(tmp, "dates.json");
    const chosen = await cli("run", nb(), "--data", `deals=${deals()}`, "--date-order", "deals=mdy", "--json", out);
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).not.toContain("every date reads both");
    expect(readReport(out).cells[0].rows).toEqual([{ d: "2024-03-04" }, { d: "2024-05-06" }]);
    const stray = await cli("run", nb(), "--data", `deals=${deals()}`, "--date-order", "orders=dmy");
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain("--date-order orders: no table orders is loaded (tables: deals).");
  });
});

describe("notebook run (charts in the JSON report)", () => {
  it("gives each chart cell the spec as drawn with the rows it received: exact counts, a stated sample", async () => {
    const count = JSON.stringify({ mark: "bar", encoding: { x: { field: "k" }, y: { aggregate: "count" } } });
    const scatter = JSON.stringify({ mark: "point", encoding: { x: { field: "id" }, y: { field: "k" } } });
    const data = "SELECT range AS id, 'k' || (range % 5) AS k FROM range(200000)";
    const text =
      "---\nnotebook: 1\n---\n\n```sql pts\n" +
      data +
      "\n```\n\n" +
      "```chart by_k data=pts\n" +
      count +
      "\n```\n\n```chart dots data=pts\n" +
      scatter +
      "\n```\n";
    const out = join(tmp, "charts.json");
    const result = await cli("run", write("charts.md", text), "--json", out);
    expect(result.code).toBe(0);
    type Chart = { rowCount: number; spec: { data: { values: { k: string; __count: number }[] } }; note?: string };
    const cells = readReport(out).cells as unknown as (Chart & { name: string })[];
    const byK = cells.find((c) => c.name === "by_k")!;
    expect(byK.rowCount).toBe(5);
    expect(byK.spec.data.values).toEqual(["k0", "k1", "k2", "k3", "k4"].map((k) => ({ k, __count: 40000 })));
    expect(byK.note).toBeUndefined();
    const dots = cells.find((c) => c.name === "dots")!;
    expect(dots.rowCount).toBe(5000);
    expect(dots.spec.data.values).toHaveLength(5000);
    expect(dots.note).toMatch(/^The data has 200,000 rows, .* a deterministic sample of 5,000 rows/);
  });
});
