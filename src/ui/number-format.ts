// One number format per result column: every value shown with the column's largest number of
// decimals (at most 6), so `2,010.79` and `13,075.59` line up instead of `2010.79` beside `13,075.59`.
// Grouping and decimal marks follow the UI locale.
import { getLocale } from "../messages/locale";

const MAX_DECIMALS = 6;

/** The decimals a number needs as written by JavaScript (capped), e.g. 12.5 -> 1, 3 -> 0. */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const text = Math.abs(value).toFixed(MAX_DECIMALS).replace(/0+$/, "");
  return Math.min(MAX_DECIMALS, text.length - text.indexOf(".") - 1);
}

/** A formatter for every number of one column: the column's max decimals, with thousands grouping. */
export function columnNumberFormat(values: readonly unknown[]): (value: number) => string {
  let decimals = 0;
  let small = true;
  for (const v of values) {
    if (typeof v !== "number") continue;
    decimals = Math.max(decimals, decimalsOf(v));
    if (Math.abs(v) >= 10_000) small = false;
  }
  // A column of whole numbers under 10,000 (years, codes, counts) is shown as written: `2010`, not `2,010`.
  const grouping = decimals > 0 || !small;
  const format = new Intl.NumberFormat(getLocale() === "en" ? "en-US" : getLocale(), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  });
  return (value) => (Number.isFinite(value) ? format.format(value) : String(value));
}
