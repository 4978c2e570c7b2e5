// Wording of the ABC (Pareto) recipe (src/recipes/catalogue/abc.ts): gallery texts, parameters, the class
// labels the SQL writes and the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "ABC analysis (Pareto)",
  question: "Which few customers bring most of the revenue or margin?",
  aShare: "Class A up to (% of value)",
  bShare: "Class B up to (% of value)",
  aUpTo: "Class A up to",
  bUpTo: "Class B up to",
  classes: { a: "A", b: "B", c: "C" },
  chart: {
    /** `measure` is the parameter value, revenue or margin. */
    title: (measure: string) => `Pareto: ${measure} by customer`,
    subtitle: (cell: string) => `${cell}: customers and value per class`,
    customers: "Customers (% of all, ranked)",
    revenue: "Revenue",
    margin: "Margin",
    class: "Class",
    cumulative: "Cumulative share",
  },
};

const zh: Catalogue<typeof en> = {
  title: "ABC 分类（帕累托）",
  question: "哪少数客户带来了大部分收入或毛利？",
  aShare: "A 类上限（占价值的 %）",
  bShare: "B 类上限（占价值的 %）",
  aUpTo: "A 类上限",
  bUpTo: "B 类上限",
  classes: { a: "A类客户", b: "B类客户", c: "C类客户" },
  chart: {
    title: (measure: string) => `帕累托：各客户的${measure === "margin" ? "毛利" : "收入"}`,
    subtitle: (cell: string) => `${cell}：各类的客户数和价值`,
    customers: "客户（占全部的 %，按价值排序）",
    revenue: "收入",
    margin: "毛利",
    class: "分类",
    cumulative: "累计占比",
  },
};

/** The ABC recipe's wording in the current locale. */
export const ABC_TEXT = localized(en, { "zh-CN": zh });
