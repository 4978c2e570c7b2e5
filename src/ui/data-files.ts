// Which files the data picker offers, so the notebook picker can hand a data file to the loader instead.

const dataExtensions = ["csv", "tsv", "txt", "parquet", "jsonl", "ndjson", "json"];

/** The data picker's `accept` attribute. */
export const dataFileAccept = [...dataExtensions.map((ext) => `.${ext}`), "text/csv"].join(",");

/** True for a name the data picker offers, except `.txt`, which may as well be a notebook's text. */
export function isDataFileName(fileName: string): boolean {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1].toLowerCase();
  return ext !== undefined && ext !== "txt" && dataExtensions.includes(ext);
}
