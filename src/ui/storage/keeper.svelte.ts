// Keeps the open notebook in this browser: every edit is stored (IndexedDB) under the notebook's id within
// a second, the last notebook comes back on start, its data files are kept (OPFS) when the user asks, and
// the user is told when storage is full or another tab holds the notebook. Wording: messages/storage.
import type { Notebook } from "../../notebook/types";
import { serializeNotebook } from "../../notebook/serialize";
import { storageText as t } from "../../messages/storage";
import { followEdits } from "../../store/follow-edits";
import { createSaveScheduler } from "../../store/save-scheduler";
import { claimNotebook, type Release } from "../../store/tab-lock";
import { getStoredNotebook, listStoredNotebooks, putStoredNotebook } from "../../store/notebooks";
import type { StoredNotebook, StoredSummary } from "../../store/notebooks";
import { deleteStoredNotebook, eraseStoredData, linkedNotebookId } from "../../store/notebooks";
import { KeptTables } from "./kept-tables.svelte";
import { LastRun } from "./last-run.svelte";
import type { Workbench } from "../workbench.svelte";

/** The stored notebook the open one is kept as. */
interface Identity {
  readonly id: string;
  readonly fileName: string;
  /** The text as last opened from or saved to a file (edits beyond it were never saved to a file). */
  fileText: string;
  keepData: boolean;
  /** Resolves with the tab's hold on the notebook, or undefined when another tab holds it. */
  readonly lock: Promise<Release | undefined>;
  /** Set once the lock is known to be this tab's: only then are tables written under the id. */
  held: boolean;
}

/** An edit waiting to be written, with the notebook it belongs to. */
interface Waiting {
  readonly identity: Identity;
  readonly notebook: Notebook;
  readonly trusted: boolean;
}

/** What the quiet "restored" note says. */
export interface RestoredNote {
  readonly title: string;
  readonly savedAt: number;
  readonly keptTables: number;
  /** How many of them have loaded again, once their loads are over (undefined while they load). */
  readonly keptLoaded?: number;
}

/** A storage problem shown to the user until it is resolved or dismissed. */
export interface StorageProblem {
  readonly kind: "quota" | "failed" | "other-tab" | "data";
  readonly message: string;
}

/** How long edits wait before they are written (the issue asks for "within a second"). */
export const AUTOSAVE_DELAY_MS = 300;

const freshId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
const isQuota = (error: unknown) => error instanceof DOMException && error.name === "QuotaExceededError";

/** The browser-storage side of the workbench. */
export class Keeper {
  restored: RestoredNote | undefined = $state.raw(undefined);
  problem: StorageProblem | undefined = $state.raw(undefined);
  recent: StoredSummary[] = $state.raw([]);
  keepData = $state(false);
  /** The id of the stored notebook open now. */
  id = $state("");
  private readonly bench: Workbench;
  private identity: Identity;
  private pending: { identity: Identity; restored?: RestoredNote; kept: StoredNotebook["kept"] } | undefined;
  /** The stored copy of a linked notebook, read ahead (`readLink`). */
  private linkRead: { path: string; record: Promise<StoredNotebook | undefined> } | undefined;
  private waiting: Waiting | undefined;
  private previous: Waiting | undefined;
  /** Set by "Erase my data": nothing is stored again for the rest of this page's life. */
  private stopped = false;
  private readonly saver = createSaveScheduler(AUTOSAVE_DELAY_MS, () => this.write());
  readonly tables: KeptTables;
  /** The open notebook's last run results: kept after each run, drawn on the next visit before the engine. */
  readonly lastRun: LastRun;

