// followEdits on a real session (native DuckDB): every document edit is reported once, with the new
// notebook; runs, results and input choices kept in memory are not edits.
import { describe, expect, it } from "vitest";
import { followEdits } from "../../src/store/follow-edits";
import type { Notebook } from "../../src/notebook/types";
import { serializeNotebook } from "../../src/notebook/serialize";
import { notebookText, sessionWith } from "../session/helpers";

describe("followEdits(session, onEdit)", () => {
  it("reports source, insert, move, rename, delete and roles edits, and not runs", async () => {
    const text = notebookText(
      [
        ["sql a", "SELECT 1 AS x"],
        ["sql b", "SELECT x + 1 AS y FROM a"],
      ],
      ["orders:", "  file: orders.csv"],
    );
    const { session, close } = await sessionWith(text, { liveDelayMs: false });
    try {
      const edits: Notebook[] = [];
      const stop = followEdits(session, (nb) => edits.push(nb));
      await session.runAll();
      expect(edits).toHaveLength(0);

      const ids = session.getState().notebook.cells.map((c) => c.id);
      session.setSource(ids[0], "SELECT 2 AS x");
      const added = session.insertCell(2, { kind: "sql", name: "c", source: "SELECT 3" });
      session.moveCell(added, 0);
      session.rename(added, "d");
      session.deleteCell(ids[1]);
      session.setRoles("orders", { customer_id: "Kunden-Nr" });
      expect(edits).toHaveLength(6);
      expect(edits.at(-1)).toBe(session.getState().notebook);
      const last = serializeNotebook(edits.at(-1)!);
      expect(last).toContain("```sql d\nSELECT 3");
      expect(last).toContain("SELECT 2 AS x");
      expect(last).not.toContain("sql b");
      expect(last).toContain("Kunden-Nr");

      await session.runAll();
      expect(edits).toHaveLength(6);
      stop();
      session.setSource(ids[0], "SELECT 4 AS x");
      expect(edits).toHaveLength(6);
    } finally {
      await close();
    }
  });
});
