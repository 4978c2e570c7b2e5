// The headless notebook both the UI and the CLI hold: the document, its compiled cells and graph,
// the runtime that runs them on the engine, the loaded tables, and one immutable state snapshot.
import { compileCell } from "../compile/compile";
import type { CompiledCell } from "../compile/types";
import type { Engine, LoadReport, TableSummary } from "../engine/engine";
import { tableNameFor } from "../engine/table-name";
import { buildGraph } from "../graph/graph";
import { sessionMessages as m } from "../messages/session";
import { withRoles, withDataSource } from "../notebook/edit";
import { parseNotebook } from "../notebook/parse";
import { serializeNotebook } from "../notebook/serialize";
import type { Cell, Notebook } from "../notebook/types";
import { createRuntime } from "../runtime/runtime";
import { EMPTY_NOTEBOOK, withInsertedCell, withMovedCell, withName, withoutCell, withSource } from "./document";
import { evaluateCell, quoteIdent } from "./evaluate";
import { evaluateMarkdown, evaluateTs } from "./evaluate-code";
import { createCellLog, type CellLog } from "./cell-log";
import { evaluateInput, validInputValue, withInputValue } from "./input-cell";
import type { CellGraph } from "../graph/graph";
import type { CellOutput, CellState, Session, SessionOptions, SessionState } from "./types";

/** Longest wait before a moved input control re-runs its readers. */
const INPUT_DELAY_MS = 10;
/** Longest wait before log lines of a running cell are shown. */
const LOG_PUBLISH_MS = 50;

