// Result-table number formats: one per column, the column's max decimals, grouping from 10,000 on or
// whenever the column has decimals.
import { describe, expect, it } from "vitest";
import { columnNumberFormat, decimalsOf } from "../../src/ui/number-format";

describe("column number format", () => {
  it("counts the decimals a number needs, capped at 6", () => {
    // Float noise past the sixth decimal does not count: 0.1 + 0.2 needs one decimal.
    expect([3, 12.5, 2010.79, 0.1 + 0.2, 1 / 3, -4.25].map(decimalsOf)).toEqual([0, 1, 2, 1, 6, 2]);
  });

  it("formats every value of a column with the same decimals and grouping", () => {
    const format = columnNumberFormat([2010.79, 13075.59, 12.5, null, 7]);
    expect([2010.79, 13075.59, 12.5, 7].map(format)).toEqual(["2,010.79", "13,075.59", "12.50", "7.00"]);
  });

  it("keeps whole numbers under 10,000 as written, groups larger ones", () => {
    expect([1998, 2010].map(columnNumberFormat([1998, 2010]))).toEqual(["1998", "2010"]);
    expect([5, 123456].map(columnNumberFormat([5, 123456]))).toEqual(["5", "123,456"]);
  });

  it("shows NaN and infinities as JavaScript writes them", () => {
    const format = columnNumberFormat([1.5, Number.NaN]);
    expect([Number.NaN, Number.POSITIVE_INFINITY].map(format)).toEqual(["NaN", "Infinity"]);
  });
});
