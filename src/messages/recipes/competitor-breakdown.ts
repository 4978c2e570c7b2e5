// Wording of the competitor-breakdown recipe (18): gallery texts, the winner name for our own deals, and
// the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Competitor breakdown",
  question: "Whom do we lose deals to, where, how much revenue goes with them, and is it price?",
  /** The winner of a deal we won, beside the competitors' names. */
  us: "us",
  chartTitle: "Deals by competitor",
  chartSubtitle: "Won, lost and open; hover for win rate and price index",
  deals: "Deals",
};

const zh: Catalogue<typeof en> = {
  title: "竞争对手分析",
  question: "我们把商机输给了谁、在哪些细分、随之流失多少收入？是价格原因吗？",
  us: "我方",
  chartTitle: "按竞争对手的商机",
  chartSubtitle: "赢单、丢单与进行中；悬停查看赢单率和价格指数",
  deals: "商机数",
};

/** The competitor-breakdown recipe's wording in the current locale. */
export const COMPETITOR_TEXT = localized(en, { "zh-CN": zh });
