// Wording of bundles (a notebook with its data in one file): why one cannot be opened, and the warning
// that a bundle holds client data.
import { formatCount, localized, plural } from "./locale";

const en = {
  containsData: (tables: number) =>
    `This file contains the notebook and its data (${formatCount(tables)} ${plural(tables, "table", "tables")}): ` +
    "it holds client data. Send it only to people who may see that data.",
  notZip: (reason: string) =>
    `This is not a complete Clientbook bundle: the file is cut off or is not a bundle (${reason}). ` +
    "Ask for the file again; nothing was loaded.",
  noManifest: () => "This file is not a Clientbook bundle: it has no manifest.json. Nothing was loaded.",
  badManifest: (reason: string) => `This bundle's manifest.json cannot be read (${reason}). Nothing was loaded.`,
  newerVersion: (version: number, supported: number) =>
    `This bundle was written by a newer Clientbook (bundle format ${version}); this version reads format ` +
    `${supported}. Open it with a newer Clientbook. Nothing was loaded.`,
  missingFile: (file: string) =>
    `This bundle is incomplete: ${file} is missing. Ask for the file again; nothing was loaded.`,
  tampered: (file: string) =>
    `This bundle was changed or damaged after it was saved: ${file} does not match its checksum. ` +
    "Ask for the file again; nothing was loaded.",
  badTable: (file: string, reason: string) =>
    `This bundle's table ${file} cannot be read (${reason}). Nothing was loaded.`,
  badNotebook: (line: number | undefined, reason: string) =>
    `This bundle's notebook cannot be read${line ? ` (line ${line})` : ""}: ${reason} Nothing was loaded.`,
  duplicateTable: (name: string) => `Two tables are named ${name}; a bundle holds each table once.`,

  saveWithData: "Save with data…",
  saveWithDataTitle: "Save one file with the notebook and every loaded table (it holds client data)",
  warningTitle: "This file will contain client data",
  tableList: (names: readonly string[]) => `Tables in the file: ${names.join(", ")}.`,
  noTables: "No table is loaded: the file will hold the notebook only.",
  confirmSave: "Save with data",
  cancel: "Cancel",
  saving: "Writing the file…",
  saved: (file: string, size: string) => `Saved ${file} (${size}). It contains client data: keep it safe.`,
  saveFailed: (reason: string) => `The file with data could not be written: ${reason}. Your notebook is unchanged.`,
  openFailed: (file: string, reason: string) => `${file}: ${reason}`,
};

/** User-facing messages of bundles, in the current locale. */
export const bundleMessages = localized(en, "bundleMessages");
