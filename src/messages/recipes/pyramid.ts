// Wording of the customer pyramid recipe (src/recipes/catalogue/pyramid.ts): gallery texts, parameters,
// the tier names the SQL writes (客户金字塔: 钻石/黄金/白银/铁) and the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Customer pyramid",
  question: "How is value spread over the top 1 %, the next 4 %, the next 15 % and the rest?",
  vipPct: "VIP: top % of customers",
  majorPct: "Major: next % of customers",
  ordinaryPct: "Ordinary: next % of customers",
  /** From the top of the pyramid down. */
  tiers: { vip: "VIP", major: "Major", ordinary: "Ordinary", small: "Small" },
  chart: {
    title: "Customer pyramid",
    /** `measure` is the parameter value, revenue or margin. */
    subtitle: (measure: string) => `Share of ${measure} per tier; label: share of customers`,
    axis: (measure: string) => `Share of ${measure}`,
  },
};

const measureZh = (measure: string) => (measure === "margin" ? "毛利" : "收入");

const zh: Catalogue<typeof en> = {
  title: "客户金字塔",
  question: "价值在前 1 %、其后 4 %、再其后 15 % 和其余客户之间如何分布？",
  vipPct: "钻石客户：前 % 的客户",
  majorPct: "黄金客户：其后 % 的客户",
  ordinaryPct: "白银客户：再其后 % 的客户",
  tiers: { vip: "钻石客户", major: "黄金客户", ordinary: "白银客户", small: "铁牌客户" },
  chart: {
    title: "客户金字塔",
    subtitle: (measure: string) => `各层级的${measureZh(measure)}占比；标注：客户数占比`,
    axis: (measure: string) => `${measureZh(measure)}占比`,
  },
};

/** The customer pyramid's wording in the current locale. */
export const PYRAMID_TEXT = localized(en, { "zh-CN": zh });
