// Prepares the CDNOW sample as the literature does (see shared/data/cdnow/README.md): same-day
// purchases merged, calibration to 1997-09-30 inclusive, time in weeks from each customer's first purchase.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RfmSummary } from "../../../src/recipes/models/summary";

/** One customer of the CDNOW sample, prepared for the purchase and spend models. */
export interface CdnowCustomer extends RfmSummary {
  readonly id: string;
  /** Weeks from 1997-01-01 to the first purchase. */
  readonly birth: number;
  /** Mean spend of the repeat purchases in calibration (NaN when x = 0). */
  readonly meanRepeatSpend: number;
  /** Mean spend of all purchases in calibration, the first included. */
  readonly meanSpendAll: number;
  /** Repeat purchases in the 39-week holdout after the calibration end. */
  readonly holdoutPurchases: number;
  /** Repeat purchase times in weeks since 1997-01-01 (calibration and holdout). */
  readonly repeatTimes: readonly number[];
}

export const CDNOW_FILE = fileURLToPath(new URL("../../../public/notebooks/cdnowElog.csv", import.meta.url));
const DAY = 86_400_000;
const dayOf = (yyyymmdd: string) =>
  Date.UTC(+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6) - 1, +yyyymmdd.slice(6, 8)) / DAY;
export const ORIGIN = dayOf("19970101");
export const CALIBRATION_END = dayOf("19970930");
export const HOLDOUT_END = dayOf("19980630");

/** Reads cdnowElog.csv and returns one prepared row per customer. */
export function prepareCdnow(file = CDNOW_FILE): CdnowCustomer[] {
  const lines = readFileSync(file, "utf8").trim().split(/\r?\n/).slice(1);
  // customer -> day -> summed sales (same-day purchases are one transaction)
  const byCustomer = new Map<string, Map<number, number>>();
  for (const line of lines) {
    const [id, , date, , sales] = line.split(",");
    const days = byCustomer.get(id) ?? new Map<number, number>();
    const day = dayOf(date);
    days.set(day, (days.get(day) ?? 0) + Number(sales));
    byCustomer.set(id, days);
  }
  return [...byCustomer].map(([id, days]) => {
    const sorted = [...days.keys()].sort((p, q) => p - q);
    const first = sorted[0];
    const calibration = sorted.filter((d) => d <= CALIBRATION_END);
    const repeats = calibration.slice(1);
    const spend = (ds: number[]) => ds.reduce((s, d) => s + days.get(d)!, 0);
    return {
      id,
      x: repeats.length,
      tx: (calibration[calibration.length - 1] - first) / 7,
      T: (CALIBRATION_END - first) / 7,
      birth: (first - ORIGIN) / 7,
      meanRepeatSpend: repeats.length > 0 ? spend(repeats) / repeats.length : NaN,
      meanSpendAll: spend(calibration) / calibration.length,
      holdoutPurchases: sorted.filter((d) => d > CALIBRATION_END && d <= HOLDOUT_END).length,
      repeatTimes: sorted.slice(1).map((d) => (d - ORIGIN) / 7),
    };
  });
}
