// The engine contract against the wasm engine's core on real duckdb-wasm (the eh bundle the
// browser loads), run in Node through its worker build. Also checks the lockdown holds.
import { describe, expect, it } from "vitest";
import { EngineError } from "../../src/engine/engine";
import { engineContract } from "./contract";
import { wasmEngineInNode } from "./wasm-node";

engineContract("duckdb-wasm", wasmEngineInNode);

describe("engineOnDuckDB(db, options) lockdown", () => {
  it("refuses files other than the staging paths, URLs, and any attempt to undo the settings", async () => {
    const engine = await wasmEngineInNode();
    try {
      for (const sql of [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')",
        "SET enable_external_access = true",
        "SET allowed_directories = ['/']",
        "SET allowed_paths = ['/etc/passwd']",
        "SET autoload_known_extensions = true",
        "LOAD parquet",
      ]) {
        await expect(engine.query(sql), sql).rejects.toBeInstanceOf(EngineError);
      }
      expect((await engine.query("SELECT current_setting('enable_external_access') AS v")).rows()[0].v).toBe(false);
      expect((await engine.query("SELECT current_setting('custom_extension_repository') AS v")).rows()[0].v).toBe(
        "http://127.0.0.1:9/no-extensions",
      );
    } finally {
      await engine.close();
    }
  });
});

describe("engineOnDuckDB(db, options) listTables() on the database just opened", () => {
  it("answers with no table and no worker request until a statement is asked for; then asks DuckDB", async () => {
    const requests: string[] = [];
    const engine = await wasmEngineInNode((type) => requests.push(type));
    try {
      requests.length = 0;
      expect(await engine.listTables()).toEqual([]);
      expect(requests).toEqual([]);
      // Asked for before the statement has run: the listing queues behind it and sees its table.
      const made = engine.query("CREATE TABLE made AS SELECT 1 AS x");
      const listed = engine.listTables();
      await made;
      expect((await listed).map((t) => t.name)).toEqual(["made"]);
      expect(requests.length).toBeGreaterThan(0);
    } finally {
      await engine.close();
    }
  });
});
