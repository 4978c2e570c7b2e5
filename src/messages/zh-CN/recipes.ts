// The recipe framework's wording in Simplified Chinese: role labels, build errors, parameter problems, and the
// notes on computed amounts and cancellations.
import type { ReturnRuleWords } from "../recipes";

const list = (items: readonly string[]) => items.map((s) => `“${s}”`).join("、");
const either = (items: readonly string[]) => items.map((s) => `“${s}”`).join("或");
const KINDS: Readonly<Record<string, string>> = {
  transactions: "交易",
  customers: "客户",
  survey: "调查问卷",
  deals: "商机",
  receivables: "应收账款",
};
const kindName = (kind: string) => KINDS[kind] ?? kind;

/** Column role labels in Simplified Chinese. */
export const roleLabelsZh: Readonly<Record<string, string>> = {
  customer_id: "客户（编号或名称）",
  date: "日期",
  amount: "金额",
  margin: "毛利",
  cost: "成本（毛利 = 金额 - 成本）",
  quantity: "数量",
  unit_price: "单价（金额 = 数量 × 单价）",
  order_id: "订单号或发票号",
  product: "产品",
  category: "产品类别",
  channel: "销售渠道",
  name: "客户名称",
  industry: "行业",
  size: "规模（年营业额或员工人数）",
  region: "地区",
  country: "国家",
  first_contact_date: "首次接触日期",
  acquisition_cost: "获客成本",
  account_manager: "客户经理",
  status: "状态",
  attribute: "属性（所调查的需求或特性）",
  importance: "重要性评分",
  satisfaction: "满意度评分",
  nps: "推荐意愿（0-10）",
  competitor: "竞争对手",
  competitor_rating: "竞争对手评分",
  deal_id: "商机",
  stage: "阶段或结果（赢单 / 输单 / 进行中）",
  our_price: "我方价格",
  competitor_price: "竞争对手价格",
  loss_reason: "输单原因",
  created: "创建日期",
  closed: "关闭日期",
  due_date: "到期日",
  invoice_date: "开票日期",
  paid_date: "付款日期",
};

