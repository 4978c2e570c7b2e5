// Wording of the RFM segment rule tables (src/recipes/catalogue/rfm-rules.ts): the parameter, and the segment
// names of each preset, which the SQL writes as labels (the Chinese classic eight for the `classic` preset).
import { localized, type Catalogue } from "../locale";

const en = {
  label: "Segment rules",
  help:
    "Tried in order; the first rule whose R, F and M score ranges all hold names the segment. " +
    "Presets: standard, rfm_package, classic (the eight high/low R x F x M classes).",
  other: "Other",
  standard: {
    champions: "Champions",
    loyal: "Loyal",
    potentialLoyalist: "Potential loyalist",
    newCustomers: "New",
    promising: "Promising",
    needAttention: "Need attention",
    aboutToSleep: "About to sleep",
    cantLose: "Can't lose them",
    atRisk: "At risk",
    hibernating: "Hibernating",
    lost: "Lost",
  },
  rfmPackage: {
    champions: "Champions",
    potentialLoyalist: "Potential Loyalist",
    loyal: "Loyal Customers",
    promising: "Promising",
    newCustomers: "New Customers",
    cantLose: "Can't Lose Them",
    atRisk: "At Risk",
    needAttention: "Need Attention",
    aboutToSleep: "About To Sleep",
    lost: "Lost",
    others: "Others",
  },
  classic: {
    importantValue: "Important value",
    importantDevelop: "Important to develop",
    importantKeep: "Important to keep",
    importantRetain: "Important to win back",
    generalValue: "General value",
    generalDevelop: "General to develop",
    generalKeep: "General to keep",
    generalRetain: "General to win back",
  },
};

const zh: Catalogue<typeof en> = {
  label: "细分规则",
  help:
    "按顺序尝试；第一条 R、F、M 分值区间都满足的规则决定客户所属的细分。" +
    "预设：standard（标准）、rfm_package（R 包 rfm）、classic（经典八类：R、F、M 各分高低）。",
  other: "其他",
  standard: {
    champions: "冠军客户",
    loyal: "忠诚客户",
    potentialLoyalist: "潜在忠诚客户",
    newCustomers: "新客户",
    promising: "有潜力的客户",
    needAttention: "需要关注的客户",
    aboutToSleep: "即将沉睡的客户",
    cantLose: "不能失去的客户",
    atRisk: "有流失风险的客户",
    hibernating: "沉睡客户",
    lost: "已流失客户",
  },
  rfmPackage: {
    champions: "冠军客户",
    potentialLoyalist: "潜在忠诚客户",
    loyal: "忠诚客户",
    promising: "有潜力的客户",
    newCustomers: "新客户",
    cantLose: "不能失去的客户",
    atRisk: "有流失风险的客户",
    needAttention: "需要关注的客户",
    aboutToSleep: "即将沉睡的客户",
    lost: "已流失客户",
    others: "其他客户",
  },
  classic: {
    importantValue: "重要价值客户",
    importantDevelop: "重要发展客户",
    importantKeep: "重要保持客户",
    importantRetain: "重要挽留客户",
    generalValue: "一般价值客户",
    generalDevelop: "一般发展客户",
    generalKeep: "一般保持客户",
    generalRetain: "一般挽留客户",
  },
};

/** The RFM rule-table wording in the current locale. */
export const RFM_RULES_TEXT = localized(en, { "zh-CN": zh });
