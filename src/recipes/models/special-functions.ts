// Special functions the customer-base models need: log-gamma (Lanczos), log-beta and the Gauss
// hypergeometric function 2F1, written for accuracy over the parameter ranges a fit wanders through.

const LANCZOS_G = 7;
// Lanczos coefficients for g = 7, n = 9 (Godfrey); about 15 significant digits for Re(x) > 0.5.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** The natural log of |Γ(x)|, by the Lanczos approximation (reflection below 0.5); NaN at poles and for NaN. */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1-x) = π / sin(πx); sinPi keeps precision for x close to an integer.
    return Math.log(Math.PI / Math.abs(sinPi(x))) - logGamma(1 - x);
  }
  if (x === 1 || x === 2) return 0;
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** sin(πx) with the argument reduced first, so that values near integers stay accurate. */
function sinPi(x: number): number {
  const r = x - 2 * Math.floor(x / 2); // r in [0, 2)
  if (r === 0 || r === 1) return 0;
  if (r < 0.5) return Math.sin(Math.PI * r);
  if (r < 1.5) return -Math.sin(Math.PI * (r - 1));
  return Math.sin(Math.PI * (r - 2));
}

/** The digamma function ψ(x) = d/dx log Γ(x): recurrence up to x >= 10, then the asymptotic series; reflection for x < 0. */
export function digamma(x: number): number {
  if (Number.isNaN(x) || (x <= 0 && Number.isInteger(x))) return NaN;
  if (x < 0) return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  // Bernoulli-number terms up to x^-12: the truncation error at x >= 10 is below 1e-15.
  const series =
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760))))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/** The natural log of the beta function B(a, b) = Γ(a)Γ(b)/Γ(a+b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Options of the 2F1 power series. */
export interface Hyp2f1Options {
  /** Give up (NaN) after this many terms; the default 1,000,000 covers z up to about 1 - 1e-5. */
  readonly maxTerms?: number;
  /** Relative accuracy at which to stop; default 1e-15. */
  readonly tolerance?: number;
}

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real z < 1, by its power series
 * (Pfaff's transformation first for z < -0.5); NaN when c is a pole or the series does not settle.
 */
export function hyp2f1(a: number, b: number, c: number, z: number, options: Hyp2f1Options = {}): number {
  if (![a, b, c, z].every(Number.isFinite) || z >= 1) return NaN;
  if (z === 0) return 1;
  if (z < -0.5) {
    // Pfaff: 2F1(a,b;c;z) = (1-z)^(-a) 2F1(a, c-b; c; z/(z-1)); maps z < -0.5 into (1/3, 1).
    return Math.exp(-a * Math.log1p(-z)) * (1 + seriesTail(a, c - b, c, z / (z - 1), options, false));
  }
  return 1 + seriesTail(a, b, c, z, options, false);
}

/**
 * 2F1(a, b; c; z) - 1 for -1 < z < 1, accurate to the last digits even when the result is tiny
 * (e.g. as b -> 0), which `1 - 2F1` computed by subtraction would lose.
 */
export function hyp2f1Minus1(a: number, b: number, c: number, z: number, options: Hyp2f1Options = {}): number {
  if (![a, b, c, z].every(Number.isFinite) || Math.abs(z) >= 1) return NaN;
  return seriesTail(a, b, c, z, options, true);
}

/**
 * The power series of 2F1 without its leading 1, for |z| < 1, stopped by a geometric tail bound
 * relative to the tail itself (relativeToTail) or to 1 + tail.
 */
function seriesTail(
  a: number,
  b: number,
  c: number,
  z: number,
  options: Hyp2f1Options,
  relativeToTail: boolean,
): number {
  if (z === 0) return 0;
  const maxTerms = options.maxTerms ?? 1_000_000;
  const tolerance = options.tolerance ?? 1e-15;
  let term = 1;
  let tail = 0;
  for (let n = 0; n < maxTerms; n++) {
    const denominator = (c + n) * (n + 1);
    // A non-positive integer c is a pole unless a or b ends the series first (term === 0 below).
    if (denominator === 0) return NaN;
    const ratio = ((a + n) * (b + n) * z) / denominator;
    term *= ratio;
    if (term === 0) return tail; // a or b is a non-positive integer: the series is a polynomial
    tail += term;
    if (!Number.isFinite(tail)) return NaN;
    // Later ratios tend to z, so bound the rest by a geometric series with the larger of the two;
    // n beyond |a| + |b| keeps a ratio that dips while a + n or b + n crosses zero from stopping early.
    const rho = Math.max(Math.abs(ratio), Math.abs(z));
    const scale = relativeToTail ? Math.abs(tail) : Math.abs(1 + tail);
    if (rho < 1 && n + 1 > Math.abs(a) + Math.abs(b) && Math.abs(term) <= tolerance * (1 - rho) * scale) return tail;
  }
  return NaN;
}

/** log(exp(u) + exp(v)) without overflow; -Infinity when both are -Infinity. */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

/** log(exp(u) - exp(v)) for u >= v; -Infinity when they are equal, NaN when v > u. */
export function logSubExp(u: number, v: number): number {
  if (v > u) return NaN;
  if (v === -Infinity) return u;
  if (u === v) return -Infinity;
  return u + Math.log1p(-Math.exp(v - u));
}
