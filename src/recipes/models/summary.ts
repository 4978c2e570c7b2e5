// The per-customer summary the purchase models fit on: repeat purchases x, time of the last purchase
// t_x and length of observation T (both from the first purchase), and its compressed form, where
// customers with the same (x, t_x, T) become one row with a count.
import { modelMessages } from "../../messages/models";

/** One customer (or `count` identical customers): x repeat purchases, last at t_x, observed for T (same time unit). */
export interface RfmSummary {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  /** How many customers share these values; 1 when absent. */
  readonly count?: number;
}

/** Distinct (x, t_x, T) rows with their counts, sorted by x, as typed arrays for fast likelihoods. */
export interface CompressedSummaries {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly count: Float64Array;
  /** Total number of customers (sum of counts). */
  readonly customers: number;
  /** Customers with x > 0. */
  readonly repeatBuyers: number;
}

/** The first problem with a summary row (a message for the user), or undefined when all rows are valid. */
export function checkSummaries(rows: readonly RfmSummary[]): string | undefined {
  for (let i = 0; i < rows.length; i++) {
    const { x, tx, T, count = 1 } = rows[i];
    const bad = (field: string, value: unknown, rule: string) => modelMessages.badSummaryRow(i, field, value, rule);
    const [F, R] = [modelMessages.fields, modelMessages.rules];
    if (!Number.isInteger(x) || x < 0) return bad(F.x, x, R.wholeAtLeastZero);
    if (!Number.isFinite(T) || T < 0) return bad(F.T, T, R.atLeastZero);
    if (!Number.isFinite(tx) || tx < 0) return bad(F.tx, tx, R.atLeastZero);
    if (tx > T * (1 + 1e-12)) return bad(F.tx, tx, R.notAfterT(T));
    if (x === 0 && tx !== 0) return bad(F.tx, tx, R.zeroWithoutRepeats);
    if (!Number.isFinite(count) || count <= 0) return bad(F.count, count, R.positive);
  }
  return undefined;
}

/** Groups identical (x, t_x, T) rows into one row with the summed count; assumes `checkSummaries` passed. */
export function compressSummaries(rows: readonly RfmSummary[]): CompressedSummaries {
  const groups = new Map<string, { x: number; tx: number; T: number; count: number }>();
  for (const { x, tx, T, count = 1 } of rows) {
    const key = `${x}|${tx}|${T}`;
    const group = groups.get(key);
    if (group) group.count += count;
    else groups.set(key, { x, tx, T, count });
  }
  // Sorted by x so that likelihoods can compute the terms that depend on x alone once per x.
  const sorted = [...groups.values()].sort((p, q) => p.x - q.x || p.T - q.T || p.tx - q.tx);
  const pick = (f: (g: (typeof sorted)[number]) => number) => Float64Array.from(sorted, f);
  const count = pick((g) => g.count);
  let customers = 0;
  let repeatBuyers = 0;
  sorted.forEach((g) => {
    customers += g.count;
    if (g.x > 0) repeatBuyers += g.count;
  });
  return { x: pick((g) => g.x), tx: pick((g) => g.tx), T: pick((g) => g.T), count, customers, repeatBuyers };
}

/** Divides every time in a compressed summary by `scale` (fits work in units where the mean T is 1). */
export function rescaleTime(data: CompressedSummaries, scale: number): CompressedSummaries {
  return { ...data, tx: data.tx.map((v) => v / scale), T: data.T.map((v) => v / scale) };
}

/** The customer-weighted mean of T, the time unit in which fits are run (1 when every T is 0). */
export function meanObservationTime(data: CompressedSummaries): number {
  let sum = 0;
  for (let i = 0; i < data.T.length; i++) sum += data.T[i] * data.count[i];
  const mean = sum / data.customers;
  return mean > 0 ? mean : 1;
}

/** Summaries ready to fit: compressed, and rescaled to units of the mean observation time. */
export interface FitData {
  readonly data: CompressedSummaries;
  readonly scaled: CompressedSummaries;
  /** The mean observation time the scaled data is in units of. */
  readonly scale: number;
}

/**
 * Checks and prepares summaries for a purchase-count model's fit, or says why it cannot be fitted
 * (invalid rows, no customers, one customer, no repeat purchases). Fitting in units of the mean
 * observation time lets one start point and one set of bounds suit any time unit.
 */
export function prepareFit(model: string, rows: readonly RfmSummary[]): FitData | string {
  const invalid = checkSummaries(rows);
  if (invalid) return invalid;
  const data = compressSummaries(rows);
  if (data.customers === 0) return modelMessages.noCustomers(model);
  if (data.customers <= 1) return modelMessages.oneCustomer(model);
  if (data.repeatBuyers === 0) return modelMessages.noRepeatPurchases(model);
  const scale = meanObservationTime(data);
  return { data, scaled: rescaleTime(data, scale), scale };
}
