// Command-mode keys (as in Jupyter): with the focus on a cell or the page, not in a text field,
// single keys act on the selected cell. Editor keys (Shift+Enter, Esc…) live in CodeEditor.
import type { CellEditing } from "./editing.svelte";

/** Whether the key went to something that takes text (an editor, a field, a select). */
export function inTextField(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target : null;
  return !!el?.closest(
    "input, textarea, select, [contenteditable=''], [contenteditable='true'], [contenteditable='plaintext-only'], " +
      ".cm-editor",
  );
}

/** Whether the focus is on a cell itself or on nothing in particular, where single keys are commands
 *  (on a button, Enter and Space press the button and letters do nothing). */
export function onCellOrPage(target: EventTarget | null): boolean {
  return target === document.body || (target instanceof HTMLElement && target.matches("[data-cell-id]"));
}

/** Handles a command-mode key; true when it did something (the caller then prevents the default). */
export function commandKey(event: KeyboardEvent, editing: CellEditing, firstCell: () => string | undefined): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if (event.key !== "d") pendingDelete = undefined;
  if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === "z") {
    void editing.undo();
    return true;
  }
  if (event.key === "?") {
    editing.sheetOpen = true;
    return true;
  }
  if (!onCellOrPage(event.target)) return false;
  const id = editing.selected ?? firstCell();
  if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
    if (id) void editing.move(id, event.key === "ArrowUp" ? -1 : 1);
    return !!id;
  }
  if (mod || event.altKey) {
    if (event.key !== "Enter" || !id || !mod) return false;
    void editing.run(id, false);
    return true;
  }
  switch (event.key) {
    case "a":
    case "b":
      void editing.insertNear(event.key === "a" ? 0 : 1);
      return true;
    case "ArrowUp":
    case "k":
    case "ArrowDown":
    case "j": {
      if (!editing.selected) return id ? (void editing.select(id), true) : false;
      const up = event.key === "ArrowUp" || event.key === "k";
      void editing.select(editing.neighbour(editing.selected, up ? -1 : 1) ?? editing.selected);
      return true;
    }
    case "Enter":
      if (!id) return false;
      if (event.shiftKey) void editing.run(id, true);
      else void editing.enter(id);
      return true;
    case "d":
      // "d d" deletes, as in Jupyter: one press alone does nothing.
      if (!id) return false;
      if (pendingDelete === id) {
        pendingDelete = undefined;
        void editing.remove(id);
      } else pendingDelete = id;
      return true;
    default:
      return false;
  }
}

let pendingDelete: string | undefined;
