// The file-system part of the Engine contract (issue 10, item 3): DuckDB opens only the loader's exact
// staging paths, `.`/`..` cannot escape them, listings show nothing else, and notebook SQL never writes.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { EngineError, type Engine } from "../../src/engine/engine";
import { fileSourceFromPath } from "../../src/engine/node-file";

/** Registers the file-system contract inside an engine's contract suite. */
export function fileSystemContract(engine: () => Engine, fixtures: () => string): void {
  describe("file system lockdown", () => {
    // What a hostile notebook can learn too: the settings are readable, only not changeable (DuckDB
    // shows each allowed path with a `/` appended).
    const setting = async (name: string) =>
      (await engine().query(`SELECT unnest(current_setting('${name}')) AS p`)).rows().map((r) => String(r.p));
    const staging = async () => (await setting("allowed_paths")).map((p) => p.replace(/\/$/, ""));
    // DuckDB adds its own spill directory to the allowed directories once it has made it.
    const temp = async () =>
      (await engine().query("SELECT current_setting('temp_directory') AS t")).rows()[0].t as string;
    const notTemp = async () => {
      const spill = (await temp()).replace(/\/$/, "");
      return (await setting("allowed_directories")).filter((d) => d.replace(/\/$/, "") !== spill);
    };
    // The directory the loader stages files in, whichever setting names it.
    const stagingDir = async () => (await notTemp())[0] ?? `${dirname((await staging())[0])}/`;
    const refuses = async (sql: string, message?: RegExp) => {
      const error = await engine()
        .query(sql)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error, sql).toBeInstanceOf(EngineError);
      if (message) expect((error as Error).message, sql).toMatch(message);
    };

    it("opens nothing but the staging paths: `.`/`..` escapes, other files and listings are refused", async () => {
      const dir = await stagingDir();
      const target = join(fixtures(), "orders.csv");
      // Each spelling resolves to a real file the engine's process can read (the wasm Node build reads the disk).
      const escapes = [
        `${dir}./../../../../../../..${target}`,
        `${dir}../../../../../../..${target}`,
        `${dir}.//..//../../../../../..${target}`,
      ];
      for (const path of [target, ...escapes]) {
        await refuses(`SELECT * FROM read_csv('${path}')`);
        await refuses(`SELECT * FROM '${path}'`);
      }
      for (const pattern of [`${dir}*`, `${dir}./../*`, `${dir}../*`, `${dirname(target)}/*`, "/*"]) {
        await refuses(`SELECT * FROM glob('${pattern}')`);
      }
      const paths = await staging();
      expect(await notTemp()).toEqual([]);
      expect(paths.map((p) => p.slice(dir.length)).sort()).toEqual(["upload.csv", "upload.json", "upload.parquet"]);
      // Between loads nothing is registered: a listing of a staging path is empty.
      expect((await engine().query(`SELECT * FROM glob('${paths[0]}')`)).numRows).toBe(0);
    });

    it("refuses writes outright (COPY TO, EXPORT DATABASE), however the statement is dressed up", async () => {
      const dir = await stagingDir();
      const csv = `${dir}upload.csv`;
      await engine().query("CREATE OR REPLACE TABLE fs_secret AS SELECT 'canary' AS s");
      const writes = [
        `COPY fs_secret TO '${dir}leak.csv'`,
        `COPY fs_secret TO '${csv}' (USE_TMP_FILE false)`,
        `COPY fs_secret TO '${dir}./../leak.csv'`,
        `copy (SELECT * FROM fs_secret) TO '${dir}leak.parquet' (FORMAT parquet)`,
        `EXPORT DATABASE '${dir}export'`,
        `/* a note */ COPY fs_secret TO '${dir}leak.csv'`,
        `-- a note\rCOPY fs_secret TO '${dir}leak.csv'`,
        `;(COPY fs_secret TO '${dir}leak.csv')`,
        `EXPLAIN ANALYZE COPY fs_secret TO '${dir}leak.csv'`,
        `EXPLAIN (ANALYZE) COPY fs_secret TO '${dir}leak.csv'`,
        `PREPARE w AS COPY fs_secret TO '${dir}leak.csv'`,
        `IMPORT DATABASE '${dir}'`,
        `ATTACH '${dir}leak.db' AS leak`,
        "INSTALL parquet",
      ];
      for (const sql of writes) await refuses(sql, /not allowed here/);
      await refuses(`/* /* */ COPY fs_secret TO '${dir}leak.csv' -- */ SELECT 1`, /comment inside a comment/);
      // A second statement is refused before anything runs: both DuckDBs would run every statement given.
      await refuses(`SELECT 1; COPY fs_secret TO '${dir}leak.csv'`, /one SQL statement at a time/);
      await refuses("SELECT 1; SELECT 2", /one SQL statement at a time/);
      expect((await engine().query("SELECT 1 AS one;")).rows()[0]).toMatchObject({ one: 1 });
      for (const name of ["leak.csv", "leak.parquet", "export", "leak.db"]) {
        expect(existsSync(`${dir}${name}`), name).toBe(false);
      }
      expect(existsSync(join(dirname(dir), "leak.csv"))).toBe(false);
      // Ordinary statements still run, including ones that mention a refused word in a value.
      const words = await engine().query("SELECT 'COPY t TO x' AS copy, 2 AS export");
      expect(words.rows()[0]).toMatchObject({ copy: "COPY t TO x", export: 2 });
    });

    it("registers a user file only while it loads: then no SQL can read it, and the next load works", async () => {
      const before = readFileSync(join(fixtures(), "orders.csv"));
      await engine().loadFile(fileSourceFromPath(join(fixtures(), "orders.csv")), "fs_orders");
      const csv = `${await stagingDir()}upload.csv`;
      await refuses(`SELECT * FROM read_csv('${csv}')`);
      expect((await engine().query(`SELECT * FROM glob('${csv}')`)).numRows).toBe(0);
      await refuses(`COPY (SELECT 1 AS x) TO '${csv}' (USE_TMP_FILE false)`, /not allowed here/);
      const again = await engine().loadFile(fileSourceFromPath(join(fixtures(), "orders.csv")), "fs_orders_2");
      expect(again.rows).toBe(3);
      expect((await engine().query("SELECT count(*) AS n FROM fs_orders")).rows()[0]).toMatchObject({ n: 3 });
      expect(readFileSync(join(fixtures(), "orders.csv")).equals(before)).toBe(true);
    });
  });
}
