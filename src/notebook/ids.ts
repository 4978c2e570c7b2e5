// Cell ids: stable within a session so the UI keeps identity across edits and moves; never saved.

let counter = 0;
// A random part keeps ids from two notebooks opened in one page (or one test run) apart at a glance;
// crypto.randomUUID is avoided because it is missing outside secure contexts (plain http hosts).
const run = Math.random().toString(36).slice(2, 8);

/** Returns a new cell id, unique within this page or process. */
export function newCellId(): string {
  counter += 1;
  return `c${counter.toString(36)}-${run}`;
}
