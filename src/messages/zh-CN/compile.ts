// Problems found when compiling and ordering cells (names, SQL, chart specs, cycles), in Simplified Chinese.
import { suggestName } from "../suggest-name";

const q = (name: string) => `“${name}”`;

/** Compile messages in Simplified Chinese. */
export const compileZh = {
  missingName: (kind: string) =>
    `${kind} 单元格的第一行需要在类型后写上名称，例如 \`\`\`${kind} ${kind === "chart" ? "sales_chart data=sales" : "sales"}。其他单元格通过该名称引用它。`,
  badName: (name: string) =>
    `${q(name)} 不是有效的单元格名称：只能使用字母、数字和 _，并以字母或 _ 开头（例如 ${suggestName(name)}）。`,
  emptySql: () => "此 sql 单元格还没有查询。请写一个 SELECT（或任何返回行的查询）。",
  secondStatement: () =>
    "一个 sql 单元格只能包含一个查询，但这里的 ; 后面还有另一条语句。请把每个查询放在单独的单元格中。",
  unclosedString: () => "此字符串缺少结束的单引号（'）。",
  unclosedIdentifier: () => '此带引号的名称缺少结束的双引号（"）。',
  unclosedComment: () => "此注释缺少结束的 */。",
  unclosedDollar: (tag: string) => `此 ${tag} 引用的字符串缺少结束的 ${tag}。`,
  badParam: () => "值引用的写法是 ${name}，括号内是输入或单元格的名称，例如 ${min_orders}。",
  placeholder: (text: string) => `请用 \${name} 把值放入查询；单元格中不支持 ${text} 占位符。`,
  missingData: () =>
    "图表单元格的第一行需要写明所绘制的数据，例如 ```chart sales_chart data=sales，其中 sales 是一个 sql 单元格。",
  badData: (name: string) => `data=${name} 不是单元格名称：请使用要绘制的 sql 单元格的名称。`,
  badJson: (reason: string) => `图表规格不是有效的 JSON：${reason}。`,
  specNotObject: () => "图表规格必须是一个包含 Vega-Lite 规格的 JSON 对象（{ ... }）。",
  duplicateName: (name: string, count: number) =>
    `有 ${count} 个单元格名为 ${q(name)}（名称比较时不区分大小写）。请为每个单元格取不同的名称。`,
  cycle: (path: readonly string[]) =>
    `此单元格处于循环引用中：${path.join(" -> ")}（每个单元格都读取下一个）。请打破循环，让其中一个不再读取其他单元格。`,
  unknownData: (name: string) => `data=${name} 指向的单元格在此笔记本中不存在。请使用 sql 单元格的名称。`,
  tsSyntax: (reason: string) => `TypeScript 语法错误：${reason}。`,
  tsModuleSyntax: () =>
    "ts 单元格是一个函数体：这里不能使用 import 和 export。请用 lib.<名称> 调用分析方法库（例如 lib.kmeans(...)），用名称引用其他单元格。",
  inputJson: (reason: string) => `输入规格不是有效的 JSON：${reason}。`,
  inputNotObject: () => '输入单元格包含一个 JSON 对象，例如 { "type": "range", "min": 1, "max": 20, "value": 3 }。',
  inputUnknownKey: (key: string, known: readonly string[]) =>
    `输入规格中有未知的键 ${q(key)}。可用的键：${known.join("、")}。`,
  inputType: (type: string, types: readonly string[]) =>
    `${q(type)} 不是输入类型。请使用以下之一：${types.join("、")}。`,
  inputLabel: () => '输入的 "label" 必须是双引号中的文本。',
  inputRemember: () => '输入的 "remember" 必须是 true 或 false。',
  inputBound: (key: string, what: string) => `输入的 "${key}" 必须是 ${what}。`,
  inputRangeBounds: () => '范围输入需要 "min" 和 "max"，例如 { "type": "range", "min": 1, "max": 20, "value": 3 }。',
  inputOptionsBoth: () => '请给出 "options"（列表）或 "options_from"（sql 单元格）之一，不要同时给出。',
  inputOptions: () => '"options" 必须是文本或数字的列表，例如 ["华北", "华南"]。',
  inputOptionsFrom: (value: string) =>
    `"options_from" 接受 sql 单元格名称，可附带列名（"regions" 或 "regions.name"），而不是 ${q(value)}。`,
  inputNoOptions: (type: string) =>
    `${type} 输入需要 "options"（列表）或 "options_from"（sql 单元格，例如 "regions.name"）。`,
  inputOptionsNotHere: (type: string) =>
    `${type} 输入没有选项；"options" 和 "options_from" 只用于 select 和 multiselect。`,
  inputValueType: (type: string, what: string) => `${type} 输入的值必须是 ${what}。`,
  inputValueRange: (value: number | string, min?: number | string, max?: number | string) =>
    `值 ${value} 超出允许范围（${min ?? "…"} 至 ${max ?? "…"}）。`,
  inputNotAnOption: (value: string) => `${q(value)} 不是该输入的选项之一。`,
  inputDateOrder: () => "日期范围的开始晚于结束：请把较早的日期放在前面。",
  mdUnclosed: () => "此 ${ 缺少结束的 }。用 ${name} 或 ${表达式} 显示一个值，或用 \\${ 表示字面的 ${。",
  mdEmpty: () => "此 ${} 是空的：请在其中写上单元格名称或表达式，例如 ${rfm.length}。",
  unknownParam: (name: string) => `\${${name}} 指向的单元格在此笔记本中不存在。请使用输入或 ts 单元格的名称。`,
  upstreamError: (name: string) => `正在等待 ${q(name)}，它有错误。`,
  upstreamNotRunnable: (name: string, kind: string) =>
    `读取 ${q(name)}，这是一个 ${kind} 单元格，此版本的 Clientbook 暂不能运行它。`,
};
