// DuckDB's own CSV test corpus (a fixed sample, see corpus/README.md) through the product loader on
// native DuckDB, against what plain `read_csv` gives: every difference must be listed in
// corpus/expected.tsv as defensible, neither or refused, and none may be worse.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { nativeEngine } from "../../../src/engine/native/native-engine";
import { compareOne, type NativeResult, type Outcome } from "./corpus-compare";

const dir = join(__dirname, "corpus");
const natives: NativeResult[] = readFileSync(join(dir, "native-read_csv.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
const expected = new Map(
  readFileSync(join(dir, "expected.tsv"), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split("\t"))
    .map(([file, cls, why]) => [file, { cls, why }]),
);

describe("the CSV corpus through the loader (native DuckDB)", () => {
  it("lists no file as worse than plain read_csv", () => {
    expect([...expected].filter(([, e]) => !["defensible", "neither", "refused"].includes(e.cls)).map(([f, e]) => `${f}: ${e.cls}`)).toEqual([]);
  });

  it("loads every file as read_csv does, or as expected.tsv says and why", { timeout: 180_000 }, async () => {
    const engine = await nativeEngine();
    const outcomes: Outcome[] = [];
    const started = performance.now();
    try {
      for (const native of natives) outcomes.push(await compareOne(engine, join(dir, "files"), native));
    } finally {
      await engine.close();
    }
    const seconds = (performance.now() - started) / 1000;
    const counts: Record<string, number> = { same: 0 };
    const wrong: string[] = [];
    for (const o of outcomes) {
      const entry = expected.get(o.file);
      const cls = o.outcome === "same" ? "same" : (entry?.cls ?? "unlisted");
      counts[cls] = (counts[cls] ?? 0) + 1;
      if (o.outcome === "same" && entry) wrong.push(`${o.file}: now the same as read_csv; remove it from expected.tsv`);
      if (o.outcome === "differs" && !["defensible", "neither"].includes(entry?.cls ?? "")) wrong.push(`${o.file}: differs (${o.detail})`);
      if (o.outcome === "refused" && entry?.cls !== "refused") wrong.push(`${o.file}: refused (${o.detail})`);
      // A refusal is only fair with a message that names the file.
      if (o.outcome === "refused" && !o.detail.startsWith(`ours fails: ${basename(o.file)}: `)) wrong.push(`${o.file}: unclear refusal (${o.detail})`);
    }
    console.log(`CSV corpus, ${outcomes.length} files in ${seconds.toFixed(1)} s:`, JSON.stringify(counts));
    expect(wrong).toEqual([]);
    expect(outcomes.length).toBe(natives.length);
    expect([...expected.keys()].filter((f) => !natives.some((n) => n.file === f))).toEqual([]);
  });
});
