// User-facing wording of the recipe framework: role labels, build errors, parameter problems, and the
// exclusion reasons recipes write into their checks tables. The zh-CN role labels and messages load with the
// other Chinese UI catalogues (./zh-CN/recipes.ts); the exclusion reasons carry their Chinese inline.

import { localized, localizedFunctions, type Catalogue } from "./locale";

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

/** Plain-language descriptions of the column roles, for the role-mapping panel, in the current locale. */
export const ROLE_LABELS = localized(roleLabelsEn, "roleLabels");

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

const en = {
  /** A required table is not chosen. */
  missingTable: (recipe: string, kind: string, roles: readonly string[], because?: string) =>
    `${recipe} needs a ${kind} table${because ? ` (because ${because})` : ""}: choose one and map its columns to ${list(roles)}.`,
  /** Required roles are not mapped on a table. */
  missingRoles: (recipe: string, table: string, roles: readonly string[]) =>
    `${recipe} needs ${roles.length === 1 ? "the role" : "the roles"} ${list(roles)} on table "${table}": map a column of "${table}" to each in the table's roles.`,
  /** A parameter value needs a role that is not mapped. */
  roleNeededFor: (recipe: string, table: string, anyOf: readonly string[], because: string) =>
    `${recipe} with ${because} needs ${either(anyOf)} mapped on table "${table}": map the column, or change the parameter.`,
  /** A role is mapped to a column the table does not have. */
  unknownColumn: (table: string, column: string, role: string) =>
    `Table "${table}" has no column "${column}" (mapped to the role "${role}"): map the role again.`,
  /** A table's name equals a name the recipe's SQL defines before reading it. */
  tableShadowsCte: (table: string) =>
    `The table "${table}" has a name the recipe uses internally: rename the table (or the cell) and insert the recipe again.`,
  /** A value cannot be written as a SQL literal. */
  invalidLiteral: (text: string) => `"${text}" is not a valid value here.`,
  /** A number parameter is not a number. */
  notANumber: (label: string, raw: string) => `${label}: "${raw}" is not a number.`,
  /** A whole number was expected. */
  notAnInteger: (label: string, value: number) => `${label}: ${value} must be a whole number.`,
  /** A number outside its allowed range. */
  outOfRange: (label: string, value: number, min?: number, max?: number) =>
    min !== undefined && max !== undefined
      ? `${label}: ${value} must be between ${min} and ${max}.`
      : min !== undefined
        ? `${label}: ${value} must be at least ${min}.`
        : `${label}: ${value} must be at most ${max}.`,
  /** A date parameter is not an ISO date. */
  notADate: (label: string, raw: string) => `${label}: "${raw}" is not a date; write it as YYYY-MM-DD, or "auto".`,
  /** A yes/no parameter has another value. */
  notABoolean: (label: string, raw: string) => `${label}: "${raw}" must be true or false.`,
  /** A choice outside the options. */
  notAnOption: (label: string, value: string, options: readonly string[]) =>
    `${label}: "${value}" is not one of ${list(options)}.`,
  /** A multiple choice with nothing chosen. */
  emptyChoice: (label: string) => `${label}: choose at least one.`,
  /** A text parameter is not text. */
  notText: (label: string) => `${label} must be text.`,
  /** Text that cannot be stored in a cell's info string. */
  textHasQuote: (label: string) => `${label} cannot contain double quotes, backslashes or line breaks.`,
  /** A parameter the recipe does not have. */
  unknownParam: (name: string, known: readonly string[]) =>
    `Unknown parameter "${name}"; this recipe has ${list(known)}.`,
  /** Two thresholds in the wrong order. */
  mustBeBelow: (lower: string, upper: string) => `${lower} must be below ${upper}.`,
  /** Cut points that leave nothing for the last group. */
  sharesTooLarge: (labels: readonly string[], total: number) =>
    `${labels.join(" + ")} add up to ${total} %, which must stay below 100 %.`,
  /** A weight outside [0, 1]. */
  weightOutOfRange: (indicator: string, weight: number) =>
    `The weight of "${indicator}" is ${weight}; each weight must be between 0 and 1.`,
  /** Weights that do not sum to 1. */
  weightsDoNotSum: (sum: number) => `The weights add up to ${Number(sum.toFixed(6))}; they must add up to exactly 1.`,
  /** An indicator name the score does not know. */
  unknownIndicator: (name: string, known: readonly string[]) =>
    `"${name}" is not an indicator; choose from ${list(known)}.`,
  /** The same indicator twice. */
  duplicateIndicator: (name: string) => `The indicator "${name}" is listed twice.`,
  /** No indicators at all. */
  noIndicators: () => "Choose at least one indicator with a weight.",
  /** A weights entry that cannot be read. */
  badWeightsEntry: (entry: string) =>
    `"${entry}" cannot be read; write indicators as name:weight or name:weight:less, separated by commas (e.g. revenue:0.6,recency:0.4:less).`,
  /** A segment rule that cannot be read. */
  badRule: (entry: string) =>
    `The segment rule "${entry}" cannot be read; write Name:R-R/F-F/M-M with scores 1-5 (e.g. Champions:5-5/4-5/1-5), rules separated by ";".`,
  /** A segment rule with a range outside 1-5 or reversed. */
  badRuleRange: (segment: string) =>
    `The rule for "${segment}" has a score range outside 1-5 or with the low end above the high end.`,
  /** No segment rules. */
  noRules: () => "Give at least one segment rule.",
  /** A recipe id the catalogue does not have. */
  unknownRecipe: (id: string) => `There is no recipe "${id}" in the catalogue.`,
  /** The summary when a recipe cannot be built. */
  recipeNotBuilt: (recipe: string, problems: readonly string[]) =>
    `${recipe} cannot be inserted yet: ${problems.join(" ")}`,
  /** A cell-name prefix that is not a valid cell name. */
  badCellName: (name: string) =>
    `"${name}" cannot name the recipe's cells: use letters, digits and _, starting with a letter or _.`,
  /** A mapping names a role the table kind does not have. */
  unknownRole: (role: string, kind: string, known: readonly string[]) =>
    `"${role}" is not a role of a ${kind} table; the roles are ${list(known)}.`,
  /** A cell name the recipe's own SQL uses for something else (a column or table). */
  nameReadsItself: (name: string) =>
    `The cell name "${name}" is also used inside the recipe's query, so the cell would read itself: choose another name.`,
  /** One number parameter above another it may not exceed. */
  mustNotExceed: (lower: string, upper: string) => `${lower} must not exceed ${upper}.`,
  /** A stage list with fewer than two stages, or a stage twice. */
  badStages: (text: string) =>
    `"${text}" cannot be read as funnel stages: list at least two different stages in order, separated by commas (e.g. lead,qualified,proposal,won).`,
  /**
   * Formula CLV's observed retention on a partial prior year, as a DuckDB format() pattern: `{}` is the months of
   * data before the last 12, filled in SQL.
   */
  retentionShortHistory: () =>
    "The observed retention rests on only {} months of data before the last 12 (less than 12), so it compares a partial year with a full one: read it with care, or set the retention.",
  /** A per-stage date list the funnel cannot read, or naming a stage not in the stage list. */
  badStageDates: (text: string, stages: readonly string[]) =>
    `"${text}" cannot be read as per-stage dates: write stage=column pairs separated by commas, each stage one of ${stages.join(", ")} (e.g. ${stages[1] ?? stages[0]}=engage_date).`,
  /** A text list parameter naming something twice or nothing. */
  emptyList: (label: string) => `${label} needs at least one value, separated by commas.`,
  /** A rating scale whose lowest point is not below its highest. */
  scaleReversed: () => "Rating scale: the lowest point must be below the highest point.",
  /** The clusters recipe found no customer with a purchase to cluster. */
  noCustomersToCluster: () => "No customers with purchases to cluster: check the analysis date and the role mapping.",
  /** The clusters recipe's principal-component scatter with fewer than two features. */
  pcaNeedsTwoFeatures: () =>
    "The scatter on principal components needs at least two features; choose more features, or scatter = features.",
  /** The predictive CLV fit (BG/NBD or Gamma-Gamma) found nothing to fit on. */
  noCustomersToFit: () =>
    "No customers with a purchase up to the calibration end: check the analysis date (calibration end) and the role mapping.",
  /** The derived amount in words, for the role panel and the recipe's SQL comment. */
  derivedAmountNote: (quantity: string, unitPrice: string) => `amount = "${quantity}" × "${unitPrice}"`,
  /** The rule that makes a row a return or cancellation, in words (shown in the role panel and the SQL). */
  returnRuleNote: (rule: ReturnRuleWords) => {
    const effect = "their amount counts as negative (netted against revenue) and they are not purchases";
    switch (rule.kind) {
      case "sign":
        return "rows with a negative amount or quantity are returns: netted against revenue, not purchases";
      case "prefix":
        return `rows whose "${rule.column}" starts with "${rule.prefix}" are cancellations: ${effect}`;
      case "status":
        return `rows whose "${rule.column}" is ${either(rule.values)} are cancellations: ${effect}`;
    }
  },
  /** A role computed from other columns is mapped to a column that holds text, so every computed value is empty. */
  derivedFromText: (table: string, role: string, column: string, type: string, derived: string) =>
    `Table "${table}": "${derived}" is computed from the role "${role}", but its column "${column}" holds ` +
    `${type} text, not numbers: map a numeric column to "${role}".`,
  /** A cancellation rule names a role that is not mapped. */
  settingNeedsRole: (table: string, setting: string, role: string) =>
    `Table "${table}": the cancellation rule (${setting}) reads the role "${role}": ` +
    "map a column to it, or clear the rule.",
  /** "amount" is mapped to a column that looks like a unit price while the table has a quantity column. */
  priceAsAmount: (table: string, column: string, quantity: string) =>
    `Table "${table}": "${column}" looks like a unit price, not a line amount ("${quantity}" holds quantities). ` +
    `If so, map "${column}" to unit price and leave amount empty: amount is then "${quantity}" × "${column}".`,
};

