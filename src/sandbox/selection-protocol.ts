// The selection message: the sandbox tells the shell that a selection of the drawn chart changed.
// Validated here like every message: a known shape, a cell-like name and a bounded list of plain values.

/** The most values one selection message carries (a point selection of many clicks). */
export const SELECTION_MESSAGE_VALUES = 10_000;
/** The most characters a text value in a selection message may have. */
export const SELECTION_TEXT_CHARS = 1000;

/** A plain value a selection holds: a bound of a brush (epoch milliseconds on a time axis) or a clicked value. */
export type SelectionItem = string | number | boolean | null;

/**
 * Sandbox -> shell: selection `name` of chart `id` now holds `values` (a brush's two bounds, the clicked
 * values; empty: cleared).
 */
export interface SelectionMessage {
  readonly type: "clientbook:selection";
  readonly id: number;
  readonly name: string;
  readonly values: readonly SelectionItem[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const KEYS = ["id", "name", "type", "values"].join();

const isItem = (v: unknown): v is SelectionItem =>
  v === null ||
  typeof v === "boolean" ||
  (typeof v === "number" && Number.isFinite(v)) ||
  (typeof v === "string" && v.length <= SELECTION_TEXT_CHARS);

/** Returns the message as a SelectionMessage when it has exactly that shape and fits the limits, else null. */
export function asSelectionMessage(data: unknown): SelectionMessage | null {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const m = data as Record<string, unknown>;
  if (m.type !== "clientbook:selection" || Object.keys(m).sort().join() !== KEYS) return null;
  if (typeof m.id !== "number" || !Number.isFinite(m.id) || typeof m.name !== "string" || !NAME.test(m.name))
    return null;
  if (!Array.isArray(m.values) || m.values.length > SELECTION_MESSAGE_VALUES || !m.values.every(isItem)) return null;
  return { type: m.type, id: m.id, name: m.name, values: [...m.values] };
}
