// Bundles from the workbench: writing the notebook with every loaded table, and opening one as a
// foreign notebook whose tables come from the file. The bundle code loads only when a bundle is used.
import type { ResultTable } from "../table/result";
import { bundleMessages as m } from "../messages/bundle";

/** What bundles need of the workbench (a shape, not the class: the workbench opens bundles through here). */
export interface BundleHost {
  readonly tables: readonly { readonly name: string }[];
  readonly deps: { readonly readTable?: (table: string) => Promise<ResultTable> };
  save(): string;
  notify(message: string): void;
  openText(text: string, fileName: string, trusted: boolean): boolean;
  loadFile(file: File, table?: string): Promise<unknown>;
}

/** Whether a picked or dropped file is a bundle (rather than a notebook or a data file). */
export const isBundleFile = (file: File): boolean => /\.zip$/i.test(file.name);

/** The bundle file name for a notebook file name (`review.md` -> `review.clientbook.zip`). */
export const bundleName = (notebookFile: string): string =>
  `${notebookFile.replace(/\.(md|markdown)$/i, "") || "notebook"}.clientbook.zip`;

/** The bundle's bytes: the notebook as saved and each loaded table read back whole through the engine. */
export async function writeWorkbenchBundle(bench: BundleHost): Promise<Uint8Array> {
  const readTable = bench.deps.readTable;
  if (!readTable) throw new Error("no engine to read the tables from");
  const { writeBundle } = await import("../bundle/bundle");
  const tables = [];
  for (const { name } of bench.tables) tables.push({ name, table: await readTable(name) });
  return writeBundle(bench.save(), tables);
}

/**
 * Opens a bundle: checked whole first (a damaged one loads nothing and says why), then its notebook
 * is opened untrusted (it runs on the user's word) and its tables are loaded under their own names.
 */
export async function openBundle(bench: BundleHost, file: File): Promise<boolean> {
  const { readBundle } = await import("../bundle/bundle");
  let bundle;
  try {
    bundle = await readBundle(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    bench.notify(m.openFailed(file.name, error instanceof Error ? error.message : String(error)));
    return false;
  }
  const notebookName = file.name.replace(/(\.clientbook)?\.zip$/i, "") + ".md";
  if (!bench.openText(bundle.text, notebookName, false)) return false;
  await Promise.all(
    bundle.tables.map((t) =>
      bench.loadFile(new File([t.bytes as Uint8Array<ArrayBuffer>], t.file.replace(/^.*\//, "")), t.name),
    ),
  );
  return true;
}

/** Offers `bytes` as a file download named `fileName`. */
export function downloadBytes(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
