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
  /** A value that is not plain data; `problem` is one of the `plain…` phrases below. */
  valueRefused: (problem: string) =>
    `The cell returned something that is not plain data (${problem}): return numbers, text, lists or plain objects.`,
  plainTooMany: (limit: number) => `more than ${formatCount(limit)} values`,
  plainBigInt: "a BigInt",
  /** A value of a kind that is not data: a function, a symbol, a Map, a Blob... */
  plainKind: (kind: string) => `a ${kind}`,
  plainTooDeep: (depth: number) => `nesting deeper than ${formatCount(depth)} levels`,
  plainCycle: "a value that contains itself",
  /** The cell's code closed the function it is wrapped in (a stray `}`). */
  notOneBody: "The cell's code is not one function body: check its braces.",
};

/** Messages of the code runners, in the current locale. */
export const codeMessages = localized(en, "codeMessages");
