// Wording of the price-position recipe (21): gallery texts, the band parameter, the price band names its
// SQL writes, and the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Price position",
  question: "Are we dearer or cheaper than competitors, where, and does being cheaper win volume?",
  band: "Price band width (0.1: within 10 % counts as on par)",
  bands: { cheaper: "cheaper", onPar: "on par", dearer: "dearer" },
  chartTitle: "Price position by segment",
  chartSubtitle: "Mean of our price / competitor's price; 1 = on par",
  priceIndex: "Price index (ours / theirs)",
  winRate: "Win rate",
};

const zh: Catalogue<typeof en> = {
  title: "价格定位",
  question: "我们比竞争对手贵还是便宜？在哪些细分？更便宜能赢得更多销量吗？",
  band: "价格区间宽度（0.1：相差 10 % 以内算持平）",
  bands: { cheaper: "更便宜", onPar: "持平", dearer: "更贵" },
  chartTitle: "各细分的价格定位",
  chartSubtitle: "我方价格 / 竞争对手价格的均值；1 = 持平",
  priceIndex: "价格指数（我方 / 对方）",
  winRate: "赢单率",
};

/** The price-position recipe's wording in the current locale. */
export const PRICE_TEXT = localized(en, { "zh-CN": zh });
