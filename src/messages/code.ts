// What the user (and the developer console) is told about running TypeScript cells: result limits
// and messages that arrive for a run they do not belong to.
import { localized, formatCount } from "./locale";

const en = {
  /** A message came in on a channel whose run is over, or named another run: it was ignored. */
  droppedMessage: (kind: string, reason: string) => `Clientbook ignored a "${kind}" message from cell code: ${reason}.`,
  staleChannel: "its run is over",
  foreignRun: "it names another run",
  notAllowed: "it is not one the sandbox may send",
  /** A table result with more values than the limit. */
  tooManyValues: (rows: number, columns: number, limit: number) =>
    `The cell returned ${formatCount(rows)} rows × ${formatCount(columns)} columns, more than the ` +
    `limit of ${formatCount(limit)} values (rows × columns) a cell result may hold. Aggregate in the cell, ` +
    "or return fewer rows or columns.",
  /** A non-table value with more parts than the limit. */
  valueTooBig: (limit: number) =>
    `The cell returned a value with more than ${formatCount(limit)} parts (items, fields and leaves), the limit ` +
    "for a value that is not rows. Return rows (a list of plain objects) to get a table, or a smaller value.",
  /** The table bytes the sandbox sent could not be read. */
  badTable: (reason: string) => `The cell's rows could not be read as a table: ${reason}`,
  /** A value that structured clone refused. */
  notCloneable: (reason: string) => `The cell's value cannot leave the sandbox: ${reason}`,
};

/** Messages of the code runners, in the current locale. */
export const codeMessages = localized(en, "codeMessages");
