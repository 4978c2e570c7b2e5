// A recipe pointed at a named SQL cell's result, on the real native engine: "clean in SQL, then apply the
// recipe". The recipe re-runs with the cell, its roles are saved under the cell's name, and a failing
// source cell is named in the recipe's error.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileSourceFromPath } from "../../src/engine/node-file";
import { parseNotebook } from "../../src/notebook/parse";
import { buildRecipe } from "../../src/recipes/registry";
import { cell, notebookText, rowsOf, sessionWith } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "clientbook-relations-"));
const invoices = join(dir, "invoices.csv");
// Invoice lines without a line amount; c's second line is cancelled.
writeFileSync(
  invoices,
  [
    "InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice,cancelled",
    "1,a,2024-01-05,10,5,false",
    "2,a,2024-02-01,2,10,false",
    "3,b,2024-01-10,1,100,false",
    "4,c,2024-01-12,3,4,false",
    "5,c,2024-02-03,5,20,true",
    "6,d,2024-02-10,1,1,false",
  ].join("\n") + "\n",
);

const CLEAN = "SELECT *, Quantity * UnitPrice AS amount FROM invoices WHERE NOT cancelled";
const roles = { customer_id: "CustomerID", date: "InvoiceDate", amount: "amount" };

/** The ABC cells on the result of cell `clean`, as the gallery inserts them. */
const abcCells = () =>
  buildRecipe("abc", { tables: { transactions: { table: "clean", roles } }, name: "abc" }).map((c) => {
    const attrs = Object.entries(c.attrs ?? {}).map(([k, v]) => ` ${k}=${v}`);
    return [`${c.kind} ${c.name}${attrs.join("")}`, c.source.trimEnd()] as [string, string];
  });

const classes = (rows: Record<string, unknown>[]) => rows.map((r) => [r.customer_id, Number(r.revenue), r.class]);

describe("a recipe on a SQL cell's result", () => {
  it("reads the cell's rows and re-runs with the cell when its SQL changes", async () => {
    const text = notebookText([["sql clean", CLEAN], ...abcCells()], [`invoices: { file: ${invoices} }`]);
    const { session, close } = await sessionWith(text, { liveDelayMs: false });
    try {
      await session.loadFile(fileSourceFromPath(invoices), { table: "invoices" });
      await session.runAll();
      expect(cell(session, "abc").error).toBeUndefined();
      // Net of cancellations: b 100, a 10*5 + 2*10 = 70, c 3*4 = 12, d 1; of 183, the value ranked above
      // b, a, c, d is 0, 100, 170, 182: A, A, B (170/183 = 92.9 %), C (182/183 = 99.5 %).
      expect(classes(rowsOf(cell(session, "abc")))).toEqual([
        ["b", 100, "A"],
        ["a", 70, "A"],
        ["c", 12, "B"],
        ["d", 1, "C"],
      ]);
      // Keep the cancelled line: c is 12 + 5*20 = 112 and first; of 283, above b 112 (39.6 %), above a
      // 212 (74.9 %), above d 282 (99.6 %).
      session.setSource(cell(session, "clean").cell.id, "SELECT *, Quantity * UnitPrice AS amount FROM invoices");
      await session.run(cell(session, "abc").cell.id);
      expect(classes(rowsOf(cell(session, "abc")))).toEqual([
        ["c", 112, "A"],
        ["b", 100, "A"],
        ["a", 70, "A"],
        ["d", 1, "C"],
      ]);
    } finally {
      await close();
    }
  }, 60_000);

  it("names the source cell in the recipe's error when that cell fails", async () => {
    const broken = "SELECT *, Quantity * UnitPrice AS amount FROM invoices WHERE NOT cancelled_flag";
    const text = notebookText([["sql clean", broken], ...abcCells()], [`invoices: { file: ${invoices} }`]);
    const { session, close } = await sessionWith(text, { liveDelayMs: false });
    try {
      await session.loadFile(fileSourceFromPath(invoices), { table: "invoices" });
      await session.runAll();
      expect(cell(session, "clean").status).toBe("error");
      const error = cell(session, "abc").error?.message ?? "";
      expect(error).toContain("clean");
      expect(error).not.toMatch(/does not exist|not found/i);
    } finally {
      await close();
    }
  }, 60_000);

  it("saves the roles of a cell's result in the front matter without a file, and reads them back", async () => {
    const text = notebookText([["sql clean", CLEAN]], [`invoices: { file: ${invoices} }`]);
    const { session, close } = await sessionWith(text, { liveDelayMs: false });
    try {
      session.setRoles("clean", roles);
      const saved = session.save();
      expect(saved).toMatch(/\n {2}clean:\n {4}roles:\n {6}customer_id: CustomerID\n/);
      expect(parseNotebook(saved).frontMatter.data.clean).toEqual({ roles });
      // Not a data file to load: no "missing data" problem names it.
      expect(session.getState().problems.filter((p) => p.includes("clean"))).toEqual([]);
      session.setRoles("clean", {});
      expect(parseNotebook(session.save()).frontMatter.data.clean).toBeUndefined();
      expect(() => session.setRoles("nowhere", roles)).toThrow(/nowhere/);
    } finally {
      await close();
    }
  }, 60_000);
});
