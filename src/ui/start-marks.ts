// The start-up milestones on the Performance timeline (`clientbook:start:<step>`, each once per page), so a
// benchmark can lay a first and a repeat visit out step by step (scripts/bench-timeline.ts) without the app
// reporting anything itself.

/** Prefix of every start-up mark. */
export const startPrefix = "clientbook:start:";

/** The steps marked, in the order a visit usually reaches them. */
export type StartStep =
  | "shell-mounted"
  | "notebook-fetched"
  | "notebook-parsed"
  | "first-cell-rendered"
  | "kept-results-read"
  | "frame-created"
  | "frame-loaded"
  | "frame-script-posted"
  | "frame-script-ready"
  | "chart-drawn"
  | "engine-ready"
  | "data-fetched"
  | "data-loaded"
  | "run-started"
  | "fresh-chart-drawn"
  | "warm-up";

const marked = new Set<StartStep>();

/** Marks `step` the first time it is reached on this page; later calls do nothing. */
export function markStart(step: StartStep): void {
  if (marked.has(step)) return;
  marked.add(step);
  performance.mark(startPrefix + step);
}
