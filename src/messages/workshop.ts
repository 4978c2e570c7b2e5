// What the workshop controls (reset to the original, erase my data) and the offline copy's
// version notes say.
import { localized } from "./locale";

const en = {
  reset: "Reset to original",
  resetTitle: "Replace your copy of this notebook with the original it was opened from",
  resetConfirmTitle: "Reset to the original notebook?",
  resetConfirm: (file: string) =>
    `Your copy is replaced by the original ${file}: every edit you made to its cells, inputs and title is lost. ` +
    "The loaded tables stay. Save your copy first if you want to keep it.",
  resetDo: "Reset",

  erase: "Erase my data",
  eraseTitle: "Remove every table and stored notebook of this site from this browser",
  eraseConfirmTitle: "Erase your data from this browser?",
  eraseGoes: "This goes, for this site, in this browser:",
  eraseItems: [
    "every table loaded in this page (the files on your computer are not touched);",
    "your copy of the open notebook with its edits (save it first to keep it);",
    "every notebook and table Clientbook stored in this browser (IndexedDB and the origin private file system);",
    "any other data this site stored here (caches, local and session storage).",
  ],
  eraseStays:
    "The app's own offline copy stays (the program, the example notebooks and their sample data, nothing of yours), " +
    "so Clientbook still opens without a network.",
  eraseDo: "Erase",
  erasing: "Erasing…",
  erased: "Your data is erased from this browser. Reload the page to start again from the original.",
  eraseFailed: (reason: string) => `Erasing did not finish: ${reason}. Close other Clientbook tabs and try again.`,
  eraseBlocked: (database: string) => `the stored data “${database}” is still open in another tab`,
  startAgain: "Reload",

  cancel: "Cancel",
  dismiss: "Dismiss",

  versionWaiting:
    "A new version of Clientbook is ready. It starts the next time you open Clientbook (after closing its tabs); " +
    "this page keeps the version it started with.",
  versionUpdated: "Clientbook was updated to a new version since your last visit.",
};

/** Workshop and offline wording, in the current locale. */
export const workshopText = localized(en, "workshopText");
