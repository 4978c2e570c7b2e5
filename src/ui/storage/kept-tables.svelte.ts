// "Keep data in this browser" for the open notebook: each loaded table's file is copied into OPFS as it
// loads (and removed when the table is removed), and kept files are loaded back when the notebook is restored.
import { untrack } from "svelte";
import type { FileSource } from "../../engine/engine";
import { dropKeptTable, keepTableFile, keptTableFile } from "../../store/tables";
import type { StoredNotebook } from "../../store/notebooks";
import type { Workbench } from "../workbench.svelte";

/** What the kept tables need from the keeper. */
export interface KeptHost {
  notebookId(): string;
  keeping(): boolean;
  /** The list of kept tables changed: the stored record must say so. */
  changed(): void;
  failed(table: string, error: unknown): void;
  /** A table read from its kept copy lost its bytes when keeping was turned off: its file must be picked again. */
  lost(table: string): void;
}

type Reports = Workbench["reports"];

/** The tables of the open notebook kept in this browser. */
export class KeptTables {
  private readonly bench: Workbench;
  private readonly host: KeptHost;
  /** Table -> the file name it was loaded from. */
  private kept = new Map<string, string>();
  /** Table -> the source whose bytes are kept (a reload from another file is kept again). */
  private seen = new Map<string, FileSource>();
  private readonly restoring = new Set<string>();
  /** Table -> the source read from its kept copy (restored): its bytes live only in that copy. */
  private fromCopy = new Map<string, FileSource>();
  /** Table -> such a source whose copy was removed (keeping turned off): nothing is left to keep it from. */
  private gone = new Map<string, FileSource>();

  constructor(bench: Workbench, host: KeptHost) {
    this.bench = bench;
    this.host = host;
    $effect.root(() => {
      $effect(() => {
        const reports = this.bench.reports;
        untrack(() => void this.sync(reports));
      });
    });
  }

  /** The kept tables, as the stored record lists them. */
  list(): StoredNotebook["kept"] {
    return [...this.kept].map(([table, file]) => ({ table, file }));
  }

  /** Starts over for another notebook, with the tables stored for it. */
  reset(kept: StoredNotebook["kept"]): void {
    this.kept = new Map(kept.map((k) => [k.table, k.file]));
    this.seen = new Map();
    this.fromCopy = new Map();
    this.gone = new Map();
  }

  /** Loads the kept tables of a restored notebook, without the user picking files; says how many loaded. */
  async restore(kept: StoredNotebook["kept"]): Promise<number> {
    const id = this.host.notebookId();
    let loaded = 0;
    await Promise.all(
      kept.map(async ({ table, file: name }) => {
        this.restoring.add(table);
        try {
          const file = await keptTableFile(id, table, name);
          if (!file) return;
          await this.bench.loadFile(file, table);
          const entry = this.bench.reports.get(table);
          if (entry) {
            loaded++;
            this.seen.set(table, entry.source);
            this.fromCopy.set(table, entry.source);
          }
        } finally {
          this.restoring.delete(table);
        }
      }),
    );
    return loaded;
  }

  /** Keeps every loaded table now (`on`), or removes every kept one. */
  async keepAll(on: boolean): Promise<void> {
    if (on) return this.sync(this.bench.reports);
    const id = this.host.notebookId();
    await Promise.all([...this.kept.keys()].map((table) => dropKeptTable(id, table)));
    this.kept.clear();
    this.seen.clear();
    for (const [table, source] of this.fromCopy) this.gone.set(table, source);
    this.fromCopy.clear();
  }

  private async sync(reports: Reports): Promise<void> {
    if (!this.host.keeping()) return;
    const id = this.host.notebookId();
    let changed = false;
    // Only this notebook's tables (a load declares its table): others may be left from another notebook.
    const declared = this.bench.state.notebook.frontMatter.data;
    for (const [table, { source }] of reports) {
      if (!Object.hasOwn(declared, table) || this.restoring.has(table)) continue;
      if (this.seen.get(table) === source || !source.file) continue;
      if (this.gone.get(table) === source) {
        this.seen.set(table, source);
        this.host.lost(table);
        continue;
      }
      this.gone.delete(table);
      this.seen.set(table, source);
      try {
        await keepTableFile(id, table, source.file);
        this.kept.set(table, source.name);
        changed = true;
      } catch (error) {
        this.seen.delete(table);
        this.host.failed(table, error);
      }
    }
    for (const table of [...this.seen.keys()].filter((t) => !reports.has(t))) {
      this.seen.delete(table);
      this.kept.delete(table);
      await dropKeptTable(id, table);
      changed = true;
    }
    if (changed) this.host.changed();
  }
}
