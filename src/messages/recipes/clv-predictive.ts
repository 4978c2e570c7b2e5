// Wording of predictive CLV (src/recipes/catalogue/clv-predictive.ts and clv-predictive-cells.ts): its
// parameters and the chart of the top customers.
import { localized, type Catalogue } from "../locale";

const en = {
  timeUnit: {
    label: "Predictive: time unit of the model",
    weeks: "Weeks (days / 7), as in the literature",
    days: "Days",
  },
  marginShare: {
    label: "Predictive: share of spend kept as margin (0-1)",
    auto: "margin / revenue observed up to the calibration end with measure = margin, else 1",
  },
  zeroPurchases: { label: "Predictive: count zero-amount rows as purchases (free items; CDNOW has 8)" },
  chart: {
    title: "Predicted customer lifetime value, top customers",
    subtitle: (years: number) => `BG/NBD + Gamma-Gamma, next ${years} year(s), discounted; colour: P(alive)`,
    clv: "Predicted CLV",
    alive: "P(alive)",
  },
};

const zh: Catalogue<typeof en> = {
  timeUnit: { label: "预测法：模型的时间单位", weeks: "周（天数 / 7），与文献一致", days: "天" },
  marginShare: {
    label: "预测法：消费中作为毛利的比例（0-1）",
    auto: "度量为毛利时取校准期末之前观测到的毛利 / 收入，否则为 1",
  },
  zeroPurchases: { label: "预测法：把金额为零的行算作购买（赠品；CDNOW 中有 8 行）" },
  chart: {
    title: "预测的客户生命周期价值，前列客户",
    subtitle: (years: number) => `BG/NBD + Gamma-Gamma，未来 ${years} 年，已折现；颜色：存活概率 P(alive)`,
    clv: "预测 CLV",
    alive: "存活概率 P(alive)",
  },
};

/** Predictive CLV's wording in the current locale. */
export const CLV_PREDICTIVE_TEXT = localized(en, { "zh-CN": zh });
