// The keeper as Svelte context: main.ts passes it when mounting App, and the storage components read it.
import { getContext } from "svelte";
import type { Keeper } from "./keeper.svelte";

/** The context key main.ts mounts App with (`mount(App, { context: new Map([[KEEPER, keeper]]) })`). */
export const KEEPER = Symbol("keeper");

/** The keeper of the app this component is in. */
export function useKeeper(): Keeper {
  return getContext<Keeper>(KEEPER);
}
