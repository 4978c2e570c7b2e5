// Wording of the deals input shared by the competitor, price, priority, risk and deal-segment recipes: the
// outcome parameters and the names of the three outcomes as charts show them.
import { localized, type Catalogue } from "../locale";

const en = {
  wonStages: "Stage texts that mean won (comma-separated)",
  lostStages: "Stage texts that mean lost (comma-separated)",
  outcomes: { won: "won", lost: "lost", open: "open" },
};

const zh: Catalogue<typeof en> = {
  wonStages: "表示赢单的阶段文字（逗号分隔）",
  lostStages: "表示丢单的阶段文字（逗号分隔）",
  outcomes: { won: "赢单", lost: "丢单", open: "进行中" },
};

/** The deals input's wording in the current locale. */
export const DEAL_TEXT = localized(en, { "zh-CN": zh });
