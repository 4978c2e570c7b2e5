// Parameters written in as literals: only values of a closed alphabet (finite numbers, booleans, null, strict ISO
// dates and timestamps, decimal text, +-infinity) are; any other text keeps the statement bound. On real
// duckdb-wasm: the same rows as bound, one round trip without a prepare, error positions in the SQL sent, and a
// value that tries to carry SQL stays a bound value (the table it names survives).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/engine/engine";
import { inlineLiterals, literalOf } from "../../../src/engine/wasm/literals";
import { wasmEngineInNode } from "../wasm-node";

describe("literalOf(value)", () => {
  it("writes numbers, booleans and null typed as duckdb-wasm binds them", () => {
    expect([7, -3, 1.5, 1e21, true, false, null].map(literalOf)).toEqual([
      "(7::BIGINT)",
      "(-3::BIGINT)",
      "(1.5::DOUBLE)",
      "(1e+21::DOUBLE)",
      "TRUE",
      "FALSE",
      "NULL",
    ]);
    expect([NaN, Infinity, -Infinity].map(literalOf)).toEqual([undefined, undefined, undefined]);
  });

  it("quotes strict ISO dates and timestamps, decimal text and infinity, and nothing else", () => {
    const safe = ["2024-02-29", "2024-02-29T10:11:12.345Z", "2024-02-29 10:11", "-12.5", "3e-4", "-infinity"];
    expect(safe.map(literalOf)).toEqual(safe.map((v) => `'${v}'`));
    const unsafe = [
      "2024-02-29'",
      "2024-02-29\n",
      "2024-2-29",
      "2024-02-29; DROP TABLE t",
      "2024-02-29' OR '1'='1",
      "1 OR 1=1",
      "12.5 --",
      "abc",
      "",
      "Infinity'",
      "2024-02-29T10:11:12.345Z/*",
    ];
    expect(unsafe.map(literalOf)).toEqual(unsafe.map(() => undefined));
  });
});

describe("inlineLiterals(sql, params)", () => {
  it("writes every placeholder outside strings, quoted names and comments, and keeps the edits", () => {
    const sql = `SELECT '?', "a?b", ? -- ?\n/* ? */ + ?`;
    const out = inlineLiterals(sql, [1, "2024-01-01"]);
    expect(out?.sql).toBe(`SELECT '?', "a?b", (1::BIGINT) -- ?\n/* ? */ + '2024-01-01'`);
    expect(out?.count).toBe(2);
  });

  it("keeps the statement bound when one value is other text, or the SQL holds escapes or dollar quotes", () => {
    expect(inlineLiterals("SELECT ?, ?", [1, "x"])).toBeUndefined();
    expect(inlineLiterals("SELECT E'\\'?', ?", [1, 2])).toBeUndefined();
    expect(inlineLiterals("SELECT $$?$$, ?", [1, 2])).toBeUndefined();
    // As many placeholders as values, or none are written.
    expect(inlineLiterals("SELECT ?, ?", [1])).toBeUndefined();
  });
});

describe("engineOnDuckDB(db) with literal-safe parameters", () => {
  const requests: string[] = [];
  let engine: Engine;
  beforeAll(async () => {
    engine = await wasmEngineInNode((type) => requests.push(type));
    await engine.query(
      "CREATE TABLE victims AS SELECT DATE '2024-01-01' + i::INTEGER AS d, i, 'v' || i AS s FROM range(100) t(i)",
    );
  });
  afterAll(() => engine?.close());

  async function requestsOf(work: () => Promise<unknown>): Promise<string[]> {
    requests.length = 0;
    await work();
    return [...requests];
  }
  const rows = async (sql: string, params: unknown[]) =>
    (await engine.query(sql, params as never, { quick: true })).rows().map((r) => ({ ...r }));

  it("gives the rows the bound values give, in one round trip without a prepare", async () => {
    const between = "SELECT count(*) AS n FROM victims WHERE d BETWEEN [?, ?][1]::DATE AND [?, ?][2]::DATE";
    const bounds = ["2024-01-11", "2024-01-20", "2024-01-11", "2024-01-20"];
    expect(await rows(between, bounds)).toEqual([{ n: 10 }]);
    expect(await requestsOf(() => rows(between, bounds))).toEqual(["RUN_QUERY"]);
    const kinds = "SELECT ? AS a, ? AS b, ? AS c, ? AS d, 'q' || ? || 'q' AS e, ?::TIMESTAMP AS f, ?::DOUBLE AS g";
    const values = [1.5, true, null, "2024-02-29", 7, "2024-01-02T03:04:05", "-infinity"];
    expect(await rows(kinds, values)).toEqual([
      { a: 1.5, b: true, c: null, d: "2024-02-29", e: "q7q", f: Date.UTC(2024, 0, 2, 3, 4, 5), g: -Infinity },
    ]);
    // With one text value among them, everything stays bound: the same rows from a prepared statement.
    const mixed = await requestsOf(async () =>
      expect(await rows(`${kinds}, ? AS h`, [...values, "x"])).toEqual([
        { a: 1.5, b: true, c: null, d: "2024-02-29", e: "q7q", f: Date.UTC(2024, 0, 2, 3, 4, 5), g: -Infinity, h: "x" },
      ]),
    );
    expect(mixed).toContain("CREATE_PREPARED");
  });

  it("keeps a value that carries SQL bound: it arrives as text and the table it names survives", async () => {
    const attacks = [
      "2024-01-01'; DROP TABLE victims; --",
      "2024-01-01' OR '1'='1",
      "1; DROP TABLE victims",
      "2024-1-1') OR TRUE --",
      "2024-01-01\n; DROP TABLE victims",
    ];
    for (const attack of attacks) {
      const made = await requestsOf(async () =>
        expect(await rows("SELECT ? AS v, (SELECT count(*) FROM victims WHERE s = ?) AS n", [attack, attack])).toEqual([
          { v: attack, n: 0 },
        ]),
      );
      expect(made).toContain("RUN_PREPARED");
      expect(made).not.toContain("RUN_QUERY");
    }
    expect(await rows("SELECT count(*) AS n FROM victims", [])).toEqual([{ n: 100 }]);
    // A date that is not strict ISO is bound too, and DuckDB refuses what is not a date at all.
    await expect(engine.query("SELECT ?::DATE AS d", ["2024-13-01; DROP TABLE victims"])).rejects.toThrow(/2024-13-01/);
    expect(await rows("SELECT ?::DATE AS d", ["2024-1-2"])).toEqual([{ d: Date.UTC(2024, 0, 2) }]);
  });

  it("points an error at the SQL sent, not the literal written in", async () => {
    const sql = "SELECT ? AS a, ? AS b, nope FROM victims";
    const error = await engine.query(sql, [123456789, "2024-01-01"]).catch((e: unknown) => e);
    expect((error as { position?: number }).position).toBe(sql.indexOf("nope"));
  });
});
