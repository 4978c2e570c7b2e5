// A cell's code as the browser tests reach it: the highlighted static code until the cell is focused, then the
// CodeMirror editor that replaces it (same text; clicking the static code mounts the editor at that place).
import type { Locator, Page } from "playwright-core";

/** The code of cell `name`: its static code or its editor's content, whichever is shown. */
export function codeOf(page: Page, name: string): Locator {
  return page.locator(`[data-cell="${name}"] :is(.cm-content, [data-role=static-code])`);
}
