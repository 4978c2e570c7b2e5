// The UI's state: a reactive mirror of the session plus what only the screen cares about (loads in
// progress, load errors, notices, the file behind each table so it can be reloaded). Components
// read it and call its methods; it calls the Session, and nothing here knows about DuckDB.
import type { Session, SessionEvent, SessionRunAllOptions, SessionState } from "../session/types";
import type { DateOrder, FileSource, LoadReport, MemoryUse, TableSummary } from "../engine/engine";
import type { ResultTable } from "../table/result";
import { ui } from "../messages/ui";
import type { RoleMappings } from "./roles.svelte";
import { CellSlots } from "./cell-slots.svelte";
import { CellEditing } from "./editing.svelte";
import { RunProgress } from "./run-progress.svelte";
import { TableList } from "./table-list.svelte";
import { VisibleCells } from "./visible-cells";
import { completionSchema } from "./completion";
import { isBundleFile, openBundle } from "./bundle-io";
import { isDataFileName } from "./data-files";
import { markStart } from "./start-marks";
import { tableForFile } from "../session/tables";

/** A file being fetched or loaded, for the progress bar. */
export interface LoadView {
  readonly id: number;
  readonly file: string;
  readonly phase: "download" | "load";
  readonly bytes: number;
  readonly total: number;
  readonly rows?: number;
}

/** A failed load or open, or a notice (something done differently than asked, nothing lost), shown until dismissed. */
export interface Problem {
  readonly id: number;
  readonly kind: "load" | "notebook" | "notice";
  readonly file: string;
  readonly message: string;
  /** The table a failed load or fetch was for (lower case): its next failure or success replaces this problem. */
  readonly table?: string;
}

/** What the user chose when reloading a table: its text encoding, the day/month order of its dates. */
export interface LoadChoice {
  readonly encoding?: string;
  readonly dateOrder?: DateOrder;
}

/** What the workbench needs from the composition root. */
export interface WorkbenchDeps {
  readonly session: Session;
  /** Wraps a browser File for the engine (chosen by main.ts: the UI does not pick engine code). */
  readonly toSource: (file: File) => FileSource;
  /** The first rows of a table, for the data panel preview. */
  readonly preview?: (table: string, limit: number) => Promise<ResultTable>;
  /** A whole table, for saving it into a bundle. */
  readonly readTable?: (table: string) => Promise<ResultTable>;
  /** DuckDB's memory in use and its limit, for the data panel's memory line. */
  readonly memory?: () => Promise<MemoryUse>;
  /** A lower memory limit (bytes) than DuckDB's own for loads and the memory line (`?memory-limit=`). */
  readonly memoryLimit?: number;
  /** Called after another notebook was opened (main.ts gives the new notebook a fresh code sandbox). */
  readonly onOpen?: () => void;
  /** Called after a file was loaded into a table (main.ts asks for the engine's warm-up). */
  readonly onLoaded?: () => void;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The reactive UI state over one Session. */
export class Workbench {
  readonly session: Session;
  readonly deps: WorkbenchDeps;
  state: SessionState;
  loads: LoadView[] = $state([]);
  problems: Problem[] = $state([]);
  /** Per table: the report of its last load (encoding, warnings), the source to reload it from and the
   *  user's choices for it
   *  (a Map, not an object: a table may be called `__proto__`). */
  reports: ReadonlyMap<string, { report: LoadReport; source: FileSource; choice?: LoadChoice }> = $state.raw(new Map());
  /** The file name the current notebook was opened from (used when saving). */
  fileName = $state("notebook.md");
  engine: "starting" | "ready" | "failed" = $state("starting");
  /** DuckDB's memory in use and the limit loads are checked against; unknown until first read. */
  memory: MemoryUse | undefined = $state.raw(undefined);
  /** The running engine's duckdb-wasm build, thread count, and whether the page asked for threads (set by main.ts). */
  engineRuntime: { readonly bundle: string; readonly threads: number; readonly asked: boolean } | undefined =
    $state(undefined);
  /** Column roles per loaded table (guessed, edited, saved), shared by the data panel and the recipe gallery;
   *  undefined until `loadRoles()` has fetched their code (with the role guesser: off the first page load). */
  roles: RoleMappings | undefined = $state.raw(undefined);
  private rolesLoading: Promise<RoleMappings> | undefined;
  /** One reactive entry per cell: a cell view reads its own, so it re-renders only for its cell. */
  readonly cells = new CellSlots();
  readonly editing: CellEditing = new CellEditing(this);
  readonly progress = new RunProgress();
  readonly tableList = new TableList();
  /** The cell views on screen, which "Run all" runs first. */
  readonly visible = new VisibleCells();
  /** What SQL editors complete (replaced only when a table or a SQL cell's columns change). */
  schema: Record<string, string[]> = $state.raw({});
  private schemaKey = "";
  private nextId = 1;

