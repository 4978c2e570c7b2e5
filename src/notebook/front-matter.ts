// The YAML front matter: read into FrontMatter (checking the format version), and written back
// with the original text kept wherever the data did not change (comments and key order survive).
import { Document, LineCounter, isMap, parseDocument, type Node } from "yaml";
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
  const lines = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: lines, prettyErrors: false });
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as Node | undefined)?.range;
    return range ? lines.linePos(range[0]).line + firstLine - 1 : undefined;
  };
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lines.linePos(syntax.pos[0]).line + firstLine - 1;
    throw new NotebookError(m.badYaml(line, syntax.message.replace(/ at line \d+, column \d+.*$/s, "")), line);
  }
  if (doc.contents !== null && !isMap(doc.contents)) throw new NotebookError(m.frontMatterNotMapping(), firstLine);
  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  const { notebook, title, data, ...extra } = raw;

  // A missing version reads as 1: hand-written files and plain Markdown notes open without ceremony.
  let version = NOTEBOOK_VERSION;
  if (notebook !== undefined) {
    const line = lineOf(doc.get("notebook", true));
    if (typeof notebook !== "number" || !Number.isInteger(notebook) || notebook < 1) {
      throw new NotebookError(m.badVersion(JSON.stringify(notebook), NOTEBOOK_VERSION), line);
    }
    if (notebook > NOTEBOOK_VERSION) throw new NotebookError(m.newerVersion(notebook, NOTEBOOK_VERSION), line);
    version = notebook;
  }
  if (title !== undefined && title !== null && typeof title === "object")
    throw new NotebookError(m.badTitle(), lineOf(doc.get("title", true)));
  return {
    notebook: version,
    ...(title === undefined || title === null ? {} : { title: String(title) }),
    data: readData(data, (path) => lineOf(doc.getIn(path, true))),
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
  if (!original) return new Document(plain(fm)).toString();
  const doc = parseDocument(original.yaml);
  const [oldVersion, oldTitle, oldData, oldExtra] = JSON.parse(original.snapshot) as [
    number,
    string | null,
    Record<string, DataSource>,
    Record<string, unknown>,
  ];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (fm.notebook !== oldVersion) doc.set("notebook", fm.notebook);
  if ((fm.title ?? null) !== oldTitle) {
    if (fm.title === undefined) doc.delete("title");
    else doc.set("title", fm.title);
  }
  if (!same(fm.data, oldData)) writeData(doc, fm.data, oldData);
  for (const key of Object.keys(oldExtra)) if (!(key in fm.extra)) doc.delete(key);
  for (const [key, value] of Object.entries(fm.extra))
    if (!same(value, oldExtra[key])) doc.set(key, doc.createNode(value));
  return doc.toString();
}

/** Edits only the data sources that changed, key by key, so comments and unknown keys in the others survive. */
function writeData(
  doc: Document,
  data: Readonly<Record<string, DataSource>>,
  oldData: Record<string, DataSource>,
): void {
  if (Object.keys(data).length === 0) {
    doc.delete("data");
    return;
  }
  if (!isMap(doc.get("data", true))) {
    doc.set("data", doc.createNode(Object.fromEntries(Object.entries(data).map(([t, s]) => [t, plainSource(s)]))));
    return;
  }
  for (const table of Object.keys(oldData)) if (!(table in data)) doc.deleteIn(["data", table]);
  for (const [table, source] of Object.entries(data)) {
    const old = oldData[table];
    if (!old || !isMap(doc.getIn(["data", table], true))) {
      doc.setIn(["data", table], doc.createNode(plainSource(source)));
      continue;
    }
    if (source.file !== old.file) {
      if (source.file === undefined) doc.deleteIn(["data", table, "file"]);
      else doc.setIn(["data", table, "file"], source.file);
    }
    if (JSON.stringify(source.roles ?? {}) !== JSON.stringify(old.roles ?? {})) {
      if (source.roles && Object.keys(source.roles).length)
        doc.setIn(["data", table, "roles"], doc.createNode({ ...source.roles }));
      else doc.deleteIn(["data", table, "roles"]);
    }
  }
}
