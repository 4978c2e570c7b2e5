// Wording of everything the session and its runtime tell the user about running cells.
import { localized, formatCount, plural } from "./locale";

const q = (name: string) => `“${name}”`;

const en = {
  dependencyFailed: (name: string) => `depends on ${name}, which failed`,
  dependencyNotRun: (name: string) => `depends on ${name}, which has not run`,
  notRunnable: (kind: string) => `${kind} cells do not run yet`,
  chartDataMissing: (name: string) => `chart data cell ${name} has no table result`,
  engineFailed: (reason: string) => `The database could not start: ${reason}`,
  missingData: (table: string, file: string) => `Load ${file} for table ${table}: the notebook reads it.`,
  /** A cell reads a table whose file failed to load (`reason`: the load's, a sentence or more). */
  tableLoadFailed: (table: string, file: string, reason: string) =>
    `The table ${table} is missing: its file “${file}” could not be loaded. Fix the file and drop it on the ` +
    `page again: this cell then runs again. The reason: ${reason}`,
  /** A cell reads a table whose file (a linked notebook's data) could not be fetched (`reason`: the status). */
  tableFetchFailed: (table: string, file: string, reason: string) =>
    `The table ${table} is missing: its file “${file}” could not be fetched from this site (${reason}). ` +
    "Reload the page to try again, or drop the file on the page: this cell then runs again.",
  /** A cell reads a table whose declared file (a linked notebook's data) is not beside the notebook, so was not fetched. */
  tableFileRefused: (table: string, file: string) =>
    `The table ${table} is missing: its file “${file}” is not in the notebook's folder on this site, and a ` +
    "notebook opened by link reads data only from there: it was not fetched. Drop the file on the page: this " +
    "cell then runs again.",
  /** A cell reads a table the notebook declares, whose file is not loaded. */
  tableNotLoaded: (table: string, file: string) =>
    `The table ${table} is not loaded: the notebook reads it from “${file}”. Load that file (drop it on the ` +
    "page, or choose it under the data files this notebook needs): this cell then runs again.",
  /** A cell reads a table no file or cell makes; `suggestion`: a table of the user's with a close name. */
  noSuchTable: (table: string, suggestion?: string) =>
    `No table or cell is named ${table}${suggestion ? ` (did you mean ${suggestion}?)` : ""}: check the name, ` +
    "or load the file the table comes from.",
  // DuckDB's common errors (session/cell-error-text.ts); `candidates`: the close names DuckDB offers.
  columnNotFound: (column: string, candidates: readonly string[]) =>
    `No table this query reads has a column “${column}”` +
    `${candidates.length ? `; close names: ${candidates.map(q).join(", ")}` : ""}.`,
  tableNoColumn: (table: string, column: string, candidates: readonly string[]) =>
    `The table “${table}” has no column “${column}”` +
    `${candidates.length ? `; close names: ${candidates.map(q).join(", ")}` : ""}.`,
  qualifierNotFound: (name: string, candidates: readonly string[]) =>
    `The query writes ${name}.column, but it reads no table or alias called “${name}”` +
    `${candidates.length ? `; it reads ${candidates.map(q).join(", ")}` : ""}.`,
  joinColumn: (column: string, left: boolean) =>
    `The join's USING names the column “${column}”, which the table on the ${left ? "left" : "right"} does not have.`,
  notGrouped: (column: string) =>
    `The column “${column}” is neither in GROUP BY nor inside an aggregate (sum, count, …): add it to ` +
    `GROUP BY, or aggregate it, e.g. any_value(${column}).`,
  syntaxNear: (token: string) =>
    `SQL syntax error at or near “${token}”: check the spelling, and the commas and brackets around it.`,
  syntaxEnd: () => "SQL syntax error: the statement ends too early (a bracket, quote or clause left open?).",
  notConverted: (value: string, type: string) =>
    `The text '${value}' cannot be converted to ${type}: fix or filter out the value, or use TRY_CAST, which ` +
    "gives NULL for a value that does not convert.",
  noSuchFunction: (name: string, suggestion?: string) =>
    `There is no function named ${name}${suggestion ? ` (did you mean ${suggestion}?)` : ""}.`,
  unknownCell: (id: string) => `No cell with id ${id}`,
  unknownTable: (table: string) => `No data source named ${table} in this notebook`,
  notLoaded: (table: string) => `No loaded table named ${table} to remove`,
  noColumn: (table: string, column: string) => `The table ${table} has no column named ${column}; nothing was renamed.`,
  noRunner: () => "TypeScript cells cannot run here: this session has no code runner.",
  cancelled: () => "The run was stopped.",
  unknownName: (name: string) =>
    `unknown name ${name}: no cell (and no built-in) is called that. Was it renamed or deleted?`,
  // JavaScript's common errors in a ts cell (session/code-error-text.ts), before its own text (`raw`).
  readOfNothing: (what: string, property: string, raw: string) =>
    `the code reads “${property}” of ${what}: a value it expected is missing (${raw})`,
  writeOfNothing: (what: string, property: string, raw: string) =>
    `the code sets “${property}” on ${what}: a value it expected is missing (${raw})`,
  notAFunction: (expression: string, raw: string) => `the code calls ${expression}, which is not a function (${raw})`,
  constAssigned: (raw: string) => `the code assigns to a const: declare it with let instead (${raw})`,
  tooDeep: (raw: string) => `the code calls itself too deeply (endless recursion?) (${raw})`,
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
