// The cycle finder behind the architecture rules: it must see circles of any length, and only circles.
import { describe, expect, it } from "vitest";
import { fileGraph, folderGraph, importCircles } from "./import-graph";

describe("importCircles(graph)", () => {
  it("finds each circle once, whatever its length, and ignores what only hangs off one", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c", "d"]],
      ["c", ["a"]],
      ["d", ["e"]],
      ["e", ["d"]],
      ["f", ["a"]],
      ["g", ["g"]],
    ]);
    expect(importCircles(graph)).toEqual(["a <-> b <-> c", "d <-> e", "g"]);
  });

  it("finds none in a graph without circles", () => {
    expect(
      importCircles(
        new Map([
          ["a", ["b", "c"]],
          ["b", ["c"]],
          ["c", []],
        ]),
      ),
    ).toEqual([]);
  });
});

describe("fileGraph(files) and folderGraph(graph)", () => {
  const files = [
    { file: "x/one.ts", imports: ["y/two", "svelte", "y"] },
    { file: "y/two.ts", imports: ["x/one.ts", "y/index"] },
    { file: "y/index.ts", imports: [] },
  ];

  it("resolves specifiers to files (.ts, a folder's index.ts) and drops packages", () => {
    expect(Object.fromEntries(fileGraph(files))).toEqual({
      "x/one.ts": ["y/two.ts", "y/index.ts"],
      "y/two.ts": ["x/one.ts", "y/index.ts"],
      "y/index.ts": [],
    });
  });

  it("joins files into folders, leaving imports inside a folder out", () => {
    const folders = folderGraph(fileGraph(files), (f) => f.split("/")[0]);
    expect(Object.fromEntries(folders)).toEqual({ x: ["y"], y: ["x"] });
    expect(importCircles(folders)).toEqual(["x <-> y"]);
  });
});
