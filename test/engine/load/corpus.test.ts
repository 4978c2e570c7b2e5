// DuckDB's own CSV test corpus (a fixed sample, see corpus/README.md) through the product loader on
// native DuckDB, against what plain `read_csv` gives: every difference must be listed in
// corpus/expected.tsv as defensible, neither or refused, and none may be worse.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nativeEngine } from "../../../src/engine/native/native-engine";
import { compareOne, judge, readCorpus, type Outcome } from "./corpus-compare";

const dir = join(__dirname, "corpus");
const { natives, expected } = readCorpus(dir);

describe("the CSV corpus through the loader (native DuckDB)", () => {
  it("lists no file as worse than plain read_csv, and only files of the corpus", () => {
    const classes = ["defensible", "neither", "refused"];
    expect([...expected].filter(([, e]) => !classes.includes(e.cls)).map(([f, e]) => `${f}: ${e.cls}`)).toEqual([]);
    expect([...expected.keys()].filter((f) => !natives.some((n) => n.file === f))).toEqual([]);
  });

  it("loads every file as read_csv does, or as expected.tsv says", { timeout: 180_000 }, async () => {
    const engine = await nativeEngine();
    const outcomes: Outcome[] = [];
    const started = performance.now();
    try {
      for (const native of natives) outcomes.push(await compareOne(engine, join(dir, "files"), native));
    } finally {
      await engine.close();
    }
    const { counts, wrong } = judge(outcomes, expected);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`CSV corpus on native DuckDB, ${outcomes.length} files in ${seconds} s:`, JSON.stringify(counts));
    expect(wrong).toEqual([]);
    expect(outcomes.length).toBe(natives.length);
  });
});
