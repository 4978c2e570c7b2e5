// The YAML front matter: read into FrontMatter (checking the format version), and written back
// with the original text kept wherever the data did not change (comments and key order survive).
import { YamlError, readYaml, type YamlDocument, type YamlEntry, type YamlValue } from "./yaml-read";
import { LineEdits, yamlDocument, yamlEntry } from "./yaml-write";
import { NotebookError } from "./errors";
import { NOTEBOOK_VERSION, type DataSource, type FrontMatter } from "./types";
import { notebookMessages as m } from "../messages/notebook";

/** The front matter of a file that has none (and of a new notebook). */
export const EMPTY_FRONT_MATTER: FrontMatter = { notebook: NOTEBOOK_VERSION, data: {}, extra: {} };

/** The data sources that name a file, as [table, file] (the others hold the roles of a cell's result). */
export function declaredFiles(data: Readonly<Record<string, DataSource>>): [string, string][] {
  return Object.entries(data).flatMap(([table, s]) =>
    s.file === undefined ? [] : [[table, s.file] as [string, string]],
  );
}

/** Reads front matter YAML; `firstLine` is the file line of the YAML's first line, for error positions. */
export function parseFrontMatter(yaml: string, firstLine: number): FrontMatter {
  let doc: YamlDocument;
  try {
    doc = readYaml(yaml);
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    const line = error.line + firstLine;
    throw new NotebookError(m.badYaml(line, error.message), line);
  }
  // The file line of the value at `path` (keys of nested block mappings).
  const lineOf = (path: string[]): number | undefined => {
    let entries = doc.entries;
    let found: YamlEntry | undefined;
    for (const key of path) {
      found = entries?.find((e) => e.key === key);
      entries = found?.children;
    }
    return found ? found.valueLine + firstLine : undefined;
  };
  if (doc.value !== null && (typeof doc.value !== "object" || Array.isArray(doc.value))) {
    throw new NotebookError(m.frontMatterNotMapping(), firstLine);
  }
  const raw = doc.value ?? {};
  const { notebook, title, data, ...extra } = raw;

  // A missing version reads as 1: hand-written files and plain Markdown notes open without ceremony.
  let version = NOTEBOOK_VERSION;
  if (notebook !== undefined) {
    const line = lineOf(["notebook"]);
    if (typeof notebook !== "number" || !Number.isInteger(notebook) || notebook < 1) {
      throw new NotebookError(m.badVersion(JSON.stringify(notebook), NOTEBOOK_VERSION), line);
    }
    if (notebook > NOTEBOOK_VERSION) throw new NotebookError(m.newerVersion(notebook, NOTEBOOK_VERSION), line);
    version = notebook;
  }
  if (title !== undefined && title !== null && typeof title === "object")
    throw new NotebookError(m.badTitle(), lineOf(["title"]));
  return {
    notebook: version,
    ...(title === undefined || title === null ? {} : { title: String(title) }),
    data: readData(data, lineOf),
    extra,
  };
}

/** Checks and reads the `data:` mapping of table name -> { file, roles }. */
function readData(data: unknown, lineOf: (path: string[]) => number | undefined): Record<string, DataSource> {
  if (data === undefined || data === null) return {};
  if (typeof data !== "object" || Array.isArray(data)) throw new NotebookError(m.dataNotMapping(), lineOf(["data"]));
  const out: Record<string, DataSource> = {};
  for (const [table, entry] of Object.entries(data as Record<string, unknown>)) {
    const source = entry as Record<string, unknown> | null;
    // No `file`: the roles of a cell's result, so the roles must be there.
    const resultOnly =
      !!source && typeof source === "object" && source.file === undefined && Object.keys(source.roles ?? {}).length > 0;
    if (!source || typeof source !== "object" || (!resultOnly && (typeof source.file !== "string" || !source.file))) {
      throw new NotebookError(m.badDataSource(table), lineOf(["data", table]));
    }
    const file = resultOnly ? {} : { file: source.file as string };
    const roles = source.roles;
    if (roles === undefined || roles === null) {
      out[table] = file;
      continue;
    }
    if (
      typeof roles !== "object" ||
      Array.isArray(roles) ||
      Object.values(roles).some((v) => v === null || typeof v === "object")
    ) {
      throw new NotebookError(m.badRoles(table), lineOf(["data", table, "roles"]));
    }
    out[table] = {
      ...file,
      roles: Object.fromEntries(Object.entries(roles).map(([k, v]) => [k, String(v)])),
    };
  }
  return out;
}

