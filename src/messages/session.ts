// Wording of everything the session and its runtime tell the user about running cells.
import { localized, formatCount, plural } from "./locale";

const en = {
  dependencyFailed: (name: string) => `depends on ${name}, which failed`,
  dependencyNotRun: (name: string) => `depends on ${name}, which has not run`,
  notRunnable: (kind: string) => `${kind} cells do not run yet`,
  chartDataMissing: (name: string) => `chart data cell ${name} has no table result`,
  engineFailed: (reason: string) => `The database could not start: ${reason}`,
  missingData: (table: string, file: string) => `Load ${file} for table ${table}: the notebook reads it.`,
  /** A cell reads a table whose file failed to load (`reason`: the load's, without its closing stop). */
  tableLoadFailed: (table: string, file: string, reason: string) =>
    `The table ${table} is missing: its file “${file}” could not be loaded (${reason}). Fix the file and load ` +
    "it again (drop it on the page): this cell then runs again.",
  /** A cell reads a table the notebook declares, whose file is not loaded. */
  tableNotLoaded: (table: string, file: string) =>
    `The table ${table} is not loaded: the notebook reads it from “${file}”. Load that file (drop it on the ` +
    "page, or choose it under the data files this notebook needs): this cell then runs again.",
  /** A cell reads a table no file or cell makes; `suggestion`: a table of the user's with a close name. */
  noSuchTable: (table: string, suggestion?: string) =>
    `No table or cell is named ${table}${suggestion ? ` (did you mean ${suggestion}?)` : ""}: check the name, ` +
    "or load the file the table comes from.",
  unknownCell: (id: string) => `No cell with id ${id}`,
  unknownTable: (table: string) => `No data source named ${table} in this notebook`,
  notLoaded: (table: string) => `No loaded table named ${table} to remove`,
  noColumn: (table: string, column: string) => `The table ${table} has no column named ${column}; nothing was renamed.`,
  noRunner: () => "TypeScript cells cannot run here: this session has no code runner.",
  cancelled: () => "The run was stopped.",
  unknownName: (name: string) =>
    `unknown name ${name}: no cell (and no built-in) is called that. Was it renamed or deleted?`,
  interpolationFailed: (expr: string, reason: string) => `\${${expr}}: ${reason}`,
  inputOptionsMissing: (cell: string) => `options_from ${cell} has no table result to take options from`,
  inputNoColumn: (cell: string, column: string) => `${cell} has no column named ${column}`,
  notInput: (id: string) => `Cell ${id} is not an input cell`,
  badInputValue: (name: string, problem: string) => `Cannot set ${name}: ${problem}`,
  badSelection: (name: string, cap: number) =>
    `Cannot set the selection ${name}: it takes a list of at most ${formatCount(cap)} numbers, texts or ` +
    `true/false values.`,
  codeStopped: () => "Stopped: the cell's code was ended.",
  codeTimeout: (ms: number) => `Stopped: the cell ran longer than ${formatCount(ms)} ms (an endless loop?).`,
  codeCrashed: (reason: string) => `The code runner stopped unexpectedly: ${reason}`,
  runnerClosed: () => "The code runner is closed.",
  notCloneable: (reason: string) =>
    `The cell returned a value that cannot leave the sandbox (functions, class instances and the like cannot): ${reason}`,
  logMore: (n: number) => `… ${formatCount(n)} more ${plural(n, "line", "lines")}`,
  badName: (name: string) => `${name} is not a valid cell name (letters, digits and _; not starting with a digit)`,
} as const;

/** Messages shown on cells and in the session's problem list, in the current locale. */
export const sessionMessages = localized(en, "sessionMessages");
