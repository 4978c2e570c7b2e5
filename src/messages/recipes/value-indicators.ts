// Wording of the value score's indicator parameter (src/recipes/catalogue/value-indicators.ts).
import { localized, type Catalogue } from "../locale";

const en = {
  label: "Indicators and weights",
  help: "name:weight or name:weight:less, separated by commas; weights between 0 and 1 adding up to 1.",
};

const zh: Catalogue<typeof en> = {
  label: "指标和权重",
  help: "写作 名称:权重 或 名称:权重:less，用逗号分隔；权重在 0 到 1 之间，合计为 1。",
};

/** The indicator parameter's wording in the current locale. */
export const VALUE_INDICATORS_TEXT = localized(en, { "zh-CN": zh });
