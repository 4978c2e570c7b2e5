// The cell-name rule, written once: a name is an identifier usable unquoted in SQL and in TypeScript
// cells. The compiler, the document edits and the recipe builder all ask here.

/** The pattern of a cell name (no anchors), for building bigger patterns (`cell.column`). */
export const CELL_NAME_PATTERN = "[A-Za-z_][A-Za-z0-9_]*";

const NAME = new RegExp(`^${CELL_NAME_PATTERN}$`);

/** Whether `name` is a valid cell name: letters, digits and _, not starting with a digit. */
export function isCellName(name: string): boolean {
  return NAME.test(name);
}
