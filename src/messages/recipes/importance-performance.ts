// Wording of the importance-performance recipe (15, IPA): gallery texts, the four quadrants and the note its
// SQL writes, and its chart titles. `{}` in a note is filled by SQL (a count, a minimum).
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Importance vs performance",
  question: "Which needs matter most to customers, and where do we fall short on them?",
  /** The IPA quadrants: high importance and low satisfaction is where to concentrate. */
  quadrants: {
    concentrate: "Concentrate here",
    keep: "Keep up the good work",
    low: "Low priority",
    overkill: "Possible overkill",
  },
  tooFew: "too few answers ({} < {}): not placed",
  meanSatisfaction: "Mean satisfaction (performance)",
  meanImportance: "Mean importance",
  chartTitle: "Importance vs performance",
  chartSubtitle: "Lines at the grand means; top left: concentrate here",
  quadrant: "Quadrant",
};

const zh: Catalogue<typeof en> = {
  title: "重要性-表现分析（IPA）",
  question: "哪些需求对客户最重要？我们在哪些方面做得不够？",
  quadrants: {
    concentrate: "重点改进区",
    keep: "继续保持区",
    low: "低优先区",
    overkill: "过度投入区",
  },
  tooFew: "回答太少（{} < {}），不归入象限",
  meanSatisfaction: "平均满意度（表现）",
  meanImportance: "平均重要性",
  chartTitle: "重要性-表现分析",
  chartSubtitle: "虚线为总体均值；左上：重点改进区",
  quadrant: "象限",
};

/** The IPA recipe's wording in the current locale. */
export const IPA_TEXT = localized(en, { "zh-CN": zh });
