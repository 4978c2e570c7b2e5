// What the user reads about notebooks kept in this browser: the restored note, Recent notebooks,
// keeping data, a full storage, a notebook open in another tab, and closing with unsaved edits.
import { formatCount, formatDateTime, localized, plural } from "./locale";

const time = (ms: number) => formatDateTime(new Date(ms));

const en = {
  restored: (title: string, savedAt: number) => `Restored “${title}” as you left it (${time(savedAt)}).`,
  restoredData: (count: number) =>
    plural(
      count,
      "Its data table was kept in this browser and is loading.",
      `Its ${formatCount(count)} data tables were kept in this browser and are loading.`,
    ),
  restoredDataLoaded: (count: number) =>
    plural(
      count,
      "Its data table was kept in this browser and is loaded again.",
      `Its ${formatCount(count)} data tables were kept in this browser and are loaded again.`,
    ),
  reattach: "Re-attach its data files below.",
  dismiss: "Dismiss",

  recent: "Recent",
  recentTitle: "Notebooks kept in this browser",
  recentEmpty: "No notebook is kept in this browser yet: edits are kept here as you work.",
  savedAt: (ms: number) => `saved ${time(ms)}`,
  withData: "with data",
  open: "Open",
  current: "open now",
  remove: "Delete",
  removeTitle: (title: string) => `Delete “${title}” (and any data kept with it) from this browser`,
  keepData: "Keep data in this browser",
  keepDataHint:
    "Stores this notebook's data files in this browser's private storage, so a reload brings the tables back " +
    "without picking the files again. Nothing is sent anywhere.",

  quota: (reason: string) =>
    `This browser's storage is full, so the latest edits are not kept in the browser (${reason}). ` +
    "Your notebook is still open here: save it to a file so nothing is lost.",
  failed: (reason: string) =>
    `The browser refused to keep this notebook (${reason}). ` +
    "It is still open here: save it to a file so nothing is lost.",
  saveFile: "Save to a file",
  dataCopyRemoved: (table: string) =>
    `“${table}” was read from the copy kept in this browser, which was removed when keeping was turned off: ` +
    "pick its file again to keep it.",
  dataNotKept: (table: string, reason: string) =>
    `The data of “${table}” could not be kept in this browser (${reason}); pick its file again after a reload.`,
  otherTab:
    "This notebook is open in another tab, which keeps its edits in this browser. " +
    "Edits here are not stored, so they cannot overwrite that tab's.",
  keepCopy: "Keep this tab's version as a copy",
  openFailed: (reason: string) => `The stored notebook could not be opened: ${reason}`,

  lastRunBadge: "from your last run",
  lastRunTitle: (savedAt: number) =>
    `What this cell showed when it last ran (${time(savedAt)}), kept in this browser; ` +
    "this visit's run replaces it.",
};

/** Storage wording, in the current locale. */
export const storageText = localized(en, "storageText");
