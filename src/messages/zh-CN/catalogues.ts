// Every Simplified Chinese catalogue the app uses, by the name its English module's `localized` call gives,
// each checked against the English shape. One chunk, loaded only when Chinese is chosen (../load-locale.ts).
import type { Catalogue } from "../locale";
import type { bundleMessages } from "../bundle";
import type { chartExportMessages, chartMessages } from "../charts";
import type { codeMessages } from "../code";
import type { compileMessages } from "../compile";
import type { EngineCatalogue } from "../engine";
import type { FAMILY_LABELS, galleryText, rolesText } from "../gallery";
import type { notebookMessages } from "../notebook";
import type { RecipeMessagesCatalogue } from "../recipes";
import type { sessionMessages } from "../session";
import type { shareMessages } from "../share";
import type { storageText } from "../storage";
import type { ui } from "../ui";
import type { workshopText } from "../workshop";
import { MAX_REPORT_ROWS, type reportDialogMessages } from "../report";
import { bundleZh } from "./bundle";
import { chartExportZh, chartsZh } from "./charts";
import { codeZh } from "./code";
import { compileZh } from "./compile";
import { engineZh } from "./engine";
import { familyLabelsZh, galleryTextZh, rolesTextZh } from "./gallery";
import { notebookZh } from "./notebook";
import { recipeMessagesZh, roleLabelsZh } from "./recipes";
import { reportDialogZh } from "./report";
import { sessionZh } from "./session";
import { shareZh } from "./share";
import { storageZh } from "./storage";
import { uiZh } from "./ui";
import { workshopZh } from "./workshop";

/** The zh-CN catalogues by name; a new English catalogue module adds its translation here. */
export const zhCatalogues = {
  bundleMessages: bundleZh satisfies Catalogue<typeof bundleMessages>,
  chartExportMessages: chartExportZh satisfies Catalogue<typeof chartExportMessages>,
  chartMessages: chartsZh satisfies Catalogue<typeof chartMessages>,
  codeMessages: codeZh satisfies Catalogue<typeof codeMessages>,
  compileMessages: compileZh satisfies Catalogue<typeof compileMessages>,
  engine: engineZh satisfies Catalogue<EngineCatalogue>,
  rolesText: rolesTextZh satisfies Catalogue<typeof rolesText>,
  FAMILY_LABELS: familyLabelsZh satisfies Catalogue<typeof FAMILY_LABELS>,
  galleryText: galleryTextZh satisfies Catalogue<typeof galleryText>,
  notebookMessages: notebookZh satisfies Catalogue<typeof notebookMessages>,
  recipeMessages: recipeMessagesZh satisfies Catalogue<RecipeMessagesCatalogue>,
  roleLabels: roleLabelsZh,
  reportDialogMessages: reportDialogZh(MAX_REPORT_ROWS) satisfies Catalogue<typeof reportDialogMessages>,
  sessionMessages: sessionZh satisfies Catalogue<typeof sessionMessages>,
  shareMessages: shareZh satisfies Catalogue<typeof shareMessages>,
  storageText: storageZh satisfies Catalogue<typeof storageText>,
  ui: uiZh satisfies Catalogue<typeof ui>,
  workshopText: workshopZh satisfies Catalogue<typeof workshopText>,
};
