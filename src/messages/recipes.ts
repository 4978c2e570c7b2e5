// User-facing wording of the recipe catalogue: role labels, build errors, parameter problems, and the
// exclusion reasons recipes write into their checks tables. (Shared by the recipe framework and the models.)

import { localized, type Catalogue } from "./locale";

const list = (items: readonly string[]) => items.map((s) => `"${s}"`).join(", ");
const either = (items: readonly string[]) => items.map((s) => `"${s}"`).join(" or ");

const roleLabelsEn: Readonly<Record<string, string>> = {
  customer_id: "Customer (id or name)",
  date: "Date",
  amount: "Amount",
  margin: "Margin (gross profit)",
  cost: "Cost (margin = amount - cost)",
  quantity: "Quantity",
  unit_price: "Unit price (amount = quantity × unit price)",
  order_id: "Order or invoice number",
  product: "Product",
  category: "Product category",
  channel: "Sales channel",
  name: "Customer name",
  industry: "Industry",
  size: "Size (annual revenue or headcount)",
  region: "Region",
  country: "Country",
  first_contact_date: "First contact date",
  acquisition_cost: "Acquisition cost",
  account_manager: "Account manager",
  status: "Status",
  attribute: "Attribute (need or feature asked about)",
  importance: "Importance rating",
  satisfaction: "Satisfaction rating",
  nps: "Likelihood to recommend (0-10)",
  competitor: "Competitor",
  competitor_rating: "Competitor rating",
  deal_id: "Deal or opportunity",
  stage: "Stage or outcome (won / lost / open)",
  our_price: "Our price",
  competitor_price: "Competitor price",
  loss_reason: "Loss reason",
  created: "Created on",
  closed: "Closed on",
  due_date: "Due date",
  invoice_date: "Invoice date",
  paid_date: "Paid on",
};

const roleLabelsZh: Catalogue<typeof roleLabelsEn> = {
  customer_id: "客户（编号或名称）",
  date: "日期",
  amount: "金额",
  margin: "毛利",
  cost: "成本（毛利 = 金额 − 成本）",
  quantity: "数量",
  unit_price: "单价（金额 = 数量 × 单价）",
  order_id: "订单或发票编号",
  product: "产品",
  category: "产品类别",
  channel: "销售渠道",
  name: "客户名称",
  industry: "行业",
  size: "规模（年收入或员工人数）",
  region: "区域",
  country: "国家",
  first_contact_date: "首次接触日期",
  acquisition_cost: "获客成本",
  account_manager: "客户经理",
  status: "状态",
  attribute: "属性（所问的需求或特性）",
  importance: "重要性评分",
  satisfaction: "满意度评分",
  nps: "推荐意愿（0-10）",
  competitor: "竞争对手",
  competitor_rating: "竞争对手评分",
  deal_id: "商机或交易",
  stage: "阶段或结果（赢单 / 丢单 / 进行中）",
  our_price: "我方价格",
  competitor_price: "竞争对手价格",
  loss_reason: "丢单原因",
  created: "创建日期",
  closed: "关闭日期",
  due_date: "到期日",
  invoice_date: "开票日期",
  paid_date: "付款日期",
};

/** Plain-language descriptions of the column roles, for the role-mapping panel. */
export const ROLE_LABELS = localized(roleLabelsEn, { "zh-CN": roleLabelsZh });

const exclusionEn = {
  purchases: "used: purchases (amount > 0)",
  returns: "used: returns and zero amounts (netted into value, not counted as orders)",
  noCustomer: "left out: no customer",
  noDate: "left out: date missing or unreadable",
  noAmount: "left out: amount missing or not a number",
  afterAnalysisDate: "left out: dated after the analysis date",
  nothingLeft: "no purchases left to analyse: check the analysis date, the window and the role mapping",
};

