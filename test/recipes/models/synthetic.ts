// Seeded simulation of a customer base from the BG/NBD and Gamma-Gamma models, for the 100,000-customer
// timing benchmark and for checking that fits recover the parameters they were simulated with.
import { seededRandom, type Random } from "../../../src/recipes/models/prng";
import type { BgNbdParams } from "../../../src/recipes/models/bgnbd";
import type { GammaGammaParams } from "../../../src/recipes/models/gamma-gamma";

/** A simulated customer: calibration summary, mean repeat spend and holdout purchases. */
export interface SimulatedCustomer {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
  readonly meanSpend: number;
  readonly holdout: number;
}

function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A Gamma(shape, rate) draw (Marsaglia & Tsang; shape < 1 by the boost U^(1/shape)). */
export function gammaDraw(random: Random, shape: number, rate: number): number {
  if (shape < 1) return gammaDraw(random, shape + 1, rate) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x = normal(random);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = 1 - random();
    x = x * x;
    if (Math.log(u) < 0.5 * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

/**
 * Simulates `n` customers who first buy uniformly in the first `cohortWeeks` weeks, observed to week
 * `calibrationWeeks` and then for `holdoutWeeks` more; times are rounded to whole days, as real data are.
 */
export function simulateCustomers(
  n: number,
  bg: BgNbdParams,
  gg: GammaGammaParams,
  { seed = 7, cohortWeeks = 12, calibrationWeeks = 39, holdoutWeeks = 39 } = {},
): SimulatedCustomer[] {
  const random = seededRandom(seed);
  const day = (t: number) => Math.round(t * 7) / 7;
  const customers: SimulatedCustomer[] = [];
  for (let i = 0; i < n; i++) {
    const birth = day(random() * cohortWeeks);
    const T = calibrationWeeks - birth;
    const lambda = gammaDraw(random, bg.r, bg.alpha);
    const pa = gammaDraw(random, bg.a, 1);
    const p = pa / (pa + gammaDraw(random, bg.b, 1));
    const nu = gammaDraw(random, gg.q, gg.gamma);
    let t = 0;
    let x = 0;
    let tx = 0;
    let holdout = 0;
    let spend = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > T + holdoutWeeks) break;
      if (day(t) <= T) {
        x++;
        tx = day(t);
        spend += gammaDraw(random, gg.p, nu);
      } else holdout++;
      if (random() < p) break;
    }
    customers.push({ x, tx, T, meanSpend: x > 0 ? spend / x : NaN, holdout });
  }
  return customers;
}