/** Recipe framework messages in Simplified Chinese. */
export const recipeMessagesZh = {
  missingTable: (recipe: string, kind: string, roles: readonly string[], because?: string) =>
    `${recipe}需要一张${kindName(kind)}表${because ? `（因为${because}）` : ""}：请选择一张表，并把它的列映射到 ${list(roles)}。`,
  missingRoles: (recipe: string, table: string, roles: readonly string[]) =>
    `${recipe}需要表“${table}”上的角色 ${list(roles)}：请在该表的角色中为每个角色映射“${table}”的一列。`,
  roleNeededFor: (recipe: string, table: string, anyOf: readonly string[], because: string) =>
    `${recipe}在${because}时需要在表“${table}”上映射 ${either(anyOf)}：请映射该列，或修改参数。`,
  unknownColumn: (table: string, column: string, role: string) =>
    `表“${table}”没有列“${column}”（映射到角色“${role}”）：请重新映射该角色。`,
  tableShadowsCte: (table: string) =>
    `表“${table}”的名称与配方内部使用的名称相同：请重命名该表（或单元格）后重新插入配方。`,
  invalidLiteral: (text: string) => `“${text}”在此处不是有效的值。`,
  notANumber: (label: string, raw: string) => `${label}：“${raw}”不是数字。`,
  notAnInteger: (label: string, value: number) => `${label}：${value} 必须是整数。`,
  outOfRange: (label: string, value: number, min?: number, max?: number) =>
    min !== undefined && max !== undefined
      ? `${label}：${value} 必须在 ${min} 到 ${max} 之间。`
      : min !== undefined
        ? `${label}：${value} 不能小于 ${min}。`
        : `${label}：${value} 不能大于 ${max}。`,
  notADate: (label: string, raw: string) => `${label}：“${raw}”不是日期；请写成 YYYY-MM-DD，或写“auto”（自动）。`,
  notABoolean: (label: string, raw: string) => `${label}：“${raw}”必须是 true 或 false。`,
  notAnOption: (label: string, value: string, options: readonly string[]) =>
    `${label}：“${value}”不是 ${list(options)} 之一。`,
  emptyChoice: (label: string) => `${label}：请至少选择一项。`,
  notText: (label: string) => `${label}必须是文本。`,
  textHasQuote: (label: string) => `${label}不能包含双引号、反斜杠或换行。`,
  unknownParam: (name: string, known: readonly string[]) => `未知参数“${name}”；此配方的参数有 ${list(known)}。`,
  mustBeBelow: (lower: string, upper: string) => `${lower}必须小于${upper}。`,
  sharesTooLarge: (labels: readonly string[], total: number) =>
    `${labels.join(" + ")} 合计为 ${total} %，必须小于 100 %。`,
  weightOutOfRange: (indicator: string, weight: number) =>
    `指标“${indicator}”的权重为 ${weight}；每个权重都必须在 0 到 1 之间。`,
  weightsDoNotSum: (sum: number) => `权重合计为 ${Number(sum.toFixed(6))}；合计必须恰好等于 1。`,
  unknownIndicator: (name: string, known: readonly string[]) => `“${name}”不是指标；请从 ${list(known)} 中选择。`,
  duplicateIndicator: (name: string) => `指标“${name}”重复列出。`,
  noIndicators: () => "请至少选择一个带权重的指标。",
  badWeightsEntry: (entry: string) =>
    `无法读取“${entry}”；指标请写成 名称:权重 或 名称:权重:less，用逗号分隔（例如 revenue:0.6,recency:0.4:less）。`,
  badRule: (entry: string) =>
    `无法读取细分规则“${entry}”；请写成 名称:R-R/F-F/M-M，评分为 1-5（例如 重要价值客户:5-5/4-5/1-5），` +
    `规则之间用“;”分隔。`,
  badRuleRange: (segment: string) => `“${segment}”的规则中有超出 1-5 的评分范围，或下限高于上限。`,
  noRules: () => "请至少给出一条细分规则。",
  unknownRecipe: (id: string) => `配方库中没有配方“${id}”。`,
  recipeNotBuilt: (recipe: string, problems: readonly string[]) => `${recipe}暂时无法插入：${problems.join("")}`,
  badCellName: (name: string) => `“${name}”不能用作配方单元格的名称：请使用字母、数字和 _，并以字母或 _ 开头。`,
  unknownRole: (role: string, kind: string, known: readonly string[]) =>
    `“${role}”不是${kindName(kind)}表的角色；可用的角色有 ${list(known)}。`,
  nameReadsItself: (name: string) =>
    `单元格名称“${name}”也在配方的查询中用作其他名称，单元格会读取自身：请换一个名称。`,
  mustNotExceed: (lower: string, upper: string) => `${lower}不能超过${upper}。`,
  badStages: (text: string) =>
    `无法把“${text}”读作漏斗阶段：请按顺序列出至少两个不同的阶段，用逗号分隔（例如 lead,qualified,proposal,won）。`,
  retentionShortHistory: () =>
    "观察到的客户保留率仅基于最近 12 个月之前 {} 个月的数据（不足 12 个月），是拿不完整的一年与完整的一年相比：" +
    "请谨慎解读，或手动设置保留率。",
  badStageDates: (text: string, stages: readonly string[]) =>
    `无法把“${text}”读作各阶段日期：请写成 阶段=列 的形式，用逗号分隔，阶段须为 ${stages.join("、")} 之一` +
    `（例如 ${stages[1] ?? stages[0]}=engage_date）。`,
  emptyList: (label: string) => `${label}至少需要一个值，用逗号分隔。`,
  scaleReversed: () => "评分量表：最低分必须小于最高分。",
  noCustomersToCluster: () => "没有有购买记录的客户可供聚类：请检查分析日期和角色映射。",
  pcaNeedsTwoFeatures: () => "按主成分绘制散点图至少需要两个特征；请选择更多特征，或设置 scatter = features。",
  noCustomersToFit: () => "在校准期截止前没有有购买记录的客户：请检查分析日期（校准期截止日期）和角色映射。",
  derivedAmountNote: (quantity: string, unitPrice: string) => `金额 = “${quantity}” × “${unitPrice}”`,
  returnRuleNote: (rule: ReturnRuleWords) => {
    const effect = "其金额按负数计（冲减收入），且不算作购买";
    switch (rule.kind) {
      case "sign":
        return "金额或数量为负的行是退货：冲减收入，不算作购买";
      case "prefix":
        return `“${rule.column}”以“${rule.prefix}”开头的行是取消的订单：${effect}`;
      case "status":
        return `“${rule.column}”为 ${either(rule.values)} 的行是取消的订单：${effect}`;
    }
  },
  derivedFromText: (table: string, role: string, column: string, type: string, derived: string) =>
    `表“${table}”：“${derived}”由角色“${role}”计算得出，但其列“${column}”存放的是 ${type} 文本而不是数字：` +
    `请把数值列映射到“${role}”。`,
  settingNeedsRole: (table: string, setting: string, role: string) =>
    `表“${table}”：取消规则（${setting}）读取角色“${role}”：请为它映射一列，或清除该规则。`,
  priceAsAmount: (table: string, column: string, quantity: string) =>
    `表“${table}”：“${column}”看起来是单价，而不是行金额（“${quantity}”存放的是数量）。` +
    `如果是这样，请把“${column}”映射到单价，并让金额留空：金额即为“${quantity}” × “${column}”。`,
};