/** Why transaction rows were left out, as shown in a recipe's checks table (written into its SQL). */
export const EXCLUSION = localized(exclusionEn, {
  "zh-CN": {
    purchases: "已使用：购买（金额 > 0）",
    returns: "已使用：退货和零金额（计入价值净额，不算订单）",
    noCustomer: "已排除：没有客户",
    noDate: "已排除：日期缺失或无法读取",
    noAmount: "已排除：金额缺失或不是数字",
    afterAnalysisDate: "已排除：日期晚于分析日期",
    nothingLeft: "没有可分析的购买：请检查分析日期、时间窗口和角色映射",
  } satisfies Catalogue<typeof exclusionEn>,
});

/** A required table is not chosen. */
export function missingTable(recipe: string, kind: string, roles: readonly string[], because?: string): string {
  const why = because ? ` (because ${because})` : "";
  return `${recipe} needs a ${kind} table${why}: choose one and map its columns to ${list(roles)}.`;
}

/** Required roles are not mapped on a table. */
export function missingRoles(recipe: string, table: string, roles: readonly string[]): string {
  const what = roles.length === 1 ? "the role" : "the roles";
  return `${recipe} needs ${what} ${list(roles)} on table "${table}": map a column of "${table}" to each in the table's roles.`;
}

/** A parameter value needs a role that is not mapped. */
export function roleNeededFor(recipe: string, table: string, anyOf: readonly string[], because: string): string {
  return `${recipe} with ${because} needs ${either(anyOf)} mapped on table "${table}": map the column, or change the parameter.`;
}

/** A role is mapped to a column the table does not have. */
export function unknownColumn(table: string, column: string, role: string): string {
  return `Table "${table}" has no column "${column}" (mapped to the role "${role}"): map the role again.`;
}

/** A table's name equals a name the recipe's SQL defines before reading it. */
export function tableShadowsCte(table: string): string {
  return `The table "${table}" has a name the recipe uses internally: rename the table (or the cell) and insert the recipe again.`;
}

/** A value cannot be written as a SQL literal. */
export function invalidLiteral(text: string): string {
  return `"${text}" is not a valid value here.`;
}

/** A number parameter is not a number. */
export function notANumber(label: string, raw: string): string {
  return `${label}: "${raw}" is not a number.`;
}

/** A whole number was expected. */
export function notAnInteger(label: string, value: number): string {
  return `${label}: ${value} must be a whole number.`;
}

/** A number outside its allowed range. */
export function outOfRange(label: string, value: number, min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `${label}: ${value} must be between ${min} and ${max}.`;
  return min !== undefined
    ? `${label}: ${value} must be at least ${min}.`
    : `${label}: ${value} must be at most ${max}.`;
}

/** A date parameter is not an ISO date. */
export function notADate(label: string, raw: string): string {
  return `${label}: "${raw}" is not a date; write it as YYYY-MM-DD, or "auto".`;
}

/** A yes/no parameter has another value. */
export function notABoolean(label: string, raw: string): string {
  return `${label}: "${raw}" must be true or false.`;
}

/** A choice outside the options. */
export function notAnOption(label: string, value: string, options: readonly string[]): string {
  return `${label}: "${value}" is not one of ${list(options)}.`;
}

/** A multiple choice with nothing chosen. */
export function emptyChoice(label: string): string {
  return `${label}: choose at least one.`;
}

/** A text parameter is not text. */
export function notText(label: string): string {
  return `${label} must be text.`;
}

/** Text that cannot be stored in a cell's info string. */
export function textHasQuote(label: string): string {
  return `${label} cannot contain double quotes, backslashes or line breaks.`;
}

/** A parameter the recipe does not have. */
export function unknownParam(name: string, known: readonly string[]): string {
  return `Unknown parameter "${name}"; this recipe has ${list(known)}.`;
}

/** Two thresholds in the wrong order. */
export function mustBeBelow(lower: string, upper: string): string {
  return `${lower} must be below ${upper}.`;
}

/** Cut points that leave nothing for the last group. */
export function sharesTooLarge(labels: readonly string[], total: number): string {
  return `${labels.join(" + ")} add up to ${total} %, which must stay below 100 %.`;
}

