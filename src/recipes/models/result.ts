// The result type of every model call that can fail on the user's data: a value, or a message
// saying what is wrong (never a silently wrong number).
import type { Convergence } from "./optimize";

/** A model result: the value, or an error for the user (with the optimizer's report when a fit failed). */
export type ModelResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string; readonly convergence?: Convergence };

/** Wraps a value as a successful result. */
export function success<T>(value: T): ModelResult<T> {
  return { ok: true, value };
}

/** Wraps a message (and optionally the optimizer's report) as a failed result. */
export function failure<T>(error: string, convergence?: Convergence): ModelResult<T> {
  return convergence ? { ok: false, error, convergence } : { ok: false, error };
}
