// A small seeded pseudo-random generator, so that anything random in a recipe (k-means starts,
// silhouette samples) gives the same answer for the same seed in every browser and in Node.

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** A seeded generator (sfc32, seeded through splitmix32 so that nearby seeds give unrelated streams). */
export function seededRandom(seed: number): Random {
  let s = (Math.trunc(seed) >>> 0) ^ 0x9e3779b9;
  const split = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let t = s ^ (s >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next: Random = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // discard the first outputs, as sfc32's authors advise
  return next;
}

/** A uniform integer in [0, n) from a generator. */
export function randomInt(random: Random, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}
