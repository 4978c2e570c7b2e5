// Wording of the category-affinity recipe (16, implicit needs): gallery texts, its parameter and chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Category affinity (implicit needs)",
  question: "Which product categories does each segment buy more (or less) than customers overall?",
  minCustomers: "Minimum buyers in a segment",
  chartTitle: (by: string) => `Category affinity by ${by}`,
  chartSubtitle: "Lift: share of the category in the segment / share overall (1 = base rate)",
  lift: "Lift",
};

const zh: Catalogue<typeof en> = {
  title: "品类偏好（隐性需求）",
  question: "每个细分客户群比整体客户多买（或少买）哪些产品品类？",
  minCustomers: "细分中至少多少位购买客户",
  chartTitle: (by: string) => `按${by}的品类偏好`,
  chartSubtitle: "提升度：品类在该细分中的占比 / 在整体中的占比（1 = 基准水平）",
  lift: "提升度",
};

/** The category-affinity recipe's wording in the current locale. */
export const AFFINITY_TEXT = localized(en, { "zh-CN": zh });
