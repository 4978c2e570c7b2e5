// Wording of the share link: why a notebook cannot go into a link, or why a link cannot be opened.
import { formatCount, localized } from "./locale";

const en = {
  tooLong: (length: number, max: number) =>
    `This notebook is too long for a share link (${formatCount(length)} characters; ` +
    `links stop at ${formatCount(max)}). Save the notebook as a file and send the file instead.`,
  noNotebook: () => "This link holds no notebook: its address has no #nb=... part.",
  badCharacters: () =>
    "This share link is damaged: its #nb= part has characters a share link never contains. " +
    "Copy the whole link again.",
  cut: () =>
    "This share link is incomplete (it was probably cut off when it was copied or sent). " +
    "Ask for the whole link, or for the notebook file.",
  notText: () => "This share link does not hold notebook text. Ask for the notebook file instead.",
  notNotebook: (line: number | undefined, reason: string) =>
    `This share link holds text that is not a Clientbook notebook${line ? ` (line ${line})` : ""}: ${reason}`,

  copyLink: "Copy share link",
  copyLinkTitle: "A link holding this notebook's text, never its data; no server ever sees what follows the #",
  copied: "Link copied. It holds the notebook's text only: whoever opens it loads their own data files.",
  copyByHand: "Copy this link (the browser did not allow copying it for you). It holds the notebook's text only.",
  linkLabel: "Share link",
  saveFileInstead: "Save the notebook file",
  close: "Close",

  mapTitle: (table: string, file: string) => `${file} (table ${table}) names its columns otherwise`,
  mapHint: "Choose which of your columns is each column this notebook expects; the table is renamed once.",
  mapChoose: "choose a column",
  mapApply: "Use these columns",
  mapFailed: (table: string, reason: string) => `The columns of ${table} could not be renamed: ${reason}`,
};

/** User-facing messages of the share link, in the current locale. */
export const shareMessages = localized(en, "shareMessages");