/** A weight outside [0, 1]. */
export function weightOutOfRange(indicator: string, weight: number): string {
  return `The weight of "${indicator}" is ${weight}; each weight must be between 0 and 1.`;
}

/** Weights that do not sum to 1. */
export function weightsDoNotSum(sum: number): string {
  return `The weights add up to ${Number(sum.toFixed(6))}; they must add up to exactly 1.`;
}

/** An indicator name the score does not know. */
export function unknownIndicator(name: string, known: readonly string[]): string {
  return `"${name}" is not an indicator; choose from ${list(known)}.`;
}

/** The same indicator twice. */
export function duplicateIndicator(name: string): string {
  return `The indicator "${name}" is listed twice.`;
}

/** No indicators at all. */
export function noIndicators(): string {
  return "Choose at least one indicator with a weight.";
}

/** A weights entry that cannot be read. */
export function badWeightsEntry(entry: string): string {
  return `"${entry}" cannot be read; write indicators as name:weight or name:weight:less, separated by commas (e.g. revenue:0.6,recency:0.4:less).`;
}

/** A segment rule that cannot be read. */
export function badRule(entry: string): string {
  return `The segment rule "${entry}" cannot be read; write Name:R-R/F-F/M-M with scores 1-5 (e.g. Champions:5-5/4-5/1-5), rules separated by ";".`;
}

/** A segment rule with a range outside 1-5 or reversed. */
export function badRuleRange(segment: string): string {
  return `The rule for "${segment}" has a score range outside 1-5 or with the low end above the high end.`;
}

/** No segment rules. */
export function noRules(): string {
  return "Give at least one segment rule.";
}

/** A recipe id the catalogue does not have. */
export function unknownRecipe(id: string): string {
  return `There is no recipe "${id}" in the catalogue.`;
}

/** The summary when a recipe cannot be built. */
export function recipeNotBuilt(recipe: string, problems: readonly string[]): string {
  return `${recipe} cannot be inserted yet: ${problems.join(" ")}`;
}

/** A cell-name prefix that is not a valid cell name. */
export function badCellName(name: string): string {
  return `"${name}" cannot name the recipe's cells: use letters, digits and _, starting with a letter or _.`;
}

/** A mapping names a role the table kind does not have. */
export function unknownRole(role: string, kind: string, known: readonly string[]): string {
  return `"${role}" is not a role of a ${kind} table; the roles are ${list(known)}.`;
}

/** A cell name the recipe's own SQL uses for something else (a column or table). */
export function nameReadsItself(name: string): string {
  return `The cell name "${name}" is also used inside the recipe's query, so the cell would read itself: choose another name.`;
}

/** One number parameter above another it may not exceed. */
export function mustNotExceed(lower: string, upper: string): string {
  return `${lower} must not exceed ${upper}.`;
}

/** Why survey, deal or receivable rows were left out or flagged, as shown in the market recipes' checks tables. */
export const MARKET_CHECKS = {
  used: "used",
  noCustomer: "left out: no customer",
  noDeal: "left out: no deal id",
  noAmount: "left out: amount missing or not a number",
  noDueDate: "left out: due date missing or unreadable",
  satisfactionOutOfScale: "left out: satisfaction outside the scale (or not a whole number)",
  importanceOutOfScale: "left out: importance outside the scale (or not a whole number)",
  npsOutOfScale: "left out: recommendation (NPS) outside 0-10 (or not a whole number)",
  noAnswer: "left out: no answer given",
  noAttribute: "left out: no attribute",
  noCompetitor: 'used: deals with no competitor named (shown as "(none)")',
  openReceivable: "used: open invoices (no paid date, or paid after the analysis date)",
  unlistedStage: "used at the first stage only: a stage not in the stage list (e.g. lost)",
  noPrices: "left out of price gaps: our price or the competitor's price missing",
  nothingLeft: "nothing left to analyse: check the role mapping, the scale and the analysis date",
} as const;