  constructor(bench: Workbench) {
    this.bench = bench;
    this.identity = this.claim(freshId(), bench.fileName, bench.session.save(), false);
    this.id = this.identity.id;
    this.tables = new KeptTables(bench, {
      notebookId: () => this.identity.id,
      keeping: () => this.identity.keepData && this.identity.held,
      changed: () => this.touch(),
      // A table not kept is told until dismissed: the notebook's own saves go on and must not hide it.
      failed: (table, error) =>
        (this.problem = isQuota(error)
          ? { kind: "quota", message: t.quota(reason(error)) }
          : { kind: "data", message: t.dataNotKept(table, reason(error)) }),
      lost: (table) => (this.problem = { kind: "data", message: t.dataCopyRemoved(table) }),
    });
    followEdits(bench.session, (notebook) => this.edited(notebook));
    // The user's word to run is stored when given: running changes no text, so no edit would store it, and
    // a reload would ask again and show no last results. A notebook opened trusted is not an edit of its own.
    let flushed = bench.session.getState();
    bench.session.on((event) => {
      if (event.type !== "session" || !event.trusted || flushed.trusted) return;
      if (bench.session.getState().notebook === flushed.notebook) this.touch();
    });
    bench.session.subscribe((state) => (flushed = state));
    // Results are written under the same rule as edits: this tab holds the notebook and nothing was erased.
    this.lastRun = new LastRun(bench.session, () =>
      this.stopped || !this.identity.held ? undefined : this.identity.id,
    );
    window.addEventListener("beforeunload", (event) => {
      if (!this.unsavedToFile()) return;
      event.preventDefault();
      event.returnValue = "";
    });
    // A closed or hidden tab writes what is waiting at once rather than after the delay.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") void this.saver.flush();
    });
  }

  private claim(id: string, fileName: string, fileText: string, keepData: boolean): Identity {
    const identity: Identity = { id, fileName, fileText, keepData, lock: claimNotebook(id), held: false };
    void identity.lock.then((release) => {
      identity.held = release !== undefined;
      // Tables loaded while the lock was pending are kept now.
      if (identity.held && identity === this.identity && keepData) void this.tables.keepAll(true);
    });
    return identity;
  }

  private edited(notebook: Notebook): void {
    if (this.stopped) return;
    this.previous = this.waiting;
    this.waiting = { identity: this.identity, notebook, trusted: this.bench.session.getState().trusted };
    this.saver.mark();
  }

  /** Stores the open notebook again though its text did not change (keep-data, file save). */
  private touch(): void {
    this.edited(this.bench.session.getState().notebook);
  }

  private async write(): Promise<void> {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (!waiting) return;
    const { identity, notebook } = waiting;
    if (!(await identity.lock)) {
      if (identity === this.identity) this.problem = { kind: "other-tab", message: t.otherTab };
      return;
    }
    const start = performance.now();
    const text = serializeNotebook(notebook);
    // Read by the autosave measurement (test/browser/autosave.test.ts): the main-thread part, then the whole write.
    performance.measure("clientbook:autosave-serialize", { start });
    const record: StoredNotebook = {
      id: identity.id,
      title: notebook.frontMatter.title ?? identity.fileName,
      fileName: identity.fileName,
      text,
      trusted: waiting.trusted,
      fileText: identity.fileText,
      savedAt: Date.now(),
      keepData: identity.keepData,
      kept: identity === this.identity ? this.tables.list() : [],
    };
    try {
      await putStoredNotebook(record);
      if (identity === this.identity && this.problem?.kind !== "other-tab" && this.problem?.kind !== "data") {
        this.problem = undefined;
      }
    } catch (error) {
      // The notebook stays open in memory; the next edit tries again.
      if (identity === this.identity) this.fail(error, t.failed(reason(error)));
    }
    performance.measure("clientbook:autosave", { start });
  }

  private fail(error: unknown, otherwise: string): void {
    this.problem = isQuota(error)
      ? { kind: "quota", message: t.quota(reason(error)) }
      : { kind: this.problem?.kind === "data" ? "data" : "failed", message: otherwise };
  }

  /** Hides a table's "not kept" message (the notebook's own problems go when a save succeeds). */
  dismissProblem(): void {
    if (this.problem?.kind === "data") this.problem = undefined;
  }

  /** Called by the workbench after a notebook was opened: it is kept under its own id from now on. */
  opened(): void {
    // The open itself came in as an "edit" of the old notebook: what was waiting before it is the old one's.
    if (this.waiting?.notebook === this.bench.session.getState().notebook) this.waiting = this.previous;
    void this.saver.flush();
    const next = this.pending ?? {
      identity: this.claim(freshId(), this.bench.fileName, this.bench.session.save(), false),
      kept: [],
    };
    this.pending = undefined;
    void this.identity.lock.then((release) => release?.());
    this.identity = next.identity;
    this.id = next.identity.id;
    this.keepData = next.identity.keepData;
    this.restored = next.restored;
    this.problem = undefined;
    this.tables.reset(next.kept);
    void this.lastRun.opened(next.identity.id);
    this.tellIfHeld(next.identity);
  }

  private tellIfHeld(identity: Identity): void {
    void identity.lock.then((release) => {
      if (!release && identity === this.identity) this.problem = { kind: "other-tab", message: t.otherTab };
    });
  }

  /** Opens a stored notebook as it was left, with its kept tables; false when there is none. */
  async openStored(id: string): Promise<boolean> {
    if (id === this.identity.id) return true;
    let record: StoredNotebook | undefined;
    try {
      record = await getStoredNotebook(id);
    } catch (error) {
      this.bench.notify(t.openFailed(reason(error)));
      return false;
    }
    if (!record) return false;
    this.expect(record);
    if (!this.bench.openText(record.text, record.fileName, record.trusted)) {
      this.pending = undefined;
      return false;
    }
    const note = this.restored;
    const loaded = await this.tables.restore(record.kept);
    // The note says "loading" until the loads are over, unless it was dismissed or another notebook opened.
    if (note && this.restored === note) this.restored = { ...note, keptLoaded: loaded };
    return true;
  }

  /** Opens the most recently stored notebook (on start, with no notebook in the link). */
  async restoreLatest(): Promise<void> {
    const latest = (await listStoredNotebooks().catch(() => []))[0];
    if (latest) await this.openStored(latest.id);
  }

  /**
   * For a notebook opened from a link: the stored copy of it when the user edited it here (with the
   * user's word on running it), else the fetched text as it is.
   */
  async forLink(path: string, text: string, trusted: boolean): Promise<{ text: string; trusted: boolean }> {
    const read = this.linkRead?.path === path ? this.linkRead.record : this.readStored(path);
    this.linkRead = undefined;
    const record = await read;
    const fileName = path.split("/").pop() || "notebook.md";
    if (!record || record.text === text) {
      this.pending = {
        identity: this.claim(linkedNotebookId(path), fileName, text, record?.keepData ?? false),
        kept: [],
      };
      return { text, trusted };
    }
    this.expect({ ...record, fileText: text });
    return { text: record.text, trusted: record.trusted };
  }

  /**
   * Starts reading the stored copy of the linked notebook at `path` (on start, beside the notebook's own fetch
   * and the mount), so `forLink` finds it read: a repeat visit's notebook is readable sooner.
   */
  readLink(path: string): void {
    this.linkRead = { path, record: this.readStored(path) };
  }

  private readStored(path: string): Promise<StoredNotebook | undefined> {
    return getStoredNotebook(linkedNotebookId(path)).catch(() => undefined);
  }

  private expect(record: StoredNotebook): void {
    const identity = this.claim(record.id, record.fileName, record.fileText, record.keepData);
    const restored = { title: record.title, savedAt: record.savedAt, keptTables: record.kept.length };
    this.pending = { identity, restored, kept: record.kept };
  }

  /** Records that the notebook was saved to a file (closing the tab then asks nothing). */
  savedToFile(text: string): void {
    this.identity.fileText = text;
    this.touch();
  }

  /** Whether the notebook has edits that were never saved to a file. */
  unsavedToFile(): boolean {
    if (this.stopped) return false;
    return (
      this.bench.session.getState().notebook.cells.length > 0 && this.bench.session.save() !== this.identity.fileText
    );
  }

  /** Turns "keep data in this browser" on or off for the open notebook. */
  async setKeepData(on: boolean): Promise<void> {
    this.identity.keepData = on;
    this.keepData = on;
    await this.tables.keepAll(on);
    this.touch();
  }

  /** Stores the open notebook now though it was not edited: one opened from a link outlives the link. */
  keepOpened(): void {
    this.touch();
  }

  /** Keeps this tab's version under a new id (another tab holds the stored one). */
  keepCopy(): void {
    const copy = this.claim(freshId(), this.identity.fileName, this.identity.fileText, false);
    this.identity = copy;
    this.id = copy.id;
    this.keepData = false;
    this.problem = undefined;
    this.tables.reset([]);
    this.touch();
  }

  /** Reloads the list of stored notebooks. */
  async refreshRecent(): Promise<void> {
    this.recent = await listStoredNotebooks().catch(() => []);
  }

  /** Deletes a stored notebook (the open one stays open, and is stored again on its next edit). */
  async remove(id: string): Promise<void> {
    await deleteStoredNotebook(id);
    await this.refreshRecent();
  }

  /**
   * Forgets the open notebook's stored copy and kept tables ("Reset to original"): nothing waiting is written,
   * and its next edit is stored afresh.
   */
  async forget(): Promise<void> {
    this.saver.cancel();
    await this.saver.whenSaved();
    this.waiting = this.previous = undefined;
    this.restored = undefined;
    await this.lastRun.forget();
    await deleteStoredNotebook(this.identity.id);
    this.tables.reset([]);
  }

  /**
   * Erases every stored notebook and kept table of this site ("Erase my data"); nothing waiting is written,
   * and nothing is stored again until the page is reloaded.
   */
  async eraseAll(): Promise<void> {
    this.stopped = true;
    this.saver.cancel();
    await this.saver.whenSaved();
    this.waiting = this.previous = undefined;
    this.restored = undefined;
    this.identity.keepData = this.keepData = false;
    await this.lastRun.forget({ stop: true });
    await eraseStoredData();
    this.tables.reset([]);
    this.recent = [];
  }

  /** Resolves once every edit so far is written (for the "Erase my data" flow and tests). */
  whenSaved(): Promise<void> {
    return this.saver.whenSaved();
  }

  /** Hides the restored note or a storage problem. */
  dismiss(): void {
    this.restored = undefined;
    if (this.problem?.kind !== "other-tab") this.problem = undefined;
  }
}
