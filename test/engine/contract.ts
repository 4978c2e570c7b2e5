// The Engine contract: one suite every engine implementation must pass (native DuckDB in Node, the
// duckdb-wasm engine on real wasm). Covers queries, types, errors, listing, cancelling and loading.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { cellResult } from "../../src/code/cell-result";
import { EngineError, tableNameFor, type Engine, type LoadProgress } from "../../src/engine/engine";
import { moneyColumns } from "../../src/messages/engine";
import { fileSourceFromPath } from "../../src/engine/node-file";
import { bigField, writeFixtures } from "./fixtures";
import { fileSystemContract } from "./file-system";

/** Registers the contract suite for the engine made by `makeEngine`. */
export function engineContract(label: string, makeEngine: () => Promise<Engine>): void {
  describe(`Engine contract: ${label}`, () => {
    let engine: Engine;
    let dir: string;
    const file = (name: string) => fileSourceFromPath(join(dir, name));
    const load = (name: string, table: string, encoding?: string) =>
      engine.loadFile(file(name), table, encoding ? { encoding } : {});
    const one = async (sql: string) => (await engine.query(sql)).rows()[0];

    beforeAll(async () => {
      [engine, dir] = await Promise.all([makeEngine(), writeFixtures()]);
    });
    afterAll(async () => {
      await engine?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    describe("query(sql, params)", () => {
      it("binds ? parameters as values, so SQL in a value is harmless", async () => {
        await engine.query("CREATE TABLE victims AS SELECT 1 AS id");
        const evil = "'; DROP TABLE victims; --";
        const result = await engine.query("SELECT ? AS s, ? + 1 AS n, ? AS b, ? AS nothing", [evil, 41, true, null]);
        expect(result.rows()[0]).toEqual(
          Object.assign(Object.create(null), { s: evil, n: 42, b: true, nothing: null }),
        );
        expect(await one("SELECT count(*) AS n FROM victims")).toMatchObject({ n: 1 });
        const many = await engine.query("SELECT i FROM range(?) t(i) WHERE i % ? = 0", [300000, 3]);
        expect(many.numRows).toBe(100000);
        expect(many.column(0)[99999]).toBe(299997);
      });

      it("reads a quick query as a streamed one: the same rows, types and errors", async () => {
        const sql = "SELECT i, DATE '2024-01-01' + i::INTEGER AS d, 'r' || i AS s FROM range(?) t(i) WHERE i % ? = 0";
        const streamed = await engine.query(sql, [5000, 7]);
        const quick = await engine.query(sql, [5000, 7], { quick: true });
        expect(quick.columns).toEqual(streamed.columns);
        expect(quick.rows()).toEqual(streamed.rows());
        expect(quick.numRows).toBe(715);
        const plain = "SELECT 'x' AS s, 2.5 AS n FROM range(3)";
        expect((await engine.query(plain, [], { quick: true })).rows()).toEqual((await engine.query(plain)).rows());
        const bad = engine.query("SELECT nope FROM range(?)", [1], { quick: true });
        await expect(bad).rejects.toBeInstanceOf(EngineError);
        await expect(engine.query("SELECT 1; SELECT 2", [], { quick: true })).rejects.toBeInstanceOf(EngineError);
      });

      it("runs the same parameterised SQL over a replaced table: new columns, its errors, rows again", async () => {
        const sql = "SELECT * FROM swapped WHERE a >= ?";
        await engine.query("CREATE OR REPLACE TEMP TABLE swapped AS SELECT range AS a FROM range(5)");
        expect((await engine.query(sql, [3])).rows().map((r) => ({ ...r }))).toEqual([{ a: 3 }, { a: 4 }]);
        await engine.query("CREATE OR REPLACE TEMP TABLE swapped AS SELECT range AS a, 'x' AS b FROM range(3)");
        expect((await engine.query(sql, [2])).rows().map((r) => ({ ...r }))).toEqual([{ a: 2, b: "x" }]);
        await engine.query("DROP TABLE swapped");
        await expect(engine.query(sql, [0])).rejects.toThrow(/swapped/);
        await engine.query("CREATE TEMP TABLE swapped AS SELECT range * 10 AS a FROM range(3)");
        expect((await engine.query(sql, [10], { quick: true })).rows().map((r) => ({ ...r }))).toEqual([
          { a: 10 },
          { a: 20 },
        ]);
      });

      it("returns dates and timestamps as epoch ms, bigints and decimals as numbers, nulls as null", async () => {
        const result = await engine.query(
          `SELECT DATE '2024-03-01' AS d, TIMESTAMP '2024-03-01 12:30:00' AS ts, 12345678901234::BIGINT AS big,
                  12.34::DECIMAL(10,2) AS dec, 2::HUGEINT AS huge, NULL::INTEGER AS missing, 'x' AS s, 1.5::DOUBLE AS dbl`,
        );
        expect(result.rows()[0]).toMatchObject({
          d: Date.UTC(2024, 2, 1),
          ts: Date.UTC(2024, 2, 1, 12, 30),
          big: 12345678901234,
          dec: 12.34,
          huge: 2,
          missing: null,
          s: "x",
          dbl: 1.5,
        });
        const kinds = Object.fromEntries(result.columns.map((c) => [c.name, c.kind]));
        expect(kinds).toEqual({
          d: "date",
          ts: "timestamp",
          big: "number",
          dec: "number",
          huge: "number",
          missing: "number",
          s: "string",
          dbl: "number",
        });
      });

      it("keeps columns with the same name apart and reads many rows column by column", async () => {
        const result = await engine.query("SELECT i AS a, i * 2 AS a FROM range(5000) t(i) ORDER BY i");
        expect(result.numRows).toBe(5000);
        expect(result.column(0)[4999]).toBe(4999);
        expect(result.column(1)[4999]).toBe(9998);
      });

      it("rejects with an EngineError carrying the position DuckDB reports", async () => {
        const sql = "SELECT 1,\n  2 FROM no_such_table";
        const error = await engine.query(sql).catch((e) => e);
        expect(error).toBeInstanceOf(EngineError);
        expect(error.message).toMatch(/no_such_table/);
        expect(error.message).not.toMatch(/LINE 2/);
        expect(sql.slice(error.position)).toMatch(/^no_such_table/);
      });

      it("reports positions in the SQL as written when parameters are bound", async () => {
        const sql = "SELECT ? AS a, ? AS b FROM no_such_params_table";
        const error = await engine.query(sql, [1, 2]).catch((e) => e);
        expect(error).toBeInstanceOf(EngineError);
        expect(sql.slice(error.position)).toMatch(/^no_such_params_table/);
      });

      it("rejects syntax errors with a message", async () => {
        const error = await engine.query("SELEC 1").catch((e) => e);
        expect(error).toBeInstanceOf(EngineError);
        expect(error.message).toMatch(/syntax error/i);
        expect(error.position).toBe(0);
      });
    });

    describe("createAndRead(sql, params, read)", () => {
      it("makes the table and reads it in one turn; a failing statement rejects with its position", async () => {
        const create = "CREATE OR REPLACE TEMP TABLE made AS SELECT i, 'r' || i AS s FROM range(?) t(i) WHERE i >= ?";
        const read = "SELECT * FROM made LIMIT 3";
        const [created, rows] = await engine.createAndRead(create, [10, 6], read);
        expect(Number(created.column(0)[0])).toBe(4);
        expect(rows.rows().map((r) => ({ ...r }))).toEqual([
          { i: 6, s: "r6" },
          { i: 7, s: "r7" },
          { i: 8, s: "r8" },
        ]);
        // The same texts again (kept statements): the new value's rows, never the old table's.
        expect((await engine.createAndRead(create, [10, 8], read))[1].numRows).toBe(2);
        const bad = "CREATE OR REPLACE TEMP TABLE made AS SELECT nope FROM range(?) t(i)";
        const failed = engine.createAndRead(bad, [3], read);
        await expect(failed).rejects.toBeInstanceOf(EngineError);
        await expect(failed).rejects.toMatchObject({ position: bad.indexOf("nope") });
        await expect(engine.createAndRead("SELECT 1; SELECT 2", [], read)).rejects.toBeInstanceOf(EngineError);
      });
    });

    describe("query(sql, params, { signal })", () => {
      it("does not run a query whose signal aborted while it waited its turn", async () => {
        await engine.query("CREATE OR REPLACE TEMP TABLE turns AS SELECT 0 AS n");
        const busy = engine.query("SELECT sum(i) AS s FROM range(3000000) t(i)");
        const controller = new AbortController();
        const waiting = engine.query("INSERT INTO turns VALUES (1)", [], { signal: controller.signal });
        const pair = engine.createAndRead(
          "CREATE OR REPLACE TEMP TABLE turns AS SELECT 2 AS n",
          [],
          "SELECT * FROM turns",
          {
            signal: controller.signal,
          },
        );
        controller.abort();
        await busy;
        await expect(waiting).rejects.toBe(controller.signal.reason);
        await expect(pair).rejects.toBe(controller.signal.reason);
        expect((await engine.query("SELECT * FROM turns")).rows().map((r) => ({ ...r }))).toEqual([{ n: 0 }]);
      });
    });

    describe("loadFile(source, table, options)", () => {
      it("loads a comma CSV with types and null counts, reporting progress", async () => {
        const progress: LoadProgress[] = [];
        const report = await engine.loadFile(file("orders.csv"), "orders", { onProgress: (p) => progress.push(p) });
        expect(report).toMatchObject({
          table: "orders",
          file: "orders.csv",
          format: "csv",
          rows: 3,
          delimiter: ",",
          encoding: "utf-8",
          warnings: [],
        });
        expect(report.columns.map((c) => [c.name, c.nulls])).toEqual([
          ["id", 0],
          ["customer", 1],
          ["amount", 0],
          ["ordered", 1],
        ]);
        expect(report.columns.find((c) => c.name === "ordered")?.type).toBe("DATE");
        expect(progress.at(-1)).toMatchObject({ bytesRead: report.rows && progress[0].totalBytes, rows: 3 });
        expect(await one("SELECT sum(amount) AS total FROM orders")).toMatchObject({ total: 37.75 });
      });

      it("sniffs tabs in a .tsv", async () => {
        const report = await load("orders.tsv", "tsv");
        expect(report.delimiter).toBe("\t");
        expect(report.columns.map((c) => c.name)).toEqual(["id", "name"]);
      });

      it("reads `;` files with a decimal comma as numbers", async () => {
        const report = await load("semicolon.csv", "semicolon");
        expect(report.delimiter).toBe(";");
        expect(await one("SELECT sum(amount) AS total, max(city) AS city FROM semicolon")).toMatchObject({
          total: 3.75,
          city: "Wien",
        });
      });

      it("keeps a UTF-8 byte-order mark out of the column names", async () => {
        const report = await load("bom.csv", "bom");
        expect(report.columns.map((c) => c.name)).toEqual(["id", "name"]);
        expect(await one('SELECT "id" FROM bom')).toMatchObject({ id: 1 });
      });

      it("decodes Excel's UTF-16LE 'Unicode text' (tab-separated, BOM)", async () => {
        const report = await load("unicode.txt", "unicode");
        expect(report).toMatchObject({ encoding: "utf-16le", delimiter: "\t", rows: 2 });
        expect(report.columns.map((c) => c.name)).toEqual(["名称", "price"]);
        expect(await one("SELECT 名称 AS n, price FROM unicode ORDER BY price LIMIT 1")).toMatchObject({
          n: "客户",
          price: 1.5,
        });
      });

      it("decodes Windows-1252 (€ at 0x80) and says so", async () => {
        const report = await load("cp1252.csv", "cp1252");
        expect(report.encoding).toBe("windows-1252");
        expect(report.warnings.join(" ")).toMatch(/windows-1252/);
        expect(
          (await engine.query("SELECT name, price FROM cp1252 ORDER BY name")).rows().map((r) => [r.name, r.price]),
        ).toEqual([
          ["Café", "€5"],
          ["Müller", "€7"],
        ]);
      });

      it("detects GBK/GB18030 Chinese headers, and lets the user override the encoding", async () => {
        const report = await load("gbk.csv", "gbk");
        expect(report.encoding).toBe("gb18030");
        expect(report.columns.map((c) => c.name)).toEqual(["客户编号", "日期", "金额"]);
        expect(await one('SELECT sum("金额") AS total FROM gbk')).toMatchObject({ total: 2080.5 });
        const forced = await load("gbk.csv", "gbk_forced", "windows-1252");
        expect(forced.encoding).toBe("windows-1252");
        expect(forced.columns[0].name).not.toBe("客户编号");
      });

      it("reads yuan amounts (¥, ￥, 元, signs) as DECIMAL, and CJK table and column names bare or quoted", async () => {
        const table = tableNameFor("中文订单.csv", []);
        const report = await load("中文订单.csv", table);
        expect(report.table).toBe("中文订单");
        expect(report.columns.map((c) => [c.name, c.type])).toEqual([
          ["订单编号", "VARCHAR"],
          ["下单日期", "DATE"],
          ["金额", "DECIMAL(18,2)"],
          ["单价", "DECIMAL(18,2)"],
          ["备注", "VARCHAR"],
        ]);
        expect(report.warnings).toEqual([moneyColumns(["金额", "单价"])]);
        const rows = await engine.query(
          `SELECT 订单编号, 下单日期, 金额, "单价" FROM 中文订单 WHERE 金额 IS NOT NULL
           UNION ALL SELECT 'sum', NULL, sum(金额), sum("单价") FROM "中文订单" ORDER BY 1`,
        );
        expect(rows.rows().map((r) => [r["订单编号"], r["下单日期"], r["金额"], r["单价"]])).toEqual([
          ["A1", Date.UTC(2024, 0, 5), 1234, 12.5],
          ["A2", Date.UTC(2024, 11, 25), -56, 1000],
          ["A3", Date.UTC(2024, 2, 15), 1234.56, -8],
          ["sum", null, 2412.56, 1004.5],
        ]);
        expect(await one("SELECT 备注 FROM 中文订单 WHERE 订单编号 = 'A1'")).toMatchObject({ 备注: "¥ 首单" });
      });

      it("loads Parquet (every row group, with types) without any extension", async () => {
        const report = await load("orders.parquet", "pq");
        expect(report).toMatchObject({ format: "parquet", rows: 5000 });
        expect(report.columns.find((c) => c.name === "maybe")?.nulls).toBe(1);
        const row = await one("SELECT * FROM pq WHERE id = 2");
        expect(row).toMatchObject({
          id: 2,
          big: 20000000000,
          price: 0.5,
          name: "c2",
          day: Date.UTC(2024, 0, 3),
          ts: Date.UTC(2024, 0, 1, 2),
          even: true,
          maybe: 3,
        });
        expect(await one("SELECT count(*) AS n, sum(id) AS s FROM pq")).toMatchObject({ n: 5000, s: 12502500 });
      });

      it("rejects a truncated Parquet file with a clear message and leaves other tables alone", async () => {
        await expect(load("truncated.parquet", "orders")).rejects.toThrow(
          /^truncated\.parquet: not a readable Parquet file .*: the file ends before its Parquet footer \(PAR1\)/,
        );
        expect(await one("SELECT count(*) AS n FROM orders")).toMatchObject({ n: 3 });
      });

      it("loads JSON lines", async () => {
        const report = await load("events.jsonl", "events");
        expect(report).toMatchObject({ format: "jsonl", rows: 2 });
        expect(
          (await engine.query("SELECT id, kind FROM events ORDER BY id")).rows().map((r) => [r.id, r.kind]),
        ).toEqual([
          [1, "open"],
          [2, null],
        ]);
      });

      it("names the file when a JSON line is broken", async () => {
        await expect(load("bad.jsonl", "bad_json")).rejects.toThrow(
          /^bad\.jsonl: could not be loaded: .*(line 2|JSON)/i,
        );
      });

      it("says 'empty file' for an empty file", async () => {
        await expect(load("empty.csv", "empty")).rejects.toThrow(/empty\.csv.*empty file/);
      });

      it("makes a 0-row table with the columns of a header-only CSV", async () => {
        const report = await load("header-only.csv", "header_only");
        expect(report.rows).toBe(0);
        expect(report.columns.map((c) => c.name)).toEqual(["a", "b"]);
      });

      it("pads ragged rows and warns about them", async () => {
        const report = await load("ragged.csv", "ragged");
        expect(report.rows).toBe(3);
        expect(report.warnings.join(" ")).toMatch(/fewer than 3 fields.*line 3/);
        expect(await one("SELECT c FROM ragged WHERE a = 4")).toMatchObject({ c: null });
      });

      it("refuses binary junk named .csv as 'not a text file'", async () => {
        await expect(load("junk.csv", "junk")).rejects.toThrow(/junk\.csv: not a text file/);
      });

      it("loads a field of several megabytes", async () => {
        await load("big-field.csv", "big_field");
        expect(await one("SELECT length(blob) AS n FROM big_field WHERE id = 1")).toMatchObject({ n: bigField.length });
      });

      it("keeps newlines inside quoted fields", async () => {
        const report = await load("newlines.csv", "newlines");
        expect(report.rows).toBe(2);
        expect(await one("SELECT note FROM newlines WHERE id = 1")).toMatchObject({ note: "first line\nsecond line" });
      });

      it("renames duplicate and blank column names and names them in warnings", async () => {
        const report = await load("dupes.csv", "dupes");
        const names = report.columns.map((c) => c.name);
        expect(names).toHaveLength(4);
        expect(new Set(names).size).toBe(4);
        const text = report.warnings.join(" ");
        expect(text).toContain(`"a"`);
        expect(text).toContain(`"${names[1]}"`);
        expect(text).toMatch(new RegExp(`Column 3 has no name.*"${names[2]}"`));
      });

      it("keeps every row of a CSV without a header row, and says so", async () => {
        const report = await load("no-header.csv", "no_header");
        expect(report.rows).toBe(3);
        const names = report.columns.map((c) => c.name);
        expect(names).toEqual(["column0", "column1", "column2"]);
        expect(report.warnings).toContain(
          `no-header.csv: no header row found; columns are named ${names[0]}, ${names[1]}, …`,
        );
        expect(
          await one(`SELECT sum("${names[1]}") AS total, min("${names[0]}") AS first FROM no_header`),
        ).toMatchObject({ total: 37.75, first: 1 });
      });

      it("says when every slash date reads both day and month first, and reads them in the order chosen", async () => {
        const day = (table: string, where = "id = 1") =>
          one(`SELECT strftime(signed, '%Y-%m-%d') AS d FROM ${table} WHERE ${where}`);
        const guessed = await load("slash-dates.csv", "slash_guess");
        const warning = guessed.warnings.find((w) => w.includes(`"signed"`));
        expect(warning).toMatch(/"03\/04\/2024" became 2024-0[34]-0[34]/);
        const assumed = (await day("slash_guess")).d === "2024-04-03" ? "day/month/year" : "month/day/year";
        expect(warning).toContain(`read as ${assumed}`);
        expect(guessed.dateOrder).toBe(assumed === "day/month/year" ? "dmy" : "mdy");
        expect(guessed.warnings).toHaveLength(1);
        const mdy = await engine.loadFile(file("slash-dates.csv"), "slash_mdy", { dateOrder: "mdy" });
        expect(mdy).toMatchObject({ warnings: [], dateOrder: "mdy" });
        expect(await day("slash_mdy")).toMatchObject({ d: "2024-03-04" });
        expect(await day("slash_mdy", "id = 2")).toMatchObject({ d: "2024-05-06" });
        const dmy = await engine.loadFile(file("slash-dates.csv"), "slash_dmy", { dateOrder: "dmy" });
        expect(await day("slash_dmy")).toMatchObject({ d: "2024-04-03" });
        expect(dmy.columns.find((c) => c.name === "signed")?.type).toBe("DATE");
      });

      it("gives no date warning when a day over 12 decides the order, and reorders timestamps with dots", async () => {
        const decided = await load("slash-dates-dmy.csv", "slash_decided");
        expect(decided.warnings).toEqual([]);
        expect(decided.dateOrder).toBeUndefined();
        expect(await one(`SELECT strftime(signed, '%Y-%m-%d') AS d FROM slash_decided WHERE id = 2`)).toMatchObject({
          d: "2024-04-03",
        });
        expect((await load("dot-times.csv", "dots_guess")).warnings.join(" ")).toMatch(
          /"at".*"01\.02\.2024 08:00:00" became 2024-02-01, month first it would be 2024-01-02/,
        );
        await engine.loadFile(file("dot-times.csv"), "dots_mdy", { dateOrder: "mdy" });
        expect(await one(`SELECT strftime("at", '%Y-%m-%d %H:%M') AS t FROM dots_mdy WHERE id = 1`)).toMatchObject({
          t: "2024-03-04 10:30",
        });
      });

      it("treats hostile column names as data", async () => {
        const report = await load("hostile.csv", "hostile");
        expect(report.columns.map((c) => c.name)).toEqual(["id", 'x" FROM t; --']);
      });
    });

    describe("listTables()", () => {
      it("lists loaded tables with columns, types, null counts and rows, not temporary cell results", async () => {
        await engine.query("CREATE OR REPLACE TEMP TABLE cell_result AS SELECT 1 AS x");
        const tables = await engine.listTables();
        const names = tables.map((t) => t.name);
        expect(names).toContain("orders");
        expect(names).not.toContain("cell_result");
        const orders = tables.find((t) => t.name === "orders")!;
        expect(orders.rows).toBe(3);
        expect(orders.columns.find((c) => c.name === "customer")).toEqual({
          name: "customer",
          type: "VARCHAR",
          nulls: 1,
        });
      });

      it("counts nulls where DuckDB's statistics say none, after updates and deletes too", async () => {
        // Three row groups; the only null is in the last. Statistics then answer for `k`, counting for `n`.
        await engine.query(
          "CREATE OR REPLACE TABLE stats_nulls AS SELECT i AS k, CASE WHEN i = 299999 THEN NULL ELSE i END AS n FROM range(300000) r(i)",
        );
        const nulls = async () => {
          const t = (await engine.listTables()).find((x) => x.name === "stats_nulls")!;
          return [t.rows, ...t.columns.map((c) => c.nulls)];
        };
        expect(await nulls()).toEqual([300000, 0, 1]);
        await engine.query("UPDATE stats_nulls SET k = NULL WHERE k = 5");
        expect(await nulls()).toEqual([300000, 1, 1]);
        await engine.query("DELETE FROM stats_nulls WHERE k IS NULL OR k > 200000");
        expect(await nulls()).toEqual([200000, 0, 0]);
        await engine.query("DROP TABLE stats_nulls");
      });
    });

    describe("createTable(name, data)", () => {
      it("makes a temporary table of typed columns that SQL can query, replacing an older one", async () => {
        const evil = "'; DROP TABLE victims; --";
        const day = Date.UTC(2024, 2, 1);
        await engine.createTable("cell_rows", {
          columns: [
            { name: "id", type: "BIGINT" },
            { name: "x", type: "DOUBLE" },
            { name: 'odd "name', type: "VARCHAR" },
            { name: "ok", type: "BOOLEAN" },
            { name: "d", type: "DATE" },
            { name: "ts", type: "TIMESTAMP" },
            { name: "other", type: "STRUCT(a INT)" },
          ],
          data: [
            [1, 2, 3],
            [1.5, null, -2],
            [evil, "b", null],
            [true, false, null],
            [day, null, day + 86_400_000],
            [day + 3_600_000, null, null],
            [null, "x", null],
          ],
        });
        const result = await engine.query(`SELECT * FROM cell_rows ORDER BY id`);
        const types = await one(
          `SELECT typeof(id) AS a, typeof(x) AS b, typeof("odd ""name") AS c, typeof(ok) AS d, typeof(d) AS e, typeof(ts) AS f, typeof(other) AS g FROM cell_rows LIMIT 1`,
        );
        expect(Object.values(types)).toEqual([
          "BIGINT",
          "DOUBLE",
          "VARCHAR",
          "BOOLEAN",
          "DATE",
          "TIMESTAMP",
          "VARCHAR",
        ]);
        expect(result.rows()[0]).toMatchObject({
          id: 1,
          x: 1.5,
          'odd "name': evil,
          ok: true,
          d: day,
          ts: day + 3_600_000,
          other: null,
        });
        expect(result.rows()[2]).toMatchObject({ id: 3, x: -2, 'odd "name': null, ok: null, d: day + 86_400_000 });
        await engine.createTable("cell_rows", {
          columns: [{ name: "n", type: "INTEGER" }],
          data: [Array.from({ length: 5000 }, (_, i) => i)],
        });
        expect(await one("SELECT count(*) AS c, sum(n) AS s FROM cell_rows")).toMatchObject({
          c: 5000,
          s: (4999 * 5000) / 2,
        });
        const tables = (await engine.listTables()).map((t) => t.name);
        expect(tables).not.toContain("cell_rows");
        expect(tables.some((t) => t.startsWith("__clientbook"))).toBe(false);
      });

      it("round-trips 100,000 rows of every type in order, nulls and hostile text included", async () => {
        const n = 100_000;
        const day = Date.UTC(2024, 0, 1);
        const nth = <T>(f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
        const data = [
          nth((i) => i),
          nth((i) => (i % 7 === 0 ? null : i / 3)),
          nth((i) => (i % 11 === 0 ? null : `x" FROM t; -- '${i}'`)),
          nth((i) => (i % 3 === 0 ? null : i % 2 === 0)),
          nth((i) => (i % 13 === 0 ? null : day + (i % 1000) * 86_400_000)),
          nth((i) => day + i * 1001),
          nth((i) => i - 50_000),
        ];
        const names = ["id", "x", 'odd "name', "ok", "d", "ts", "n"];
        const types = ["BIGINT", "DOUBLE", "VARCHAR", "BOOLEAN", "DATE", "TIMESTAMP", "INTEGER"];
        await engine.createTable("many_rows", { columns: names.map((name, i) => ({ name, type: types[i] })), data });
        const result = await engine.query("SELECT * FROM many_rows");
        expect(result.numRows).toBe(n);
        expect(result.columns.map((c) => c.name)).toEqual(names);
        const quoted = (c: string) => `"${c.replace(/"/g, '""')}"`;
        const typeofs = await one(
          `SELECT ${names.map((c, i) => `typeof(${quoted(c)}) AS t${i}`).join(", ")} FROM many_rows LIMIT 1`,
        );
        expect(Object.values(typeofs)).toEqual(types);
        data.forEach((values, c) => expect([names[c], Array.from(result.column(c))]).toEqual([names[c], values]));
      }, 60_000);

      it("takes a ts cell's rows as Arrow IPC (as the code runners send them) with their declared types", async () => {
        const rows = [
          { id: 1, x: 0.25, s: 'x" FROM t; --', ok: true, at: new Date(Date.UTC(2024, 0, 2, 3)) },
          { id: 2, x: null, s: "é ✓", ok: false, at: null },
          { id: 3, x: -1, s: null, ok: null, at: new Date(0) },
        ];
        const result = cellResult(rows, true);
        if (!("rows" in result)) throw new Error("rows expected");
        await engine.createTable("ipc_rows", { columns: result.rows.columns, ipc: result.rows.ipc });
        const types = await one(
          `SELECT typeof(id) AS a, typeof(x) AS b, typeof(s) AS c, typeof(ok) AS d, typeof("at") AS e FROM ipc_rows LIMIT 1`,
        );
        expect(Object.values(types)).toEqual(["BIGINT", "DOUBLE", "VARCHAR", "BOOLEAN", "TIMESTAMP"]);
        const back = (await engine.query("SELECT * FROM ipc_rows ORDER BY id")).rows();
        expect(back.map((r) => ({ ...r }))).toEqual([
          { id: 1, x: 0.25, s: 'x" FROM t; --', ok: true, at: Date.UTC(2024, 0, 2, 3) },
          { id: 2, x: null, s: "é ✓", ok: false, at: null },
          { id: 3, x: -1, s: null, ok: null, at: 0 },
        ]);
      });

      it("makes an empty table with its columns, and refuses ragged columns", async () => {
        await engine.createTable("no_rows", { columns: [{ name: "a", type: "VARCHAR" }], data: [[]] });
        expect((await engine.query("SELECT * FROM no_rows")).numRows).toBe(0);
        await expect(
          engine.createTable("bad", {
            columns: [
              { name: "a", type: "DOUBLE" },
              { name: "b", type: "DOUBLE" },
            ],
            data: [[1], []],
          }),
        ).rejects.toThrow();
      });
    });

    fileSystemContract(
      () => engine,
      () => dir,
    );

    describe("cancel()", () => {
      it("stops a running query, which rejects, and the engine keeps working", async () => {
        const running = engine.query("SELECT sum(a.i * b.i) AS s FROM range(200000) a(i), range(200000) b(i)");
        await new Promise((r) => setTimeout(r, 300));
        await engine.cancel();
        await expect(running).rejects.toBeInstanceOf(EngineError);
        expect(await one("SELECT 1 AS ok")).toMatchObject({ ok: 1 });
      });

      // A drag: each new value aborts the run before it (its signal), which cancels that run's query only.
      it("with a run's signal stops only that run's query: a listing, a memory check or a query of no run goes on", async () => {
        const slow = "SELECT sum(a.i * b.i) AS s FROM range(200000) a(i), range(200000) b(i)";
        const first = new AbortController();
        const running = engine.query(slow, [], { signal: first.signal });
        const listing = engine.listTables();
        const memory = engine.memory();
        const unrelated = engine.query("SELECT 42 AS n");
        await new Promise((r) => setTimeout(r, 300));
        first.abort(new Error("superseded"));
        await engine.cancel(first.signal);
        await expect(running).rejects.toBeInstanceOf(EngineError);
        expect(Array.isArray(await listing)).toBe(true);
        expect((await memory).limit).toBeGreaterThan(0);
        expect((await unrelated).rows()[0]).toMatchObject({ n: 42 });

        // The superseded run's query still waits in line behind another's: the cancel leaves the running one be.
        const other = engine.query("SELECT count(*) AS n FROM range(3000) a(i), range(3000) b(i) WHERE a.i < b.i");
        const second = new AbortController();
        const queued = engine.query("SELECT 1 AS n", [], { signal: second.signal });
        second.abort(new Error("superseded"));
        await engine.cancel(second.signal);
        await expect(queued).rejects.toThrow("superseded");
        expect((await other).rows()[0]).toMatchObject({ n: (3000 * 2999) / 2 });
        // Nothing of that run running: a cancel of it leaves the next listing alone.
        await engine.cancel(second.signal);
        expect(Array.isArray(await engine.listTables())).toBe(true);
      });

      it("with a run's signal skips that run's createTable still waiting in line; another's goes on", async () => {
        const other = engine.query("SELECT count(*) AS n FROM range(3000) a(i), range(3000) b(i) WHERE a.i < b.i");
        const run = new AbortController();
        const data = { columns: [{ name: "a", type: "INTEGER" }], data: [[1, 2]] };
        const skipped = engine.createTable("cancel_made", data, { signal: run.signal });
        const kept = engine.createTable("cancel_kept", data);
        run.abort(new Error("stopped"));
        await engine.cancel(run.signal);
        await expect(skipped).rejects.toThrow("stopped");
        await kept;
        expect((await other).rows()[0]).toMatchObject({ n: (3000 * 2999) / 2 });
        const made = await engine.query(
          "SELECT table_name FROM duckdb_tables() WHERE table_name IN ('cancel_made', 'cancel_kept')",
        );
        expect(made.rows().map((r) => r.table_name)).toEqual(["cancel_kept"]);
      });
    });
  });
}