/** A stage list with fewer than two stages, or a stage twice. */
export function badStages(text: string): string {
  return `"${text}" cannot be read as funnel stages: list at least two different stages in order, separated by commas (e.g. lead,qualified,proposal,won).`;
}

/** Formula CLV's observed retention on a partial prior year (`{}`: the months of data before the last 12, filled in SQL). */
export const RETENTION_SHORT_HISTORY =
  "The observed retention rests on only {} months of data before the last 12 (less than 12), so it compares a partial year with a full one: read it with care, or set the retention.";

/** A per-stage date list the funnel cannot read, or naming a stage not in the stage list. */
export function badStageDates(text: string, stages: readonly string[]): string {
  return `"${text}" cannot be read as per-stage dates: write stage=column pairs separated by commas, each stage one of ${stages.join(", ")} (e.g. ${stages[1] ?? stages[0]}=engage_date).`;
}

/** A text list parameter naming something twice or nothing. */
export function emptyList(label: string): string {
  return `${label} needs at least one value, separated by commas.`;
}

/** A rating scale whose lowest point is not below its highest. */
export function scaleReversed(): string {
  return "Rating scale: the lowest point must be below the highest point.";
}

/** The clusters recipe found no customer with a purchase to cluster. */
export function noCustomersToCluster(): string {
  return "No customers with purchases to cluster: check the analysis date and the role mapping.";
}

/** The clusters recipe's principal-component scatter with fewer than two features. */
export function pcaNeedsTwoFeatures(): string {
  return "The scatter on principal components needs at least two features; choose more features, or scatter = features.";
}

/** The predictive CLV fit (BG/NBD or Gamma-Gamma) found nothing to fit on. */
export function noCustomersToFit(): string {
  return "No customers with a purchase up to the calibration end: check the analysis date (calibration end) and the role mapping.";
}

/** The derived amount in words, for the role panel and the recipe's SQL comment. */
export function derivedAmountNote(quantity: string, unitPrice: string): string {
  return `amount = "${quantity}" × "${unitPrice}"`;
}

/** A cancellation rule as role-settings.ts states it (declared here: messages import nothing). */
export type ReturnRuleWords =
  | { readonly kind: "sign" }
  | { readonly kind: "prefix"; readonly column: string; readonly prefix: string }
  | { readonly kind: "status"; readonly column: string; readonly values: readonly string[] };

/** The rule that makes a row a return or cancellation, in words (shown in the role panel and the SQL). */
export function returnRuleNote(rule: ReturnRuleWords): string {
  const effect = "their amount counts as negative (netted against revenue) and they are not purchases";
  switch (rule.kind) {
    case "sign":
      return "rows with a negative amount or quantity are returns: netted against revenue, not purchases";
    case "prefix":
      return `rows whose "${rule.column}" starts with "${rule.prefix}" are cancellations: ${effect}`;
    case "status":
      return `rows whose "${rule.column}" is ${either(rule.values)} are cancellations: ${effect}`;
  }
}

/** A role computed from other columns is mapped to a column that holds text, so every computed value is empty. */
export function derivedFromText(table: string, role: string, column: string, type: string, derived: string): string {
  return (
    `Table "${table}": "${derived}" is computed from the role "${role}", but its column "${column}" holds ` +
    `${type} text, not numbers: map a numeric column to "${role}".`
  );
}

/** A cancellation rule names a role that is not mapped. */
export function settingNeedsRole(table: string, setting: string, role: string): string {
  return (
    `Table "${table}": the cancellation rule (${setting}) reads the role "${role}": ` +
    "map a column to it, or clear the rule."
  );
}

/** "amount" is mapped to a column that looks like a unit price while the table has a quantity column. */
export function priceAsAmount(table: string, column: string, quantity: string): string {
  return (
    `Table "${table}": "${column}" looks like a unit price, not a line amount ("${quantity}" holds quantities). ` +
    `If so, map "${column}" to unit price and leave amount empty: amount is then "${quantity}" × "${column}".`
  );
}
