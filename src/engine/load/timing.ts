// The phases of a load on the Performance timeline (`clientbook:load:<phase>`), so a benchmark can
// read where a load's time goes, in the browser and natively, without the loader reporting it.

/** Prefix of every load phase measure. */
export const phasePrefix = "clientbook:load:";

/** Runs `work` and records how long it took as the measure `clientbook:load:<phase>`. */
export async function timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(phasePrefix + phase, { start, end: performance.now() });
  }
}