  constructor(deps: WorkbenchDeps) {
    this.deps = deps;
    this.session = deps.session;
    this.state = $state.raw(this.session.getState());
    this.cells.order(
      this.state.notebook.cells.map((c) => c.id),
      (id) => this.session.cellState(id),
    );
    this.updateSchema();
    this.session.on((event) => this.follow(event));
  }

  /** Loads the role mappings (once per page; a failed fetch is tried again on the next call). */
  loadRoles(): Promise<RoleMappings> {
    this.rolesLoading ??= import("./roles.svelte").then(({ RoleMappings }) => (this.roles ??= new RoleMappings(this)));
    this.rolesLoading.catch(() => (this.rolesLoading = undefined));
    return this.rolesLoading;
  }

  /** A cell's change reaches only its own slot; the snapshot (for views of the whole) is the session's own. */
  private follow(event: SessionEvent): void {
    if (event.type === "progress") return this.progress.observe(event);
    this.state = this.session.getState();
    if (event.type === "document") {
      this.cells.order(
        event.notebook.cells.map((c) => c.id),
        (id) => this.session.cellState(id),
      );
    } else if (event.type === "cell") {
      this.cells.set(event.state);
      if (event.state.cell.kind === "sql") this.updateSchema();
    } else if (event.type === "tables") this.updateSchema();
  }

  private updateSchema(): void {
    const schema = completionSchema(this.state);
    const key = JSON.stringify(Object.entries(schema));
    if (key !== this.schemaKey) {
      this.schemaKey = key;
      this.schema = schema;
    }
  }

  /** The loaded tables as the data panel shows them: in load order, removed ones left out. */
  get tables(): TableSummary[] {
    return this.tableList.visible(this.state.tables);
  }

  /** Drops a table from the database; the cells that read it are marked. */
  async removeTable(table: string): Promise<void> {
    let readers: readonly string[];
    try {
      readers = await this.session.dropTable(table);
    } catch (error) {
      this.notify(ui.removeFailed(table, reason(error)));
      return;
    }
    this.tableList.remove(table, readers);
    void this.refreshMemory();
    const reports = new Map(this.reports);
    reports.delete(table);
    this.reports = reports;
  }

  /** The notebook's title, from its front matter. */
  get title(): string {
    return this.state.notebook.frontMatter.title ?? ui.untitled;
  }

  /** Opens notebook text; a broken file leaves the current notebook as it was and shows why. */
  openText(text: string, fileName: string, trusted: boolean): boolean {
    try {
      this.session.open(text, { trusted });
      markStart("notebook-parsed");
    } catch (error) {
      this.report("notebook", fileName, ui.notebookError(fileName, reason(error)));
      return false;
    }
    this.fileName = fileName;
    this.editing.reset();
    this.problems = this.problems.filter((p) => p.kind !== "notebook");
    this.deps.onOpen?.();
    return true;
  }

  /** Opens a notebook file (or a bundle with its tables) the user picked or dropped: never trusted. */
  async openFile(file: File): Promise<void> {
    if (isBundleFile(file)) {
      await openBundle(this, file);
      return;
    }
    // A data file picked as a notebook would open as one Markdown cell of its text, replacing the notebook.
    if (isDataFileName(file.name)) {
      this.report("notice", file.name, ui.openedAsData(file.name));
      await this.loadFile(file);
      return;
    }
    const text = await file.text();
    if (text.includes("\u0000")) this.report("notebook", file.name, ui.notebookError(file.name, ui.notTextNotebook));
    else this.openText(text, file.name, false);
  }

  /** Loads client files (or opens a dropped notebook); the session names each table (declared ones by file name). */
  async addFiles(files: Iterable<File>): Promise<void> {
    const list = [...files];
    const notebook = list.find((f) => /\.(md|markdown)$/i.test(f.name) || isBundleFile(f));
    if (notebook) await this.openFile(notebook);
    await Promise.all(list.filter((f) => f !== notebook).map((f) => this.loadFile(f)));
  }

  /** Loads one file into a table, with progress; failures are shown and leave other tables alone. */
  async loadFile(file: File, table?: string, encoding?: string): Promise<LoadReport | undefined> {
    return this.loadSource(this.deps.toSource(file), table, encoding);
  }

  /**
   * Fetches the file of `table` (a notebook's declared data on the same site), showing its progress; undefined
   * if it failed (shown, and the cells reading the table say why).
   */
  async fetchData(
    table: string,
    fileName: string,
    download: (onBytes: (read: number, total: number) => void) => Promise<File>,
  ): Promise<File | undefined> {
    const id = this.nextId++;
    this.loads = [...this.loads, { id, file: fileName, phase: "download", bytes: 0, total: 0 }];
    try {
      const file = await download((read, total) => this.updateLoad(id, { bytes: read, total }));
      markStart("data-fetched");
      return file;
    } catch (error) {
      this.loadFailed(table, fileName, ui.dataFetchFailed(fileName, reason(error)));
      this.session.fetchFailed(table, fileName, reason(error));
      return undefined;
    } finally {
      this.loads = this.loads.filter((l) => l.id !== id);
    }
  }