/** Opens a session on `engine`; the notebook is readable and editable while the engine starts. */
export function openSession(engineInput: Engine | Promise<Engine>, options: SessionOptions = {}): Session {
  const liveDelay = options.liveDelayMs === undefined ? 300 : options.liveDelayMs;
  let notebook: Notebook = EMPTY_NOTEBOOK;
  let trusted = false;
  let engine: Engine | undefined;
  let engineProblem: string | undefined;
  let tables: readonly TableSummary[] = [];
  // The file each loaded table came from, for declaring it in the front matter.
  const loadedFrom = new Map<string, string>();
  // Cells are immutable, so an unchanged cell keeps its compiled form across edits.
  let compiled = new WeakMap<Cell, CompiledCell>();
  const listeners = new Set<(state: SessionState) => void>();

  const ready: Promise<Engine | undefined> = Promise.resolve(engineInput).then(
    async (e) => {
      engine = e;
      // A cell's cancel can interrupt this first listing; the list is refreshed again on the next load.
      await refreshTables().catch(() => undefined);
      publish();
      return e;
    },
    (err: unknown) => {
      engineProblem = m.engineFailed(err instanceof Error ? err.message : String(err));
      publish();
      return undefined;
    },
  );

  // Temp tables cell runs have created (lower-cased names); dropped when no cell defines the name any more.
  const created = new Set<string>();
  let dropping: Promise<unknown> = Promise.resolve();

  const runtime = createRuntime<CompiledCell>({
    evaluate: async (cell, inputs, signal) => {
      const e = engine ?? (await ready);
      if (!e) throw new Error(engineProblem ?? m.engineFailed("unknown"));
      await dropping;
      const label = cell.name ?? cell.id;
      // Each run starts an empty log, so a re-run replaces the lines of the one before.
      const log = createCellLog();
      logs.set(cell.id, log);
      const onLog = (text: string) => {
        // A superseded or stopped run may still be talking: its lines belong to no shown result.
        if (signal.aborted || logs.get(cell.id) !== log) return;
        log.add(text);
        options.onLog?.(label, text);
        publishSoon();
      };
      const ctx = { engine: e, runner: options.runner, signal, log: onLog };
      if (cell.body?.type === "ts") return evaluateTs(cell, inputs, ctx, created);
      if (cell.body?.type === "input") return evaluateInput(cell, inputs);
      if (cell.body?.type === "markdown" && cell.body.interpolation) return evaluateMarkdown(cell, inputs, ctx);
      const output = await evaluateCell(e, cell, inputs, signal, notebook.cells.find((c) => c.id === cell.id)?.source);
      if (cell.name && cell.body?.type === "sql") created.add(cell.name.toLowerCase());
      return output;
    },
  });

  // The log of each cell's latest run, by cell id.
  const logs = new Map<string, CellLog>();
  let logTimer: ReturnType<typeof setTimeout> | undefined;

  /** Shows new log lines while the cell still runs; a chatty loop re-publishes at most every LOG_PUBLISH_MS. */
  function publishSoon(): void {
    logTimer ??= setTimeout(() => {
      logTimer = undefined;
      publish();
    }, LOG_PUBLISH_MS);
  }

  let state = snapshot();
  runtime.subscribe(() => publish());
  let graph: CellGraph | undefined;

  // Live re-execution: cells edited since the last run, re-run together once edits pause.
  const dirty = new Set<string>();
  let liveTimer: ReturnType<typeof setTimeout> | undefined;
  let liveWait: { promise: Promise<void>; resolve: () => void } | undefined;
  let liveRuns: Promise<unknown> = Promise.resolve();

  function markDirty(ids: Iterable<string>, delay: number = liveDelay || 0): void {
    if (liveDelay === false) return;
    for (const id of ids) dirty.add(id);
    if (!dirty.size) return;
    if (liveTimer !== undefined) clearTimeout(liveTimer);
    if (!liveWait) {
      let resolve!: () => void;
      liveWait = { promise: new Promise<void>((r) => (resolve = r)), resolve };
    }
    liveTimer = setTimeout(() => void flushLive(), delay);
  }

  async function flushLive(): Promise<void> {
    liveTimer = undefined;
    const ids = [...dirty].filter((id) => notebook.cells.some((c) => c.id === id));
    dirty.clear();
    const wait = liveWait;
    liveWait = undefined;
    if (ids.length && (await whenRunnable())) liveRuns = Promise.all(ids.map((id) => runtime.run(id)));
    await liveRuns;
    wait?.resolve();
  }

  /** Every cell reading `id` now: they re-run (or show "unknown name") when it is renamed or deleted. */
  const dependentsOf = (id: string) => graph?.descendants(id) ?? [];

  function recompile(): void {
    const cells = notebook.cells.map((cell) => {
      let c = compiled.get(cell);
      if (!c) compiled.set(cell, (c = compileCell(cell)));
      return c;
    });
    // Drops first: define() may start a re-queued cell, which must wait for them.
    dropOrphans(cells);
    graph = buildGraph(cells);
    runtime.define(cells, graph);
  }

  /** Drops the results of renamed or deleted cells, so a query naming them fails instead of reading old rows. */
  function dropOrphans(cells: readonly CompiledCell[]): void {
    const defined = new Set(cells.flatMap((c) => c.defines.map((n) => n.toLowerCase())));
    const orphans = [...created].filter((name) => !defined.has(name));
    if (!orphans.length || !engine) return;
    const e = engine;
    for (const name of orphans) created.delete(name);
    // Only the temp catalog: a loaded table of the same name stays.
    dropping = Promise.all(orphans.map((name) => e.query(`DROP TABLE IF EXISTS temp.main.${quoteIdent(name)}`).catch(() => undefined)));
  }

  function snapshot(): SessionState {
    const cells: CellState[] = notebook.cells.map((cell) => {
      const run = runtime.state(cell.id);
      const lines = logs.get(cell.id)?.lines();
      let output = run.value as CellOutput | undefined;
      let status = run.status;
      // Markdown needs no engine: it shows as written until the runtime has interpolated it.
      if (cell.kind === "markdown" && !output && !run.error) {
        output = { type: "markdown", text: cell.source };
        if (status === "idle") status = "done";
      }
      return {
        cell,
        status,
        stale: run.stale,
        ...(run.error ? { error: run.error } : {}),
        ...(output ? { output } : {}),
        ...(run.elapsedMs !== undefined ? { elapsedMs: run.elapsedMs } : {}),
        ...(lines?.length ? { logs: lines } : {}),
      };
    });
    const problems: string[] = [];
    if (engineProblem) problems.push(engineProblem);
    if (engine) {
      const loaded = new Set(tables.map((t) => t.name.toLowerCase()));
      for (const [table, source] of Object.entries(notebook.frontMatter.data)) {
        if (!loaded.has(table.toLowerCase())) problems.push(m.missingData(table, source.file));
      }
    }
    return Object.freeze({ notebook, cells, tables, problems, trusted, engineReady: engine !== undefined });
  }

  function publish(): void {
    state = snapshot();
    for (const listener of [...listeners]) listener(state);
  }

  function edit(next: Notebook): void {
    notebook = next;
    recompile();
    publish();
  }

  async function refreshTables(): Promise<void> {
    if (engine) tables = await engine.listTables();
  }

  async function whenRunnable(): Promise<boolean> {
    if (!trusted) return false;
    return (engine ?? (await ready)) !== undefined;
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open(text, options) {
      const next = parseNotebook(text);
      runtime.cancel();
      logs.clear();
      notebook = next;
      trusted = options.trusted;
      compiled = new WeakMap();
      recompile();
      publish();
    },
    save: () => serializeNotebook(notebook),
    trust() {
      trusted = true;
      publish();
    },
    setSource(cellId, source) {
      edit(withSource(notebook, cellId, source));
      markDirty([cellId]);
    },
    setInputValue(cellId, value) {
      const cell = notebook.cells.find((c) => c.id === cellId);
      if (!cell) throw new Error(m.unknownCell(cellId));
      const body = compiled.get(cell)?.body;
      if (cell.kind !== "input" || body?.type !== "input") throw new Error(m.notInput(cellId));
      const checked = validInputValue(cell.name ?? cellId, body.spec, value);
      edit(withSource(notebook, cellId, withInputValue(cell.source, checked)));
      // A moved control is a finished edit, unlike typing: no typing pause, only the events of one tick
      // are merged (a superseded run is cancelled anyway).
      markDirty([cellId], Math.min(liveDelay || 0, INPUT_DELAY_MS));
    },
    rename(cellId, name) {
      const readers = dependentsOf(cellId);
      edit(withName(notebook, cellId, name));
      markDirty([cellId, ...readers]);
    },
    insertCell(index, cell) {
      const { notebook: next, id } = withInsertedCell(notebook, index, cell);
      edit(next);
      if (cell.source.trim()) markDirty([id]);
      return id;
    },
    deleteCell(cellId) {
      const readers = dependentsOf(cellId);
      edit(withoutCell(notebook, cellId));
      markDirty(readers);
    },
    async whenIdle() {
      while (liveWait) await liveWait.promise;
      await liveRuns;
    },
    moveCell: (cellId, toIndex) => edit(withMovedCell(notebook, cellId, toIndex)),
    async run(cellId) {
      if (!notebook.cells.some((c) => c.id === cellId)) throw new Error(m.unknownCell(cellId));
      if (await whenRunnable()) await runtime.run(cellId);
    },
    async runAll() {
      if (await whenRunnable()) await runtime.runAll();
    },
    async cancel() {
      clearTimeout(liveTimer);
      liveTimer = undefined;
      dirty.clear();
      liveWait?.resolve();
      liveWait = undefined;
      runtime.cancel();
      options.runner?.stop();
    },
    async loadFile(source, options = {}) {
      const e = engine ?? (await ready);
      if (!e) throw new Error(engineProblem ?? m.engineFailed("unknown"));
      const table = options.table ?? declaredTableFor(source.name) ?? tableNameFor(source.name, takenNames());
      const { table: _ignored, ...loadOptions } = options;
      // The engine either creates the table or throws; tables and notebook change only after success.
      const report: LoadReport = await e.loadFile(source, table, loadOptions);
      loadedFrom.set(report.table, source.name);
      await refreshTables();
      const declared = notebook.frontMatter.data[report.table];
      if (!declared) notebook = withDataSource(notebook, report.table, { file: source.name });
      // SQL cells read tables by name, so their results (and what depends on them) may be out of date now.
      runtime.invalidate(notebook.cells.filter((c) => c.kind === "sql").map((c) => c.id));
      publish();
      return report;
    },
    setRoles(table, roles) {
      const file = notebook.frontMatter.data[table]?.file ?? loadedFrom.get(table);
      if (file === undefined) throw new Error(m.unknownTable(table));
      edit(withRoles(notebook, table, roles, file));
    },
  };

  /** A declared table whose file has this name and is not loaded yet: the file the notebook asked for. */
  function declaredTableFor(fileName: string): string | undefined {
    const loaded = new Set(tables.map((t) => t.name.toLowerCase()));
    const base = (f: string) => f.replace(/^.*[\\/]/, "").toLowerCase();
    return Object.entries(notebook.frontMatter.data).find(([name, s]) => base(s.file) === base(fileName) && !loaded.has(name.toLowerCase()))?.[0];
  }

  function takenNames(): string[] {
    return [...tables.map((t) => t.name), ...Object.keys(notebook.frontMatter.data), ...notebook.cells.flatMap((c) => (c.name ? [c.name] : []))];
  }
}
