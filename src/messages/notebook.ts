// Wording for problems reading a notebook file (front matter, version). One place, so it stays consistent.
// `supported` is the format version this build reads (notebook/ owns it; messages/ imports nothing).
import { localized } from "./locale";

const en = {
  newerVersion: (version: number, supported: number) =>
    `This notebook was written by a newer Clientbook (format version ${version}); ` +
    `this version reads version ${supported}. ` +
    `Open it with a newer Clientbook, or ask its author for a version ${supported} copy.`,
  badVersion: (value: string, supported: number) =>
    `The notebook format version must be a whole number such as \`notebook: ${supported}\`, not ${value}.`,
  badYaml: (line: number | undefined, reason: string) =>
    `The front matter (between the --- lines at the top) is not valid YAML${line ? ` at line ${line}` : ""}: ${reason}`,
  yamlTab: () => "lines are indented with spaces, not tabs",
  yamlIndent: () => "this line is not indented as the lines above it are",
  yamlNoColon: () => "expected `key: value` (a colon and a space after the key)",
  yamlUnexpected: (text: string) => `unexpected \`${text}\` (put a value holding it in quotes)`,
  yamlDuplicateKey: (key: string) => `the key \`${key}\` appears twice`,
  yamlUnclosed: (close: string) => `no closing ${close} on this line (a value must stay on one line)`,
  yamlBadEscape: (escape: string) => `\`${escape}\` is not a valid escape in double quotes`,
  yamlContinued: () => "a value goes on over the next line: write it on one line, in quotes if need be",
  yamlAnchors: () => "anchors, aliases and tags (&, *, !) are not read in front matter",
  yamlBlockText: () => "block text (| or >) is not read in front matter: write the text on one line, in quotes",
  yamlPairInList: () => "a `key: value` inside [ ] is not read in front matter: use { } instead",
  yamlCollectionKey: () => "a key must be text, not { } or [ ]",
  frontMatterNotMapping: () =>
    "The front matter must be a list of `key: value` lines, such as `notebook: 1` and `title: ...`.",
  unclosedFrontMatter: () => "The front matter starts with --- on the first line but has no closing --- line.",
  badTitle: () => "The `title` in the front matter must be text.",
  dataNotMapping: () =>
    "`data` in the front matter must map table names to their files, e.g. `orders: { file: orders.csv }`.",
  badDataSource: (table: string) =>
    `The data source \`${table}\` needs a file, e.g. \`${table}: { file: ${table}.csv }\` ` +
    `(or, for a cell's result, its roles: \`${table}: { roles: { customer_id: id } }\`).`,
  badRoles: (table: string) =>
    `The roles of \`${table}\` must map role names to column names, e.g. \`roles: { customer_id: Kunden-Nr }\`.`,
} as const;

/** User-facing messages of the notebook reader, in the current locale. */
export const notebookMessages = localized(en, "notebookMessages");
