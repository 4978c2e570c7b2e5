// Wording of the behaviour types recipe (src/recipes/catalogue/behaviour-types.ts): gallery texts, parameters,
// the type names the SQL writes and the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Behaviour types",
  question: "Which customers buy regularly, which drift, and which have never bought?",
  period: { label: "Period", month: "Month", quarter: "Quarter", year: "Year" },
  n: "Look at the last n periods",
  k: "Loyal: bought in at least k of them",
  kShort: "k (periods with a purchase)",
  nShort: "n (periods looked at)",
  /** In display order. */
  types: { loyal: "loyal", drifting: "drifting", lapsed: "lapsed", potential: "potential" },
  chart: {
    title: "Behaviour types",
    subtitle: "Customers per type; label: share of revenue in the window",
    customers: "Customers",
  },
};

const zh: Catalogue<typeof en> = {
  title: "客户行为类型",
  question: "哪些客户定期购买，哪些在游离，哪些从未购买？",
  period: { label: "周期", month: "月", quarter: "季度", year: "年" },
  n: "查看最近 n 个周期",
  k: "忠诚客户：其中至少 k 个周期有购买",
  kShort: "k（有购买的周期数）",
  nShort: "n（查看的周期数）",
  types: { loyal: "忠诚客户", drifting: "游离客户", lapsed: "流失客户", potential: "潜在客户" },
  chart: {
    title: "客户行为类型",
    subtitle: "各类型的客户数；标注：时间窗口内的收入占比",
    customers: "客户数",
  },
};

/** The behaviour types recipe's wording in the current locale. */
export const BEHAVIOUR_TYPES_TEXT = localized(en, { "zh-CN": zh });
