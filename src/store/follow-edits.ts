// Which session events are edits worth storing: the notebook document changed (cell text, order, added
// or deleted cells, inputs written into the file, roles, the title); run states and results are not.
import type { Notebook } from "../notebook/types";
import type { Session } from "../session/types";

/** Calls `onEdit` with the new notebook each time the session's document changes; returns the unsubscribe. */
export function followEdits(session: Pick<Session, "on" | "getState">, onEdit: (notebook: Notebook) => void) {
  let last = session.getState().notebook;
  return session.on((event) => {
    if (event.type !== "document" && event.type !== "cell") return;
    // The notebook is immutable and replaced on every edit, so identity tells an edit from a run.
    const notebook = session.getState().notebook;
    if (notebook === last) return;
    last = notebook;
    onEdit(notebook);
  });
}
