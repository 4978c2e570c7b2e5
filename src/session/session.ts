// The headless notebook both the UI and the CLI hold. It composes the parts: the compiled program
// (document, compile cache, graph), the runtime with one evaluator per cell kind, the store of result
// tables, the live scheduler, table handling, and the publisher of snapshots and per-cell events.
import type { CompiledCell } from "../compile/types";
import type { Engine, TableSummary } from "../engine/engine";
import { sessionMessages as m } from "../messages/session";
import { withRoles, withDataSource, withResultRoles } from "../notebook/edit";
import { parseNotebook } from "../notebook/parse";
import { serializeNotebook } from "../notebook/serialize";
import type { Notebook } from "../notebook/types";
import { dropPreaggregates, stopPreaggregateBuilds } from "../charts/preaggregates";
import { createRuntime } from "../runtime/runtime";
import { quoteIdent } from "../sql/ident";
import { createRunLogs } from "./cell-log";
import { createCellStates } from "./cell-states";
import { withAttribute, withInsertedCell, withMovedCell, withName, withoutCell, withSource } from "./document";
import { DISPLAY_ROW_CAP } from "./evaluate";
import { evaluate } from "./evaluators";
import { selectionId } from "../compile/selection";
import { asRawSelection, SELECTION_VALUE_CAP } from "./evaluate-selection";
import { chosenValue, inputCell, rememberedSource, validInputValue, withInputValue } from "./input-cell";
import { createLiveScheduler } from "./live";
import { createProgram } from "./program";
import { trackProgress } from "./progress";
import { createPublisher } from "./publisher";
import { createResultStore } from "./results";
import { resultKeys } from "./result-keys";
import { missingData, readersOf, tableForFile, withLoadedTable } from "./tables";
import { explainCellError, type FailedLoad } from "./cell-error-text";
import type { Session, SessionOptions, SessionState } from "./types";