/** The recipe framework's messages' shape: the zh-CN catalogue is checked against it (zh-CN/catalogues.ts). */
export type RecipeMessagesCatalogue = typeof en;

/** A cancellation rule as role-settings.ts states it (declared here: messages import nothing). */
export type ReturnRuleWords =
  | { readonly kind: "sign" }
  | { readonly kind: "prefix"; readonly column: string; readonly prefix: string }
  | { readonly kind: "status"; readonly column: string; readonly values: readonly string[] };

/** The recipe framework's messages, each in the current locale (see `en` for what each one says). */
export const {
  missingTable,
  missingRoles,
  roleNeededFor,
  unknownColumn,
  tableShadowsCte,
  invalidLiteral,
  notANumber,
  notAnInteger,
  outOfRange,
  notADate,
  notABoolean,
  notAnOption,
  emptyChoice,
  notText,
  textHasQuote,
  unknownParam,
  mustBeBelow,
  sharesTooLarge,
  weightOutOfRange,
  weightsDoNotSum,
  unknownIndicator,
  duplicateIndicator,
  noIndicators,
  badWeightsEntry,
  badRule,
  badRuleRange,
  noRules,
  unknownRecipe,
  recipeNotBuilt,
  badCellName,
  unknownRole,
  nameReadsItself,
  mustNotExceed,
  badStages,
  retentionShortHistory,
  badStageDates,
  emptyList,
  scaleReversed,
  noCustomersToCluster,
  pcaNeedsTwoFeatures,
  noCustomersToFit,
  derivedAmountNote,
  returnRuleNote,
  derivedFromText,
  settingNeedsRole,
  priceAsAmount,
} = localizedFunctions(en, "recipeMessages");
