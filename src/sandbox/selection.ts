// Chart selections in the sandbox: reports each selection of the drawn chart to the shell when it
// changes, and puts the last one back when the chart is drawn again (new data), so a brush survives a re-run.
import type { View } from "vega";
import type { SelectionItem, SelectionMessage } from "./selection-protocol";

/** A selection the spec declares: its name, type and the channel or field it is projected on. */
interface Declared {
  readonly name: string;
  readonly type: string;
  readonly key: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// The last values each selection reported, by name and type: what a re-drawn chart starts with.
const kept = new Map<string, readonly SelectionItem[]>();

function declared(spec: Record<string, unknown>): Declared[] {
  const params = Array.isArray(spec.params) ? spec.params : [];
  return params.flatMap((p: unknown) => {
    if (!isRecord(p) || typeof p.name !== "string" || p.select === undefined) return [];
    const select = isRecord(p.select) ? p.select : { type: p.select };
    const [key] = [
      ...(Array.isArray(select.encodings) ? select.encodings : []),
      ...(Array.isArray(select.fields) ? select.fields : []),
    ];
    return typeof key === "string" ? [{ name: p.name, type: String(select.type), key }] : [];
  });
}

const keyOf = (d: Declared) => `${d.name}\u0000${d.type}\u0000${d.key}`;

// A brush being dragged reports once, on release: every move would start a downstream run only to supersede it.
let pressed = false;
const held = new Set<() => void>();
if (typeof window !== "undefined") {
  const release = () => {
    pressed = false;
    for (const schedule of held) schedule();
    held.clear();
  };
  window.addEventListener("pointerdown", () => (pressed = true), true);
  for (const type of ["pointerup", "pointercancel", "blur"]) window.addEventListener(type, release, true);
}

/** The spec with each selection's last values as its initial value (a spec's own `value` is kept). */
export function withKeptSelections(spec: Record<string, unknown>): Record<string, unknown> {
  const selections = declared(spec);
  if (!selections.some((d) => kept.get(keyOf(d))?.length)) return spec;
  const params = (spec.params as unknown[]).map((p) => {
    const d = selections.find((s) => isRecord(p) && s.name === p.name);
    const values = d && kept.get(keyOf(d));
    if (!d || !values?.length || !isRecord(p) || p.value !== undefined) return p;
    const value = d.type === "interval" ? { [d.key]: values } : values.map((v) => ({ [d.key]: v }));
    return { ...p, value };
  });
  return { ...spec, params };
}

/** The values of a selection signal: the one projected field's extent or values, as plain JSON (dates as ms). */
function valuesOf(signal: unknown): SelectionItem[] {
  if (!isRecord(signal)) return [];
  const field = Object.keys(signal).find((k) => k !== "vlPoint");
  const values = field === undefined ? [] : signal[field];
  if (!Array.isArray(values)) return [];
  return values.map((v: unknown) => (v instanceof Date ? v.getTime() : (v as SelectionItem)));
}

/**
 * Reports the drawn chart's selections: once now (what it starts with, restored or cleared) and on each
 * change, at most once per task and, while a pointer is pressed (a drag), once on its release, under `id`
 * (or its current value).
 */
export function watchSelections(
  view: View,
  id: number | (() => number),
  spec: Record<string, unknown>,
  post: (message: SelectionMessage) => void,
): void {
  for (const d of declared(spec)) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      timer = undefined;
      let values: SelectionItem[];
      try {
        values = valuesOf(view.signal(d.name));
      } catch {
        return; // Not a signal of this view (a selection Vega-Lite did not build): nothing to report.
      }
      kept.set(keyOf(d), values);
      // The id of the render the view now shows: new rows reach the same view under a newer id.
      post({ type: "clientbook:selection", id: typeof id === "number" ? id : id(), name: d.name, values });
    };
    // After the release's own handlers (Vega's last brush update among them): the value reported is final.
    const schedule = () => (pressed ? held.add(schedule) : (timer ??= setTimeout(report, 0)));
    try {
      view.addSignalListener(d.name, schedule);
    } catch {
      continue;
    }
    report();
  }
}
