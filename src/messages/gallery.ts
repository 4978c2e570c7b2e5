// Wording of the role-mapping cards in the data panel and of the recipe gallery, in one place so it
// stays consistent and can be translated. Role labels themselves are ROLE_LABELS in ./recipes.

import { formatCount as count, localized, pluralOf } from "./locale";

const quoted = (items: readonly string[]) => items.map((s) => `“${s}”`).join(", ");

const rolesEn = {
  title: "Column roles",
  intro: "Tell Clientbook what your columns mean, so analyses can use them.",
  kind: "This table holds",
  kinds: {
    transactions: "Transactions (orders, invoices)",
    customers: "Customers (one row per customer)",
    survey: "Survey answers",
    deals: "Deals (opportunities)",
    receivables: "Receivables (open invoices)",
  } as Readonly<Record<string, string>>,
  required: "required",
  notMapped: "— not in this table —",
  guessed: "Guessed from the column names and types: check, then save.",
  edited: "Changed: save to keep it in the notebook.",
  saved: "Saved in the notebook.",
  save: "Save mapping",
  reset: "Undo changes",
  badgeSaved: "✓ Saved in the notebook",
  badgeGuessed: "Guessed: please check",
  badgeEdited: "Changed: not saved",
  badgeMissing: (n: number) =>
    pluralOf(n, "en") === "one" ? "1 required role missing" : `${n} required roles missing`,
  badgeProblem: "Needs attention",
  ok: "Every required role is mapped.",
  typeHint: (column: string, type: string) => `${column} · ${type}`,
  badgeUnused: "Not used by an analysis",
  unused: "No analysis uses this table yet, so nothing is missing. Map its columns when one should use it.",
  badgeQuestions: (n: number) => (n === 1 ? "Guessed: 1 role to confirm" : `Guessed: ${n} roles to confirm`),
  question: "A guess: check that this column is right, then save.",
  dateFormat: (format: string) => `Format found: ${format}`,
  dateOrder: "Order of day and month",
  dateOrderNone: "— not picked: such dates stay unread —",
  dayFirst: "Day first (DD/MM/YYYY)",
  monthFirst: "Month first (MM/DD/YYYY)",
  dateAmbiguous: (example: string) =>
    `A date like ${example} reads as day first or as month first: pick the order your file uses.`,
  dateOrderFound: (format: string) =>
    `The sampled dates are ${format}: pick that order so analyses read them (slash dates are never guessed).`,
  dateUnreadable: (share: number, examples: readonly string[]) =>
    `${Math.round(share * 100)} % of the sampled values are not dates (e.g. ${examples.join(", ")}): ` +
    "analyses leave those rows out and count them in their checks.",
  derivedMargin: "margin = amount - cost",
  usePrice: (column: string) => `Use "${column}" as the unit price`,
  cancelPrefix: "Cancelled when the order number starts with",
  cancelStatus: "Cancelled when the status is (comma-separated)",
  returnRule: (rule: string) => `Returns: ${rule}.`,
} as const;

const familiesEn: Readonly<Record<string, string>> = {
  segmentation: "Who the customers are: segmentation",
  value: "What customers are worth: value",
  loyalty: "Who stays: loyalty and retention",
  needs: "What customers need",
  competitors: "Competitors",
  "key accounts": "Key accounts",
};

const galleryEn = {
  open: "Analyses…",
  openTitle: "Insert a ready-made analysis (RFM, ABC, lifetime value, …) as cells you can read and edit",
  title: "Analysis gallery",
  intro:
    "Pick a question. Clientbook inserts the analysis as ordinary SQL and chart cells with its settings at the top; you can read and change everything afterwards.",
  close: "Close",
  pick: "Choose an analysis on the left to see what it needs.",
  howTo: [
    "Choose a question on the left. “Ready” means your loaded tables have the columns it needs.",
    "Check which table and which of its columns the analysis uses, and adjust the settings if you like.",
    "Insert and run: the SQL, a result table and a chart are added to the notebook. Every cell stays editable.",
  ] as readonly string[],
  ready: "Ready",
  needsMapping: "Needs data or mapping",
  tables: "Data",
  tablesHint: "Which of your tables each input comes from.",
  slotLabel: (kind: string, required: boolean) => `${kind}${required ? "" : " (optional)"}`,
  noTable: "— none —",
  noTableLoaded: (kind: string) => `No ${kind} table is loaded: load one with “Load data…”.`,
  usesRoles: (table: string, roles: readonly string[]) => `Uses from ${table}: ${roles.join(", ")}`,
  unsavedRoles: (table: string) =>
    `The column roles of ${table} are not saved yet: inserting saves them in the notebook.`,
  settings: "Settings",
  auto: "auto",
  autoHint: (what: string) => `Leave empty for automatic: ${what}.`,
  dateAutoHint: (what: string) => `Leave empty for automatic: ${what}.`,
  cellName: "Cell names start with",
  cellNameHint: "Other cells can refer to the results by these names.",
  problemsTitle: "Before inserting",
  fixMapping: (table: string) => `Map the columns of ${table}`,
  inserts: (n: number) => `Inserts ${count(n)} cells:`,
  insert: "Insert and run",
  insertOnly: "Insert",
  notRunYet: "This notebook has not been run yet, so the new cells run when you run the notebook.",
  insertHint: "The cells go after the cell you last worked in, or at the end.",
  notReady: "Fix the points marked in red to insert this analysis.",
  nameTaken: (name: string, free: string) =>
    `A cell called “${name}” exists already, so the new cells will start with “${free}”: insert again.`,
  missingRolesShort: (roles: readonly string[]) => `map ${quoted(roles)}`,
  tablesGroup: "Loaded tables",
  resultsGroup: "Cell results",
  resultOption: (cell: string, kind?: string) => `${cell} · cell result${kind ? ` · ${kind}` : ""}`,
  resultNotRun: (cell: string) => `${cell} · cell result (not run yet)`,
  runCellFirst: (cell: string) =>
    `Run cell “${cell}” first: its result's columns are needed to map the roles this analysis reads.`,
  cellFailed: (cell: string) => `Cell “${cell}” failed: fix it and run it, then its result can be used here.`,
  runCell: (cell: string) => `Run ${cell}`,
  resultRoles: (cell: string) =>
    `The roles are read from the columns of cell “${cell}”'s result; the analysis re-runs when that cell changes.`,
  cellKinds: { sql: "table", chart: "chart", markdown: "text", ts: "code", input: "input", code: "code" } as Readonly<
    Record<string, string>
  >,
} as const;

/** Role-mapping wording, in the current locale. */
export const rolesText = localized(rolesEn, "rolesText");

/** Names of the recipe families, in the order the gallery lists them, in the current locale. */
export const FAMILY_LABELS = localized(familiesEn, "FAMILY_LABELS");

/** Recipe-gallery wording, in the current locale. */
export const galleryText = localized(galleryEn, "galleryText");