/** Opens a session on `engine`; the notebook is readable and editable while the engine starts. */
export function openSession(engineInput: Engine | Promise<Engine>, options: SessionOptions = {}): Session {
  const program = createProgram();
  const results = createResultStore();
  const views = createCellStates();
  // Input choices and chart selections kept in memory (not in the file), by cell (or selection node) id.
  const chosen = new Map<string, unknown>();
  const loadedFrom = new Map<string, string>();
  // Loads that failed, by lower-case table name, until that table loads: a cell reading it says why it is missing.
  const failedLoads = new Map<string, FailedLoad>();
  let tables: readonly TableSummary[] = [];
  let trusted = false;
  let engine: Engine | undefined;
  let engineProblem: string | undefined;

  const notebook = () => program.current.notebook;
  // The result keys of the current program and in-memory choices, computed when asked for, once per change.
  let keys: { of: unknown; chosen: string; keys: ReadonlyMap<string, string> } | undefined;
  const publisher = createPublisher(snapshot, views);
  const logs = createRunLogs(publisher.changed, options.onLog);
  const firstRows = Math.min(DISPLAY_ROW_CAP, Math.max(1, options.firstRows ?? DISPLAY_ROW_CAP));
  const ready: Promise<Engine | undefined> = Promise.resolve(engineInput).then(
    async (e) => {
      engine = e;
      // Loads keep the list up to date after this first listing.
      tables = await e.listTables().catch(() => tables);
      publisher.changed();
      return e;
    },
    (err: unknown) => {
      engineProblem = m.engineFailed(err instanceof Error ? err.message : String(err));
      publisher.changed();
      return undefined;
    },
  );

  const runtime = createRuntime<CompiledCell>({ evaluate: run });
  runtime.subscribe(() => publisher.changed());
  const live = createLiveScheduler(options.liveDelayMs, {
    exists: (id) => program.current.compiled(id) !== undefined,
    runnable: whenRunnable,
    // Out of date only: the runtime may already have re-run (or be re-running) a superseded reader for this edit.
    run: (ids) => Promise.all(ids.map((id) => runtime.run(id, { outdated: true }))),
  });

  async function run(cell: CompiledCell, inputs: ReadonlyMap<string, unknown>, signal: AbortSignal): Promise<unknown> {
    const e = engine ?? (await ready);
    if (!e) throw new Error(engineProblem ?? m.engineFailed("unknown"));
    await results.settled();
    const log = logs.start(cell.id, cell.name ?? cell.id, signal);
    const source = program.current.cell(cell.id)?.source;
    const inputValue = chosen.get(cell.id);
    const ctx = { engine: e, runner: options.runner, signal, log, results, source, inputValue, firstRows };
    return evaluate(cell, inputs, ctx).catch((error: unknown) => {
      throw explainCellError(error, { declared: notebook().frontMatter.data, failed: failedLoads });
    });
  }

  function snapshot(): SessionState {
    const nb = notebook();
    const cells = nb.cells.map((c) => views.get(c, runtime.state(c.id), logs.lines(c.id)));
    const problems = [...(engineProblem ? [engineProblem] : []), ...(engine ? missingData(nb, tables) : [])];
    return Object.freeze({ notebook: nb, cells, tables, problems, trusted, engineReady: engine !== undefined });
  }

  function edit(next: Notebook, reopened = false): void {
    const { cells, graph } = program.update(next, reopened);
    // Drops first: define() may start a re-queued cell, which must wait for them.
    results.dropOrphans(engine, cells);
    if (engine) {
      const charts = new Set(cells.flatMap((c) => (c.kind === "chart" ? [c.id] : [])));
      dropPreaggregates(engine, (owner) => !charts.has(owner));
    }
    runtime.define(cells, graph);
    publisher.changed();
    publisher.flush();
  }

  async function whenRunnable(): Promise<boolean> {
    return trusted && (engine ?? (await ready)) !== undefined;
  }

  /**
   * Remembers why `table`'s file failed; the readers that failed already (saying "not loaded") run again to say
   * why. Readers with a result keep it: a failed load leaves an old table as it was.
   */
  function failed(table: string, failure: FailedLoad): void {
    failedLoads.set(table.toLowerCase(), failure);
    const readers = readersOf(table, program.current.cells).filter((id) => runtime.state(id).status === "error");
    runtime.invalidate(readers);
    live.mark(readers);
    publisher.changed();
    publisher.flush();
  }

  /** Every cell reading `id` now: they re-run (or show "unknown name") when it is renamed or deleted. */
  const dependentsOf = (id: string) => program.current.graph.descendants(id);

  return {
    getState: publisher.state,
    subscribe: publisher.subscribe,
    on: publisher.on,
    cellState(id) {
      const cell = program.current.cell(id);
      return cell && views.get(cell, runtime.state(id), logs.lines(id));
    },
    open(text, openOptions) {
      const next = parseNotebook(text);
      runtime.cancel();
      logs.clear();
      chosen.clear();
      failedLoads.clear();
      trusted = openOptions.trusted;
      edit(next, true);
    },
    save: () => serializeNotebook(notebook()),
    resultKeys() {
      const choices = JSON.stringify([...chosen]);
      if (keys?.of !== program.current || keys.chosen !== choices)
        keys = { of: program.current, chosen: choices, keys: resultKeys(program.current, chosen) };
      return keys.keys;
    },
    trust() {
      trusted = true;
      publisher.changed();
      publisher.flush();
    },
    setSource(cellId, source) {
      edit(withSource(notebook(), cellId, source));
      live.mark([cellId]);
    },
    setInputValue(cellId, value) {
      const { cell, spec } = inputCell(program.current, cellId);
      const checked = validInputValue(cell.name ?? cellId, spec, value);
      if (spec.optionsFrom && !spec.remember) {
        // Client data: kept in memory, so the saved file does not carry it.
        chosen.set(cellId, checked);
        runtime.invalidate([cellId]);
        publisher.changed();
        publisher.flush();
      } else edit(withSource(notebook(), cellId, withInputValue(cell.source, checked)));
      // Typed text waits for a pause in typing, as a code edit does (the one debounce); a moved control is done.
      live.mark([cellId], spec.type === "text" ? undefined : live.inputDelay);
    },
    rememberInput(cellId, remember) {
      const { cell, spec } = inputCell(program.current, cellId);
      const value = chosenValue(chosen.get(cellId), runtime.state(cellId).value, spec);
      if (remember) chosen.delete(cellId);
      else chosen.set(cellId, value);
      edit(withSource(notebook(), cellId, rememberedSource(cell.source, spec, remember, value)));
      live.mark([cellId], live.inputDelay);
    },
    setSelection(chartId, name, values) {
      const id = selectionId(chartId, name);
      if (program.current.compiled(id)?.body?.type !== "selection") return;
      const raw = asRawSelection(values);
      if (!raw) throw new Error(m.badSelection(name, SELECTION_VALUE_CAP));
      // A chart re-drawn with its selection restored reports it again: that is no change.
      if (JSON.stringify(chosen.get(id) ?? []) === JSON.stringify(raw)) return;
      if (raw.length) chosen.set(id, raw);
      else chosen.delete(id);
      runtime.invalidate([id]);
      publisher.changed();
      publisher.flush();
      live.mark([id], live.inputDelay);
    },
    rename(cellId, name) {
      const readers = dependentsOf(cellId);
      edit(withName(notebook(), cellId, name));
      live.mark([cellId, ...readers]);
    },
    setAttribute(cellId, key, value) {
      edit(withAttribute(notebook(), cellId, key, value));
      live.mark([cellId]);
    },
    insertCell(index, cell) {
      const { notebook: next, id } = withInsertedCell(notebook(), index, cell);
      edit(next);
      if (cell.source.trim()) live.mark([id]);
      return id;
    },
    deleteCell(cellId) {
      const readers = dependentsOf(cellId);
      edit(withoutCell(notebook(), cellId));
      live.mark(readers);
    },
    moveCell: (cellId, toIndex) => edit(withMovedCell(notebook(), cellId, toIndex)),
    whenIdle: live.whenIdle,
    async run(cellId) {
      if (!program.current.cell(cellId)) throw new Error(m.unknownCell(cellId));
      if (await whenRunnable()) await runtime.run(cellId);
    },
    async runAll({ first = [], only } = {}) {
      if (!(await whenRunnable())) return;
      const { graph } = program.current;
      const wanted = new Set(first.flatMap((id) => [id, ...graph.ancestors(id)]));
      // A cell that failed runs again with the rest: it may have read a table that was not loaded yet.
      const outdated = (id: string) => {
        const state = runtime.state(id);
        return state.status === "idle" || state.status === "error" || state.status === "stopped" || state.stale;
      };
      const ids =
        only === "first"
          ? graph.order.filter((id) => wanted.has(id))
          : only === "outdated"
            ? graph.order.filter(outdated)
            : graph.order;
      const nameOf = (id: string) => program.current.compiled(id)?.name ?? id;
      await trackProgress(runtime, ids, nameOf, publisher.emit, () => runtime.runAll({ first, only: ids }));
    },
    tablesRead(ids) {
      const { graph, cells } = program.current;
      const wanted = new Set(ids.flatMap((id) => [id, ...graph.ancestors(id)]));
      const named = new Set(cells.filter((c) => wanted.has(c.id)).flatMap((c) => c.references));
      return Object.keys(notebook().frontMatter.data).filter((table) => named.has(table.toLowerCase()));
    },
    async cancel() {
      live.cancel();
      runtime.cancel();
      options.runner?.stop();
      // A chart's pre-aggregate is built beside its run, not as part of it: Stop stops it too.
      if (engine) stopPreaggregateBuilds(engine);
    },
    async loadFile(source, loadOptions = {}) {
      const e = engine ?? (await ready);
      if (!e) throw new Error(engineProblem ?? m.engineFailed("unknown"));
      const { table: explicit, ...rest } = loadOptions;
      // The engine either creates the table or throws; tables and notebook change only after success.
      const table = tableForFile(source.name, notebook(), tables, explicit);
      const report = await e.loadFile(source, table, rest).catch((error: unknown) => {
        failed(table, { file: source.name, reason: error instanceof Error ? error.message : String(error) });
        throw error;
      });
      failedLoads.delete(table.toLowerCase());
      loadedFrom.set(report.table, source.name);
      tables = withLoadedTable(tables, report);
      if (!notebook().frontMatter.data[report.table]) {
        edit(withDataSource(notebook(), report.table, { file: source.name }));
      }
      // Only the cells naming the table read it: they (and what depends on them) are out of date now.
      const readers = readersOf(report.table, program.current.cells);
      runtime.invalidate(readers);
      live.mark(readers.filter((id) => runtime.state(id).status !== "idle"));
      publisher.changed();
      publisher.flush();
      return report;
    },
    fetchFailed: (table, file, reason) => failed(table, { file, reason, fetch: true }),
    fileRefused: (table, file) => failed(table, { file, reason: "", refused: true }),
    async renameColumns(table, renames) {
      const e = engine ?? (await ready);
      if (!e) throw new Error(engineProblem ?? m.engineFailed("unknown"));
      const loaded = tables.find((t) => t.name.toLowerCase() === table.toLowerCase());
      if (!loaded) throw new Error(m.notLoaded(table));
      const pairs = Object.entries(renames).filter(([from, to]) => from !== to);
      if (pairs.length === 0) return;
      // DuckDB's RENAME skips a name the table lacks; a mapping naming one is refused whole instead.
      const absent = pairs.find(([from]) => !loaded.columns.some((c) => c.name === from));
      if (absent) throw new Error(m.noColumn(loaded.name, absent[0]));
      const list = pairs.map(([from, to]) => `${quoteIdent(from)} AS ${quoteIdent(to)}`).join(", ");
      // One statement, so the table is renamed whole or not at all (and swapped names work).
      const name = `main.${quoteIdent(loaded.name)}`;
      await e.query(`CREATE OR REPLACE TABLE ${name} AS SELECT * RENAME (${list}) FROM ${name}`);
      const summary = (await e.listTables()).find((t) => t.name === loaded.name);
      if (summary) tables = tables.map((t) => (t === loaded ? summary : t));
      runtime.invalidate(readersOf(loaded.name, program.current.cells));
      publisher.changed();
      publisher.flush();
    },
    async dropTable(table) {
      const e = engine ?? (await ready);
      if (!e) throw new Error(engineProblem ?? m.engineFailed("unknown"));
      const loaded = tables.find((t) => t.name.toLowerCase() === table.toLowerCase());
      if (!loaded) throw new Error(m.notLoaded(table));
      // Loaded tables live in the main catalog; cell results live elsewhere and are left alone.
      await e.query(`DROP TABLE IF EXISTS main.${quoteIdent(loaded.name)}`);
      tables = tables.filter((t) => t !== loaded);
      loadedFrom.delete(loaded.name);
      const readers = readersOf(loaded.name, program.current.cells);
      runtime.invalidate(readers);
      publisher.changed();
      publisher.flush();
      return readers;
    },
    setRoles(table, roles) {
      const file = notebook().frontMatter.data[table]?.file ?? loadedFrom.get(table);
      // A named cell's result: its roles are saved without a file.
      if (file === undefined && notebook().cells.some((c) => c.name === table))
        return edit(withResultRoles(notebook(), table, roles));
      if (file === undefined) throw new Error(m.unknownTable(table));
      edit(withRoles(notebook(), table, roles, file));
    },
  };
}
