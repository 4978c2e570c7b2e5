// The pure parts of the browser store: the order of "Recent notebooks" and safe OPFS entry names.
import { describe, expect, it } from "vitest";
import { linkedNotebookId, recentFirst } from "../../src/store/notebooks";
import { entryName } from "../../src/store/tables";

describe("recentFirst(records)", () => {
  it("puts the most recently saved first, ties by title, and leaves its input alone", () => {
    const records = [
      { title: "b", savedAt: 1 },
      { title: "c", savedAt: 3 },
      { title: "a", savedAt: 1 },
    ];
    expect(recentFirst(records).map((r) => r.title)).toEqual(["c", "a", "b"]);
    expect(records.map((r) => r.title)).toEqual(["b", "c", "a"]);
  });
});

describe("entryName(name)", () => {
  it("gives every table or id a distinct name OPFS accepts (no slash, never . or ..)", () => {
    const names = ["orders", "a/b", "..", ".", "Umsätze 2024", "link:notebooks/x.md", "__proto__", "a%2Fb"];
    const entries = names.map(entryName);
    expect(new Set(entries).size).toBe(names.length);
    for (const e of entries) {
      expect(e).not.toMatch(/[/\\]/);
      expect(e).not.toMatch(/^\.{1,2}$/);
      expect(e.startsWith("k-")).toBe(true);
    }
    expect(decodeURIComponent(entryName("a/b").slice(2))).toBe("a/b");
  });
});

describe("linkedNotebookId(path)", () => {
  it("keys a linked notebook by its path, apart from random ids", () => {
    expect(linkedNotebookId("/notebooks/customer-review.md")).toBe("link:/notebooks/customer-review.md");
  });
});
