// TypeScript cells' transpile time in Node (sucrase, as the session runs them) for cells of three sizes.
import { transpileTs } from "../src/compile/transpile";
import type { Part } from "./bench-part";
import { medianP95, ms, type Row } from "./bench-table";

/** Times the TypeScript transpile of ts cells of several sizes (sucrase, as the session runs them). */
export async function benchTranspile(): Promise<Row[]> {
  const rows: Row[] = [];
  const small = "const rows = await sql`SELECT * FROM orders WHERE amount > ${threshold}`;\nreturn rows.length;";
  const medium =
    Array.from(
      { length: 40 },
      (_, i) => `const v${i}: number[] = orders.map((o: { amount: number }) => o.amount * ${i + 1});`,
    ).join("\n") + "\nreturn v0.length;";
  const large =
    Array.from({ length: 10 }, (_, k) =>
      [
        `interface Row${k} { id: string; value: number; when: Date }`,
        `function score${k}(rows: Row${k}[], w = ${k}): number {`,
        "  let total = 0;",
        "  for (const r of rows) total += r.value * w;",
        "  return total;",
        "}",
      ].join("\n"),
    )
      .join("\n")
      .repeat(5) + "\nreturn 1;";
  for (const [label, source] of [
    ["3-line cell", small],
    ["41-line cell", medium],
    ["300-line cell", large],
  ] as const) {
    // A comment line makes each source new: transpileTs keeps the code of sources it has seen.
    const timed = async (i: number) => {
      const started = performance.now();
      await transpileTs(`${source}\n// ${i}`);
      return performance.now() - started;
    };
    const first = await timed(-1);
    const runs: number[] = [];
    for (let i = 0; i < 200; i++) runs.push(await timed(i));
    rows.push({
      measure: `transpile a ${label} (sucrase, Node)`,
      clientbook: `${medianP95(runs)} (first ${ms(first)})`,
    });
  }
  return rows;
}

/** The part: the transpile of a 3-, 41- and 300-line ts cell (median, p95 of 200). */
export const transpilePart: Part = {
  name: "transpile",
  about: "TypeScript cell transpile in Node (3, 41, 300 lines)",
  run: () => benchTranspile(),
};
