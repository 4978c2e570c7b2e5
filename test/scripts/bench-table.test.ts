// The bench's table formatter (pure): peer columns only where a row has them, goal and ratio columns only
// where a row has a goal, ratios that cannot be taken shown as "-", the nearest-rank percentile and a tail summed up.
import { describe, expect, it } from "vitest";
import { formatRatio, formatSection, formatTable, median, percentile, tail } from "../../scripts/bench-table";

describe("formatSection(section)", () => {
  it("lays out Clientbook, each peer that appears, the goal and the ratios, aligned", () => {
    const text = formatSection({
      title: "loads",
      rows: [
        {
          measure: "load CSV",
          clientbook: "3.00 s",
          peers: { "native 1 thread": "1.50 s", papaparse: "8.00 s" },
          goal: "<= 1.5x native",
          ratios: [{ value: 3000, of: 1500, label: "native" }],
        },
        { measure: "load Parquet", clientbook: "4.70 s", peers: { "native 1 thread": "0.56 s" } },
      ],
    });
    expect(text.split("\n")).toEqual([
      "## loads",
      "",
      "| measure      | Clientbook | native 1 thread | papaparse | goal           | ratio        |",
      "| ------------ | ---------- | --------------- | --------- | -------------- | ------------ |",
      "| load CSV     | 3.00 s     | 1.50 s          | 8.00 s    | <= 1.5x native | 2.00x native |",
      "| load Parquet | 4.70 s     | 0.56 s          |           |                |              |",
    ]);
  });

  it("leaves out the goal and ratio columns when no row has a goal", () => {
    const text = formatSection({ title: "t", rows: [{ measure: "a", clientbook: "1 ms" }] });
    expect(text.split("\n")[2]).toBe("| measure | Clientbook |");
  });
});

describe("formatTable(sections)", () => {
  it("joins sections and drops the empty ones", () => {
    const text = formatTable([
      { title: "one", rows: [{ measure: "a", clientbook: "1" }] },
      { title: "empty", rows: [] },
      { title: "two", rows: [{ measure: "b", clientbook: "2" }] },
    ]);
    expect(text).toContain("## one");
    expect(text).toContain("## two");
    expect(text).not.toContain("## empty");
  });
});

describe("formatRatio(ratio)", () => {
  it("divides and names the reference, or says '-' when it cannot", () => {
    expect(formatRatio({ value: 338, of: 100, label: "100 ms" })).toBe("3.38x 100 ms");
    expect(formatRatio({ value: NaN, of: 100, label: "goal" })).toBe("-");
    expect(formatRatio({ value: 5, of: 0, label: "native" })).toBe("-");
  });
});

describe("percentile(values, p) and median(values)", () => {
  it("take the nearest rank", () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 50)).toBe(10);
    expect(median([3, 1, 2])).toBe(2);
  });
});

describe("tail(times, limit)", () => {
  it("says the median, p95, the max and how many went over the limit", () => {
    const times = [...Array.from({ length: 18 }, () => 50), 120, 400];
    expect(tail(times)).toBe("median 50 ms, p95 120 ms, max 400 ms, 2 of 20 over 100 ms");
    expect(tail([5, 30], 20)).toBe("median 5.00 ms, p95 30 ms, max 30 ms, 1 of 2 over 20 ms");
  });
});
