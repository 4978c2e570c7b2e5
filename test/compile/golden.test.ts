// Golden files for the compilers: each test/compile/golden/<kind>/<case>.md holds one cell as a notebook
// writes it; <case>.json beside it is what compileCell makes of it (without the random id).
// The update command is in ../golden.ts.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { compileCell } from "../../src/compile/compile";
import type { CompiledCell } from "../../src/compile/types";
import { parseNotebook } from "../../src/notebook/parse";
import { expectGolden, expectOnlyGolden, goldenJson } from "../golden";

const golden = join(__dirname, "golden");
const KINDS = ["sql", "chart", "input", "ts", "markdown"] as const;

/** The compiled cell with what changes between runs left out: the cell id. */
function stable(compiled: CompiledCell): unknown {
  const { id: _id, ...rest } = compiled;
  return rest;
}

describe.each(KINDS)("compileCell(%s cell)", (kind) => {
  const dir = join(golden, kind);
  const cases = readdirSync(dir)
    .filter((file) => file.endsWith(".md"))
    .sort();

  it.each(cases)("%s", (file) => {
    const cells = parseNotebook(readFileSync(join(dir, file), "utf8")).cells;
    if (cells.length !== 1 || cells[0].kind !== kind) throw new Error(`${file}: write exactly one ${kind} cell`);
    expectGolden(join(dir, file.replace(/\.md$/, ".json")), goldenJson(stable(compileCell(cells[0]))));
  });

  it("has an output for every case and no other file", () => {
    expect(cases.length).toBeGreaterThan(2);
    expectOnlyGolden(
      dir,
      cases.flatMap((file) => [file, file.replace(/\.md$/, ".json")]),
    );
  });
});
