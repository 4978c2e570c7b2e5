// When the page shows that something waits (a cell out of date or running, the Stop button): only once the wait
// has lasted a while. A quick re-run (an input moved, a brush dragged) is back before then, so the page neither
// flickers nor repaints and re-rasters while DuckDB works on the same two cores (issue 15: -17 ms of CPU per move).

/** How long a wait lasts before the page marks it. */
export const WAIT_MARK_MS = 300;

/** A flag that follows `waiting`, turning on only after it has held for `ms` and off at once. Call in a component. */
export function shownAfter(waiting: () => boolean, ms = WAIT_MARK_MS): { readonly on: boolean } {
  const now = $derived(waiting());
  let on = $state(false);
  $effect(() => {
    if (!now) {
      on = false;
      return;
    }
    const timer = setTimeout(() => (on = true), ms);
    return () => clearTimeout(timer);
  });
  return {
    get on() {
      return on;
    },
  };
}
