// The workbench as Svelte context: App sets it once, every component below reads it, so no
// component takes the whole workbench as a prop.
import { createContext } from "svelte";
import type { Workbench } from "./workbench.svelte";

const [get, set] = createContext<Workbench>();

/** The workbench of the app this component is in (set by App). */
export const useWorkbench: () => Workbench = get;

/** Makes `bench` the workbench of every component below the caller. */
export const provideWorkbench: (bench: Workbench) => Workbench = set;
