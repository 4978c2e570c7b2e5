// Wording of everything the session and its runtime tell the user about running cells.

/** Messages shown on cells and in the session's problem list. */
export const sessionMessages = {
  dependencyFailed: (name: string) => `depends on ${name}, which failed`,
  dependencyNotRun: (name: string) => `depends on ${name}, which has not run`,
  notRunnable: (kind: string) => `${kind} cells do not run yet`,
  chartDataMissing: (name: string) => `chart data cell ${name} has no table result`,
  chartRowsCapped: (shown: number, total: number) => `The chart shows the first ${shown.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} rows.`,
  engineFailed: (reason: string) => `The database could not start: ${reason}`,
  missingData: (table: string, file: string) => `Load ${file} for table ${table}: the notebook reads it.`,
  unknownCell: (id: string) => `No cell with id ${id}`,
  unknownTable: (table: string) => `No data source named ${table} in this notebook`,
  badName: (name: string) => `${name} is not a valid cell name (letters, digits and _; not starting with a digit)`,
} as const;
