// Wording of the lifecycle recipe (src/recipes/catalogue/lifecycle.ts): gallery texts, parameters, the
// stage names the SQL writes (客户生命周期: 潜在/新客户/成长/成熟/衰退/沉睡) and the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Lifecycle stage",
  question: "Which customers are new, growing, mature, declining or gone quiet?",
  periodMonths: "Period for the spend trend (months)",
  newMonths: "New: first purchase within (months)",
  changePct: "Growing / declining: spend change beyond (%)",
  /** In display order. */
  stages: {
    prospect: "prospect",
    new: "new",
    growing: "growing",
    mature: "mature",
    declining: "declining",
    dormant: "dormant",
  },
  chart: {
    title: "Customer lifecycle",
    subtitle: "Customers per stage; label: revenue in the last period",
    customers: "Customers",
  },
};

const zh: Catalogue<typeof en> = {
  title: "客户生命周期阶段",
  question: "哪些客户是新客户、在成长、已成熟、在衰退或已沉睡？",
  periodMonths: "消费趋势的周期（月）",
  newMonths: "新客户：首次购买在（月）以内",
  changePct: "成长 / 衰退：消费变化超过（%）",
  stages: {
    prospect: "潜在客户",
    new: "新客户",
    growing: "成长期",
    mature: "成熟期",
    declining: "衰退期",
    dormant: "沉睡期",
  },
  chart: {
    title: "客户生命周期",
    subtitle: "各阶段的客户数；标注：最近一个周期的收入",
    customers: "客户数",
  },
};

/** The lifecycle recipe's wording in the current locale. */
export const LIFECYCLE_TEXT = localized(en, { "zh-CN": zh });