  /** Says (in the page and in the cells reading `table`) that its declared `file` was not fetched: it leaves the site. */
  refuseData(table: string, file: string): void {
    this.loadFailed(table, file, ui.dataFileRefused(file));
    this.session.fileRefused(table, file);
  }

  /** Reloads a table from the same file with another text encoding or day/month order of its dates. */
  async reload(table: string, change: string | LoadChoice): Promise<void> {
    const entry = this.reports.get(table);
    // Each reload keeps what the user chose before (an encoding, a date order) unless it changes it.
    const choice = { ...entry?.choice, ...(typeof change === "string" ? { encoding: change } : change) };
    if (entry) await this.loadSource(entry.source, table, choice.encoding, choice.dateOrder);
  }

  private async loadSource(
    source: FileSource,
    table?: string,
    encoding?: string,
    dateOrder?: DateOrder,
  ): Promise<LoadReport | undefined> {
    const id = this.nextId++;
    this.loads = [...this.loads, { id, file: source.name, phase: "load", bytes: 0, total: source.size }];
    // The table the session will load into (its one naming rule), so a failure replaces that table's last one.
    const target = tableForFile(source.name, this.state.notebook, this.state.tables, table);
    try {
      const report = await this.session.loadFile(source, {
        table,
        encoding,
        ...(dateOrder ? { dateOrder } : {}),
        ...(this.deps.memoryLimit ? { memoryLimit: this.deps.memoryLimit } : {}),
        onProgress: (p) => this.updateLoad(id, { bytes: p.bytesRead, total: p.totalBytes, rows: p.rows }),
      });
      const choice = { ...(encoding ? { encoding } : {}), ...(dateOrder ? { dateOrder } : {}) };
      this.reports = new Map(this.reports).set(report.table, { report, source, choice });
      this.tableList.loaded(report.table);
      this.problems = this.problems.filter(
        (p) => !(p.kind === "load" && (p.file === source.name || sameTable(p, report.table))),
      );
      this.deps.onLoaded?.();
      return report;
    } catch (error) {
      this.loadFailed(target, source.name, ui.loadError(source.name, reason(error)));
      return undefined;
    } finally {
      this.loads = this.loads.filter((l) => l.id !== id);
      void this.refreshMemory();
    }
  }

  /** Reads DuckDB's memory in use again (after the engine starts, a load or a removal). */
  async refreshMemory(): Promise<void> {
    const use = await this.deps.memory?.().catch(() => undefined);
    const cap = this.deps.memoryLimit;
    if (use) this.memory = cap && cap < use.limit ? { used: use.used, limit: cap } : use;
  }

  private updateLoad(id: number, patch: Partial<LoadView>): void {
    this.loads = this.loads.map((l) => (l.id === id ? { ...l, ...patch } : l));
  }

  private report(kind: Problem["kind"], file: string, message: string): void {
    this.problems = [...this.problems, { id: this.nextId++, kind, file, message }];
  }

  // The newest failure for a table is the one that holds: the message of an earlier one (of any file) goes.
  private loadFailed(table: string, file: string, message: string): void {
    const kept = this.problems.filter((p) => !(p.kind === "load" && sameTable(p, table)));
    this.problems = [...kept, { id: this.nextId++, kind: "load", file, message, table: table.toLowerCase() }];
  }

  /** Shows a problem about the notebook as a whole (e.g. a refused link). */
  notify(message: string): void {
    this.report("notebook", "", message);
  }

  /** Hides a shown problem. */
  dismiss(id: number): void {
    this.problems = this.problems.filter((p) => p.id !== id);
  }

  /** Runs the whole notebook (the cells on screen first); the user asking to run is their word that it may run. */
  async runAll(options: SessionRunAllOptions = { first: this.visible.in(this.cells.ids) }): Promise<void> {
    if (!this.state.trusted) this.session.trust();
    this.progress.start();
    // Cell failures show on their cells; anything thrown past them is shown, never left unhandled.
    await this.session.runAll(options).catch((error: unknown) => this.notify(reason(error)));
    this.progress.stop();
  }

  /** Runs one cell (and what it needs). */
  async run(cellId: string): Promise<void> {
    if (!this.state.trusted) this.session.trust();
    await this.session.run(cellId).catch((error: unknown) => this.notify(reason(error)));
  }

  /** The notebook as Markdown text for saving. */
  save(): string {
    return this.session.save();
  }
}

// DuckDB's table names match regardless of case.
const sameTable = (problem: Problem, table: string) => problem.table === table.toLowerCase();

/** The last path segment of a file reference (`data/orders.csv` -> `orders.csv`). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
