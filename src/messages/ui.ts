// Every piece of text the browser UI shows, in one place so wording stays consistent and can be
// translated. Functions build messages that carry values (file names, counts).

import { loadReason } from "./load-lead";
import { clause, formatBytes as bytes, formatCount as count, formatDuration, localized, plural } from "./locale";

const en = {
  appName: "Clientbook",
  untitled: "Untitled notebook",
  tagline: "Runs entirely in your browser: data never leaves this computer.",

  language: "Language",
  openNotebook: "Open notebook…",
  saveNotebook: "Save notebook",
  runAll: "Run all",
  shareMenu: "Share",
  moreMenu: "More",
  stop: "Stop",
  loadData: "Load data…",
  dropHint: "Drop CSV, TSV, Parquet or JSON-lines files, or a notebook (.md), anywhere on the page.",
  dropOverlay: "Drop to load",

  engineStarting: "Starting the database…",
  engineReady: "Database ready",
  engineFailed: "The database could not start",
  /** How many threads DuckDB runs on, after "Database ready". */
  engineThreads: (n: number) => `${count(n)} ${plural(n, "thread", "threads")}`,
  /** The engine's build and why, as the status line's tooltip; `asked`: the page's address has `?threads=on`. */
  engineRuntime: (bundle: string, threads: number, asked: boolean) =>
    bundle === "coi"
      ? `DuckDB runs on ${count(threads)} ${plural(threads, "thread", "threads")} ` +
        "(duckdb-wasm's threaded build: this page is cross-origin isolated)."
      : asked
        ? `DuckDB runs on one thread (duckdb-wasm's ${bundle} build): this page asked for threads, but it is ` +
          "not cross-origin isolated yet (a first visit, before the offline copy, or service workers are off) " +
          "or this browser has no WebAssembly threads."
        : `DuckDB runs on one thread (duckdb-wasm's ${bundle} build). Threads are off by default: they make ` +
          "the start slower and gain little; add ?threads=on to the address to try them (from the second visit on).",

  /** After the thread count when the page asked for threads (`?threads=on`) and runs on one. */
  threadsUnavailable: "(threads not available here)",

  welcomeTitle: "Welcome to Clientbook",
  welcomeBody:
    "Load a client data file (CSV, TSV, Parquet or JSON lines) with “Load data…” or by dropping it on the page, then add a SQL cell to query it. Or open a notebook file.",
  welcomeSample: "Open the example notebook on sample data",
  welcomeSampleZh: "Open the Chinese example notebook: customer classification, value and key-account risk",

  untrustedTitle: "This notebook has not been run.",
  untrustedBody:
    "It was not shipped with this app, so its code runs only when you say so. Read the cells first; running it only queries the files you load here.",
  trustRun: "Run this notebook",

  declaredTitle: "Data files this notebook needs",
  declaredHint: "Choose each file, or drop them on the page: files are matched by name.",
  declaredLoaded: "loaded",
  declaredChoose: "Choose file",

  dataTitle: "Data",
  dataEmpty: "No tables yet. Load a file to start.",
  memoryInUse: (used: number, limit: number) => `Memory for tables: ${bytes(used)} in use of ${bytes(limit)}`,
  memoryDevice: (gigabytes: number) => `this device has about ${count(gigabytes)} GB`,
  memoryHelp:
    "The database's memory holds every loaded table, within the limit the browser allows it. " +
    "A file that would not fit in what is left is refused before it is read.",
  rows: (n: number) => `${count(n)} ${plural(n, "row", "rows")}`,
  columnsCount: (n: number) => `${count(n)} ${plural(n, "column", "columns")}`,
  column: "Column",
  type: "Type",
  nulls: "Nulls",
  preview: "Preview",
  encoding: "Encoding",
  encodingHelp: "Reload the file with another text encoding",
  dateOrder: "Dates",
  dateOrderHelp: "Reload the file reading dates like 03/04/2024 day first or month first",
  dayFirst: "day first (dd/mm/yyyy)",
  monthFirst: "month first (mm/dd/yyyy)",
  reload: "Reload",
  showData: "Show the data panel",
  hideData: "Hide the data panel",
  removeTable: (table: string) => `Remove the table “${table}”`,
  removeFailed: (table: string, reason: string) => `Could not remove the table “${table}”: ${reason}`,
  readsRemoved: (table: string) =>
    `This cell reads the table “${table}”, which was removed: load it again to run this cell.`,
  loading: (file: string) => `Loading ${file}`,
  downloading: (file: string) => `Fetching ${file}`,
  progress: (read: number, total: number, rows?: number) =>
    `${bytes(read)}${total > 0 ? ` of ${bytes(total)}` : ""}${rows !== undefined ? ` · ${count(rows)} rows` : ""}`,
  loadError: (file: string, reason: string) => `Could not load “${file}”: ${loadReason(reason, file)}`,
  dismiss: "Dismiss",

  notebookError: (file: string, reason: string) =>
    `Could not open “${file}”: ${clause(reason)}. The current notebook is unchanged.`,
  openedAsData: (file: string) =>
    `“${file}” is a data file, not a notebook: it was loaded as a table. The current notebook is unchanged.`,
  notTextNotebook: "it is not a text file (a notebook is Markdown text or a .zip bundle)",
  linkRefused: (path: string) =>
    `The notebook link “${path}” was refused: only notebooks on this site can be opened by link.`,
  linkFailed: (path: string, reason: string) => `Could not fetch the notebook “${path}”: ${clause(reason)}.`,
  dataFetchFailed: (file: string, reason: string) => `Could not fetch the data file “${file}”: ${reason}`,
  dataFileRefused: (file: string) =>
    `The data file “${file}” was not fetched: a notebook opened by link reads data only from its own folder on ` +
    "this site. Drop the file on the page to load it.",
  httpStatus: (status: number) => `the server answered ${status}`,
  networkFailed: "the network request failed (offline, or the site did not answer)",

  run: "Run",
  runTitle: "Run this cell (Ctrl/Cmd+Enter; Shift+Enter runs and moves to the next cell)",
  deleteCell: "Delete cell",
  cellLabel: (position: number, name?: string) => (name ? `Cell ${position}: ${name}` : `Cell ${position}`),
  cellTools: "Cell tools",
  dragCell: "Drag to move the cell",
  moveUp: "Move cell up (Alt+↑)",
  moveDown: "Move cell down (Alt+↓)",
  duplicate: "Duplicate cell",
  insertHere: "Insert a cell here",
  deleted: (name?: string) => (name ? `Deleted the cell “${name}”.` : "Deleted a text cell."),
  undo: "Undo",
  close: "Close",
  runProgress: (done: number, total: number) => `Running all: ${count(done)} of ${count(total)} cells done`,
  runningCell: (name: string) => `running ${name}`,
  shortcutsTitle: "Keyboard shortcuts",
  shortcutGroups: [
    {
      title: "In an editor",
      keys: [
        ["Shift+Enter", "Run the cell and move to the next one"],
        ["Ctrl/Cmd+Enter", "Run the cell and stay"],
        ["Esc", "Leave the editor (command mode)"],
        ["Tab", "Indent"],
      ],
    },
    {
      title: "In command mode (a cell selected, not editing)",
      keys: [
        ["Enter", "Edit the selected cell"],
        ["↑ / ↓ or k / j", "Select the previous / next cell"],
        ["a / b", "Insert a SQL cell above / below"],
        ["Alt+↑ / Alt+↓", "Move the cell up / down"],
        ["d d", "Delete the cell"],
        ["Ctrl/Cmd+Z", "Undo the last delete"],
        ["Shift+Enter / Ctrl/Cmd+Enter", "Run (and move on / stay)"],
        ["?", "Show this sheet"],
      ],
    },
  ],
  editSource: "Edit",
  doneEditing: "Done",
  showSpec: "Edit spec",
  hideSpec: "Hide spec",
  markdownPlaceholder: "Empty text cell: click to write Markdown.",
  status: { idle: "Not run", running: "Running…", done: "Done", error: "Error", stopped: "Stopped" } as const,
  stale: "Out of date: an input changed",
  staleBadge: "stale",
  inputNoOptions: "No options yet",
  inputRemember: "Remember this choice in the file (the value is client data)",
  inputRememberTitle:
    "Unticked, the choice stays in this tab only and the saved notebook holds no value from the data.",
  inputPicked: (picked: number, of: number) => `${count(picked)} of ${count(of)} selected`,
  inputFrom: "From",
  inputTo: "To",
  inputNotReady: "Run the notebook to use this control.",
  logSummary: (lines: number) => `Log (${count(lines)} ${plural(lines, "line", "lines")})`,
  stopTitle: "Stop what is running (an endless loop too)",
  elapsed: (ms: number) => formatDuration(ms),
  errorAt: (line?: number, column?: number) =>
    line === undefined ? "" : column === undefined ? `Line ${line}` : `Line ${line}, column ${column}`,
  notRun: (language: string) => `Not run: ${language} cells are shown as written and are not run by this version.`,
  addCell: "Add",
  addSql: "SQL",
  addMarkdown: "Text",
  addChart: "Chart",
  addTs: "TypeScript",
  addInput: "Input",
  cellName: "Cell name",
  chartRows: (n: number) => `Chart of ${count(n)} ${plural(n, "row", "rows")}`,
  chartError: (reason: string) => `The chart could not be drawn: ${reason}`,
  // Vega's common errors (ui/chart-error.ts), before its own text (`raw`).
  chartNoDataSet: (name: string, raw: string) =>
    `the spec reads a data set “${name}” it does not define (its rows are in the data set the chart cell names) (${raw})`,
  chartNoSignal: (name: string, raw: string) => `the spec uses a parameter “${name}” it does not define (${raw})`,
  chartNoScale: (name: string, raw: string) => `the spec uses a scale “${name}” it does not define (${raw})`,
  chartNotReady: (seconds: number) =>
    `its sandbox did not start within ${seconds} seconds; reload the page to try again`,
  chartScriptFailed: (reason: string) =>
    `its sandbox script could not be loaded (${reason}); reload the page to try again`,

  resultRows: (shown: number, total: number) =>
    shown < total
      ? `${count(total)} rows (showing the first ${count(shown)})`
      : `${count(total)} ${plural(total, "row", "rows")}`,
  copyCsv: "Copy CSV",
  downloadCsv: "Download CSV",
  copied: "Copied",
  copyFailed: "Copy failed",
  downloadFailed: "Download failed: the result could not be read again; run the cell again.",
  emptyResult: "No rows.",

  codeSandboxTitle: "Notebook code sandbox",
  codeSandboxReloaded: "The code sandbox was reloaded; run the cell again.",
  codeSandboxNotReady: (seconds: number) =>
    `The code sandbox did not start within ${seconds} seconds; run the cell again (reload the page if it persists).`,
  codeSandboxScriptFailed: (reason: string) =>
    `The code sandbox could not load its script (${reason}); check the connection and run the cell again.`,
  codeStopped: "Stopped.",
  codeRunnerClosed: "The code sandbox is closed.",
  codeInputRefused: (reason: string) => `The cell's inputs could not be passed to the sandbox: ${reason}`,

  linkLeavesTitle: "This link leaves Clientbook",
  linkLeaves: (site: string) =>
    `It opens ${site} in a new tab, outside this app. The notebook's author chose this address:`,
  linkQueryNote: "The highlighted part is sent to that site. Check that it holds nothing about your clients.",
  linkOpen: "Open link",
  linkCancel: "Stay here",
  linkComputed: "Not a link: its address is computed from data, and data never leaves Clientbook.",
  linkRefusedInProse:
    "Not a link: on this site a notebook may only link to a notebook shipped with Clientbook (?notebook=...).",
} as const;

/** UI wording, in the current locale. */
export const ui = localized(en, "ui");