/** The front matter as plain data, in canonical key order (what a new file holds). */
function plain(fm: FrontMatter): Record<string, unknown> {
  const data = Object.fromEntries(Object.entries(fm.data).map(([t, s]) => [t, plainSource(s)]));
  return {
    notebook: fm.notebook,
    ...(fm.title === undefined ? {} : { title: fm.title }),
    ...(Object.keys(data).length ? { data } : {}),
    ...fm.extra,
  };
}

function plainSource(source: DataSource): Record<string, unknown> {
  const file = source.file === undefined ? {} : { file: source.file };
  return source.roles && Object.keys(source.roles).length ? { ...file, roles: { ...source.roles } } : file;
}

/** A comparable snapshot of front matter, stored at read time so the writer can tell whether it changed. */
export function snapshotFrontMatter(fm: FrontMatter): string {
  return JSON.stringify([fm.notebook, fm.title ?? null, fm.data, fm.extra]);
}

/** Writes front matter YAML (without the --- lines): edits `original` in place when given, else writes it anew. */
export function writeFrontMatterYaml(fm: FrontMatter, original?: { yaml: string; snapshot: string }): string {
  const doc = original ? readYaml(original.yaml) : undefined;
  if (!original || !doc?.entries) return yamlDocument(plain(fm) as Record<string, YamlValue>);
  const [oldVersion, oldTitle, oldData, oldExtra] = JSON.parse(original.snapshot) as [
    number,
    string | null,
    Record<string, DataSource>,
    Record<string, unknown>,
  ];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const edits = new LineEdits();
  const top = mappingEdits(edits, doc.entries, 0);
  if (fm.notebook !== oldVersion) top.set("notebook", fm.notebook);
  if ((fm.title ?? null) !== oldTitle) top.set("title", fm.title);
  if (!same(fm.data, oldData)) writeData(edits, top, fm.data, oldData);
  for (const key of Object.keys(oldExtra)) if (!(key in fm.extra)) top.set(key, undefined);
  for (const [key, value] of Object.entries(fm.extra))
    if (!same(value, oldExtra[key])) top.set(key, value as YamlValue);
  return edits.apply(original.yaml);
}

/** Sets, adds (after the last entry) or deletes (`undefined`) the entries of one block mapping. */
function mappingEdits(edits: LineEdits, entries: readonly YamlEntry[], indent: number) {
  const end = entries.length ? entries[entries.length - 1].end : 0;
  return {
    entry: (key: string) => entries.find((e) => e.key === key),
    set(key: string, value: YamlValue | undefined): void {
      const found = entries.find((e) => e.key === key);
      const lines = value === undefined ? [] : yamlEntry(key, value, found?.indent ?? indent);
      if (found) edits.replace(found.line, found.end, lines);
      else edits.replace(end, end, lines);
    },
  };
}

/** Edits only the data sources that changed, key by key, so comments and unknown keys in the others survive. */
function writeData(
  edits: LineEdits,
  top: ReturnType<typeof mappingEdits>,
  data: Readonly<Record<string, DataSource>>,
  oldData: Record<string, DataSource>,
): void {
  const plainData = (d: Readonly<Record<string, DataSource>>) =>
    Object.fromEntries(Object.entries(d).map(([t, s]) => [t, plainSource(s)])) as Record<string, YamlValue>;
  const tables = top.entry("data")?.children;
  if (Object.keys(data).length === 0) return top.set("data", undefined);
  if (!tables?.length) return top.set("data", plainData(data));
  const inData = mappingEdits(edits, tables, tables[0].indent);
  for (const table of Object.keys(oldData)) if (!(table in data)) inData.set(table, undefined);
  for (const [table, source] of Object.entries(data)) {
    const old = oldData[table];
    const fields = inData.entry(table)?.children;
    if (!old || !fields?.length) {
      if (!old || JSON.stringify(source) !== JSON.stringify(old)) inData.set(table, plainSource(source) as YamlValue);
      continue;
    }
    const inTable = mappingEdits(edits, fields, fields[0].indent);
    if (source.file !== old.file) inTable.set("file", source.file);
    if (JSON.stringify(source.roles ?? {}) !== JSON.stringify(old.roles ?? {})) {
      inTable.set("roles", source.roles && Object.keys(source.roles).length ? { ...source.roles } : undefined);
    }
  }
}
