// Plans made before the engine needs them: a linked notebook's data arrives while DuckDB's 34 MB wasm still
// compiles, so its sniffing (100-360 ms of the page's main thread on the tour's orders) is done then, not
// between the engine's start and the first chart. A plan is kept per file until its load takes it.
import type { FileSource, LoadOptions } from "../engine";
import { planLoad, type LoadPlan } from "./plan";

const planned = new WeakMap<Blob, Promise<LoadPlan>>();

/** Plans the load of `source` now (its default plan: no encoding chosen), for its load to take later. */
export function planAhead(source: FileSource): void {
  if (!source.file || planned.has(source.file)) return;
  const plan = planLoad(source);
  // A bad file's error is its load's to report, when it is taken.
  plan.catch(() => undefined);
  planned.set(source.file, plan);
}

/** The plan of `source` under `options`: the one made ahead when there is one, else made now. */
export function plannedLoad(source: FileSource, options: LoadOptions = {}): Promise<LoadPlan> {
  const ahead = source.file && options.encoding === undefined ? planned.get(source.file) : undefined;
  if (!ahead) return planLoad(source, options);
  planned.delete(source.file!);
  return ahead;
}
