// Wording of formula CLV's parameters (src/recipes/catalogue/clv-formula.ts), shared by the lifetime-value
// recipe and the value matrix.
import { localized, type Catalogue } from "../locale";

const en = {
  retention: {
    label: "Yearly retention r (0-1)",
    auto: "observed: share of last year's buyers who bought again this year",
  },
  discount: { label: "Yearly discount rate d" },
  horizon: { label: "Horizon T (years)" },
  acquisitionCost: { label: "Acquisition cost per customer (when not mapped)" },
};

const zh: Catalogue<typeof en> = {
  retention: { label: "年留存率 r（0-1）", auto: "观测值：去年的购买客户中今年再次购买的比例" },
  discount: { label: "年折现率 d" },
  horizon: { label: "预测期 T（年）" },
  acquisitionCost: { label: "每位客户的获客成本（未映射列时）" },
};

/** Formula CLV's parameter wording in the current locale. */
export const CLV_FORMULA_TEXT = localized(en, { "zh-CN": zh });
