// A workshop page: the original a linked notebook was opened from, kept beside the user's copy in
// memory, with "reset to original" and "erase my data"; and the site's own note (a new version).
import type { Workbench } from "./workbench.svelte";
import { workshopText } from "../messages/workshop";
import { eraseSiteData } from "./erase-data";

/** The notebook as it was fetched from the site. */
export interface Original {
  readonly text: string;
  readonly fileName: string;
  readonly trusted: boolean;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Resolves once no file is being fetched or loaded (a load finishing after an erase would bring a table back). */
async function loadsSettled(bench: Workbench): Promise<void> {
  while (bench.loads.length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The pristine original, the site note, and the two workshop actions. */
export class Workshop {
  original: Original | undefined = $state.raw(undefined);
  /** A quiet note about the app itself (a new version), shown until dismissed. */
  note: string | undefined = $state(undefined);
  /** Runs before "Reset to original" opens the original (autosave forgets the user's stored copy). */
  beforeReset: (() => Promise<void>) | undefined;
  /** Set once an erase finished, so the page can offer to start again. */
  erased = $state(false);

  /** Puts the original back in place of the user's copy; tables stay, a shipped original runs again. */
  async reset(bench: Workbench): Promise<void> {
    const original = this.original;
    if (!original) return;
    // The stored copy goes too: a reload must bring back the original, not the edits just reset.
    await this.beforeReset?.();
    if (!bench.openText(original.text, original.fileName, original.trusted)) return;
    if (original.trusted) await bench.runAll();
  }

  /** Drops every table, erases the site's stored data and leaves the original (or an empty notebook) without data. */
  async erase(bench: Workbench): Promise<void> {
    try {
      await loadsSettled(bench);
      for (const table of bench.state.tables) await bench.removeTable(table.name);
      await eraseSiteData();
    } catch (error) {
      bench.notify(workshopText.eraseFailed(reason(error)));
      return;
    }
    const original = this.original;
    bench.openText(original?.text ?? "", original?.fileName ?? "notebook.md", original?.trusted ?? true);
    this.erased = true;
  }
}

/** The page's workshop state (main.ts records the original; the toolbar's actions use it). */
export const workshop = new Workshop();
