// Every piece of text the browser UI shows, in one place so wording stays consistent and can be
// translated. Functions build messages that carry values (file names, counts).

const count = (n: number) => n.toLocaleString("en-US");
const bytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : n < 1024 ** 3 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${(n / 1024 ** 3).toFixed(2)} GB`;

/** UI wording. */
export const ui = {
  appName: "Clientbook",
  untitled: "Untitled notebook",
  tagline: "Runs entirely in your browser: data never leaves this computer.",

  openNotebook: "Open notebook…",
  saveNotebook: "Save notebook",
  runAll: "Run all",
  stop: "Stop",
  loadData: "Load data…",
  dropHint: "Drop CSV, TSV, Parquet or JSON-lines files, or a notebook (.md), anywhere on the page.",
  dropOverlay: "Drop to load",

  engineStarting: "Starting the database…",
  engineReady: "Database ready",
  engineFailed: "The database could not start",

  welcomeTitle: "Welcome to Clientbook",
  welcomeBody:
    "Load a client data file (CSV, TSV, Parquet or JSON lines) with “Load data…” or by dropping it on the page, then add a SQL cell to query it. Or open a notebook file.",
  welcomeSample: "Open the example notebook on sample data",

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
  rows: (n: number) => `${count(n)} ${n === 1 ? "row" : "rows"}`,
  columnsCount: (n: number) => `${count(n)} ${n === 1 ? "column" : "columns"}`,
  column: "Column",
  type: "Type",
  nulls: "Nulls",
  preview: "Preview",
  encoding: "Encoding",
  encodingHelp: "Reload the file with another text encoding",
  reload: "Reload",
  loading: (file: string) => `Loading ${file}`,
  downloading: (file: string) => `Fetching ${file}`,
  progress: (read: number, total: number, rows?: number) =>
    `${bytes(read)}${total > 0 ? ` of ${bytes(total)}` : ""}${rows !== undefined ? ` · ${count(rows)} rows` : ""}`,
  loadError: (file: string, reason: string) => `Could not load “${file}”: ${reason}`,
  dismiss: "Dismiss",

  notebookError: (file: string, reason: string) => `Could not open “${file}”: ${reason}. The current notebook is unchanged.`,
  linkRefused: (path: string) => `The notebook link “${path}” was refused: only notebooks on this site can be opened by link.`,
  linkFailed: (path: string, reason: string) => `Could not fetch the notebook “${path}”: ${reason}.`,
  dataFetchFailed: (file: string, reason: string) => `Could not fetch the data file “${file}”: ${reason}`,
  httpStatus: (status: number) => `the server answered ${status}`,

  run: "Run",
  runTitle: "Run this cell (Shift+Enter)",
  deleteCell: "Delete cell",
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
  logSummary: (lines: number) => `Log (${count(lines)} ${lines === 1 ? "line" : "lines"})`,
  stopTitle: "Stop what is running (an endless loop too)",
  elapsed: (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`),
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
  chartRows: (n: number) => `Chart of ${count(n)} ${n === 1 ? "row" : "rows"}`,
  chartError: (reason: string) => `The chart could not be drawn: ${reason}`,

  resultRows: (shown: number, total: number) =>
    shown < total ? `${count(total)} rows (showing the first ${count(shown)})` : `${count(total)} ${total === 1 ? "row" : "rows"}`,
  copyCsv: "Copy CSV",
  downloadCsv: "Download CSV",
  copied: "Copied",
  copyFailed: "Copy failed",
  emptyResult: "No rows.",

  codeSandboxTitle: "Notebook code sandbox",
  codeSandboxReloaded: "The code sandbox was reloaded; run the cell again.",
  codeStopped: "Stopped.",
  codeRunnerClosed: "The code sandbox is closed.",
  codeValueRefused: (problem: string) => `The cell returned something that is not plain data (${problem}): return numbers, text, lists or plain objects.`,
  codeInputRefused: (reason: string) => `The cell's inputs could not be passed to the sandbox: ${reason}`,

  linkConfirm: (url: string) => `This link leaves Clientbook and opens:\n\n${url}\n\nOpen it?`,
} as const;
