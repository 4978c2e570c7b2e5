// The bundle: one zip holding a notebook, each of its tables as Parquet and a manifest with a SHA-256
// per file. Reading checks everything before returning anything: a bundle opens whole or not at all.
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from "fflate";
import { parquetMetadata } from "hyparquet";
import { NotebookError } from "../notebook/errors";
import { parseNotebook } from "../notebook/parse";
import type { Notebook } from "../notebook/types";
import type { ResultTable } from "../table/result";
import { bundleMessages as m } from "../messages/bundle";
import { tableToParquet } from "./parquet";

/** The bundle format this build writes and reads. */
export const BUNDLE_VERSION = 1;

/** What the manifest says of one table. */
export interface BundleTable {
  readonly name: string;
  /** Path inside the zip, e.g. `tables/orders.parquet`. */
  readonly file: string;
  readonly rows: number;
  /** The DuckDB column types the table had when saved. */
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly sha256: string;
}

/** `manifest.json`. */
export interface BundleManifest {
  readonly format: "clientbook-bundle";
  readonly version: number;
  /** ISO 8601 time of saving. */
  readonly created: string;
  readonly notebook: { readonly file: "notebook.md"; readonly sha256: string };
  readonly tables: readonly BundleTable[];
}

/** An opened bundle: the notebook text and each table's Parquet bytes, all checked. */
export interface OpenedBundle {
  readonly manifest: BundleManifest;
  readonly text: string;
  readonly notebook: Notebook;
  readonly tables: readonly (BundleTable & { readonly bytes: Uint8Array })[];
}

/** A bundle that cannot be opened; the message says why. Nothing of it was loaded. */
export class BundleError extends Error {
  override readonly name = "BundleError";
}

/** The bundle's bytes: `notebookText` and each table as Parquet, with a manifest. */
export async function writeBundle(
  notebookText: string,
  tables: readonly { readonly name: string; readonly table: ResultTable }[],
  created = new Date(),
): Promise<Uint8Array> {
  const files: Zippable = {};
  const notebookBytes = strToU8(notebookText);
  files["notebook.md"] = notebookBytes;
  const entries: BundleTable[] = [];
  for (const [i, { name, table }] of tables.entries()) {
    if (entries.some((e) => e.name.toLowerCase() === name.toLowerCase())) throw new BundleError(m.duplicateTable(name));
    // Plain names become readable paths; anything else is numbered, so no name can escape tables/.
    const file = `tables/${/^[A-Za-z0-9_-]{1,64}$/.test(name) ? name : `table-${i + 1}`}.parquet`;
    const bytes = tableToParquet(table);
    // Parquet is compressed already; deflating it again costs time for nothing.
    files[file] = [bytes, { level: 0 }];
    const columns = table.columns.map((c) => ({ name: c.name, type: c.type }));
    entries.push({ name, file, rows: table.numRows, columns, sha256: await sha256(bytes) });
  }
  const manifest: BundleManifest = {
    format: "clientbook-bundle",
    version: BUNDLE_VERSION,
    created: created.toISOString(),
    notebook: { file: "notebook.md", sha256: await sha256(notebookBytes) },
    tables: entries,
  };
  files["manifest.json"] = strToU8(JSON.stringify(manifest, null, 2) + "\n");
  return zipSync(files, { level: 6, mtime: created });
}

/** Opens a bundle, checking every file against the manifest; throws a BundleError for anything amiss. */
export async function readBundle(bytes: Uint8Array): Promise<OpenedBundle> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new BundleError(m.notZip(e instanceof Error ? e.message : String(e)));
  }
  const manifest = readManifest(files);
  const text = await checked(files, manifest.notebook.file, manifest.notebook.sha256);
  const tables = [];
  for (const table of manifest.tables) {
    const data = await checked(files, table.file, table.sha256);
    let rows: number;
    try {
      rows = Number(
        parquetMetadata(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer).num_rows,
      );
    } catch (e) {
      throw new BundleError(m.badTable(table.file, e instanceof Error ? e.message : String(e)));
    }
    if (rows !== table.rows)
      throw new BundleError(m.badTable(table.file, `${rows} rows, the manifest says ${table.rows}`));
    tables.push({ ...table, bytes: data });
  }
  const notebookText = strFromU8(text);
  try {
    return { manifest, text: notebookText, notebook: parseNotebook(notebookText), tables };
  } catch (e) {
    if (e instanceof NotebookError) throw new BundleError(m.badNotebook(e.line, e.message));
    throw e;
  }
}

function readManifest(files: Record<string, Uint8Array>): BundleManifest {
  const raw = files["manifest.json"];
  if (!raw) throw new BundleError(m.noManifest());
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(raw));
  } catch (e) {
    throw new BundleError(m.badManifest(e instanceof Error ? e.message : String(e)));
  }
  const manifest = value as Partial<BundleManifest> | null;
  if (!manifest || manifest.format !== "clientbook-bundle") throw new BundleError(m.noManifest());
  if (typeof manifest.version !== "number" || !Number.isInteger(manifest.version))
    throw new BundleError(m.badManifest("no version"));
  if (manifest.version > BUNDLE_VERSION) throw new BundleError(m.newerVersion(manifest.version, BUNDLE_VERSION));
  const tableOk = (t: Partial<BundleTable>) =>
    typeof t?.name === "string" &&
    typeof t.file === "string" &&
    typeof t.sha256 === "string" &&
    Number.isInteger(t.rows) &&
    Array.isArray(t.columns);
  if (
    manifest.notebook?.file !== "notebook.md" ||
    typeof manifest.notebook.sha256 !== "string" ||
    !Array.isArray(manifest.tables) ||
    !manifest.tables.every(tableOk)
  ) {
    throw new BundleError(m.badManifest("a required field is missing"));
  }
  return manifest as BundleManifest;
}

async function checked(files: Record<string, Uint8Array>, file: string, expected: string): Promise<Uint8Array> {
  const data = files[file];
  if (!data) throw new BundleError(m.missingFile(file));
  if ((await sha256(data)) !== expected) throw new BundleError(m.tampered(file));
  return data;
}

/** Hex SHA-256 through Web Crypto (in Node 20 and in every secure context, which the app needs anyway). */
async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
