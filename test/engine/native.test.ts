// The engine contract against native DuckDB (@duckdb/node-api), the engine of the CLI, and what only the
// native createTable does: values of another JS type than their column's are cast by SQL, as DuckDB casts.
import { describe, expect, it } from "vitest";
import { EngineError } from "../../src/engine/engine";
import { nativeEngine } from "../../src/engine/native/native-engine";
import { engineContract } from "./contract";

engineContract("native DuckDB", nativeEngine);

describe("native createTable(name, data) with mixed values", () => {
  it("casts text in typed columns as DuckDB does, keeps numbers in text columns as text, and refuses what does not cast", async () => {
    const engine = await nativeEngine();
    try {
      const day = Date.UTC(2024, 2, 1);
      await engine.createTable("mixed", {
        columns: [
          { name: "x", type: "DOUBLE" },
          { name: "ok", type: "BOOLEAN" },
          { name: "n", type: "INTEGER" },
          { name: "s", type: "VARCHAR" },
          { name: "d", type: "DATE" },
        ],
        data: [
          ["1.5", 2, null],
          ["true", false, null],
          [1.4, "7", null],
          [1.5, true, "x"],
          [String(day), day, null],
        ],
      });
      const rows = (await engine.query("SELECT * FROM mixed")).rows().map((r) => ({ ...r }));
      expect(rows).toEqual([
        { x: 1.5, ok: true, n: 1, s: "1.5", d: day },
        { x: 2, ok: false, n: 7, s: "true", d: day },
        { x: null, ok: null, n: null, s: "x", d: null },
      ]);
      await expect(
        engine.createTable("bad", { columns: [{ name: "x", type: "DOUBLE" }], data: [["abc"]] }),
      ).rejects.toBeInstanceOf(EngineError);
      expect((await engine.listTables()).some((t) => t.name.startsWith("__clientbook"))).toBe(false);
    } finally {
      await engine.close();
    }
  });
});
