// Names of the date forms the date detector tells apart (src/recipes/dates.ts), shown in the role panel.
// The patterns keep their letters (YYYY, MM, DD) in every language: they are what the user's data looks like.
import { localized, type Catalogue } from "../locale";

const en = {
  excelSerial: "Excel serial",
  unixSeconds: "Unix seconds",
  unixMilliseconds: "Unix milliseconds",
  mixedSlash: "mixed DD/MM/YYYY and MM/DD/YYYY",
  eitherSlash: "DD/MM/YYYY or MM/DD/YYYY",
  unknown: "unknown",
};

const zh: Catalogue<typeof en> = {
  excelSerial: "Excel 序列号",
  unixSeconds: "Unix 时间戳（秒）",
  unixMilliseconds: "Unix 时间戳（毫秒）",
  mixedSlash: "DD/MM/YYYY 与 MM/DD/YYYY 混用",
  eitherSlash: "DD/MM/YYYY 或 MM/DD/YYYY",
  unknown: "未知",
};

/** The date forms' names in the current locale. */
export const DATE_FORMS_TEXT = localized(en, { "zh-CN": zh });
