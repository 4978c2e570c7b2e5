// What the session and its runtime tell the user about running cells, in Simplified Chinese.
import { formatCount } from "../locale";

const q = (name: string) => `“${name}”`;

/** Session messages in Simplified Chinese. */
export const sessionZh = {
  dependencyFailed: (name: string) => `依赖的 ${name} 运行失败`,
  dependencyNotRun: (name: string) => `依赖的 ${name} 尚未运行`,
  notRunnable: (kind: string) => `${kind} 单元格暂不能运行`,
  chartDataMissing: (name: string) => `图表的数据单元格 ${name} 没有表格结果`,
  engineFailed: (reason: string) => `数据库无法启动：${reason}`,
  missingData: (table: string, file: string) => `请加载 ${file} 作为数据表 ${table}：笔记本会读取它。`,
  tableLoadFailed: (table: string, file: string, reason: string) =>
    `数据表 ${table} 不存在：它的文件“${file}”未能加载。请修正文件后重新拖放到页面上，此单元格随后会重新运行。` +
    `原因：${reason}`,
  tableFetchFailed: (table: string, file: string, reason: string) =>
    `数据表 ${table} 不存在：未能从本站获取它的文件“${file}”（${reason}）。请刷新页面重试，或把文件拖放到页面上，` +
    "此单元格随后会重新运行。",
  tableFileRefused: (table: string, file: string) =>
    `数据表 ${table} 不存在：它的文件“${file}”不在本站点上此笔记本所在的文件夹中，而通过链接打开的笔记本只从那里读取数据，` +
    "因此未获取该文件。请把文件拖放到页面上，此单元格随后会重新运行。",
  tableNotLoaded: (table: string, file: string) =>
    `数据表 ${table} 尚未加载：笔记本从“${file}”读取它。请加载这个文件（拖放到页面上，或在此笔记本需要的数据文件中选择），` +
    "此单元格随后会重新运行。",
  noSuchTable: (table: string, suggestion?: string) =>
    `没有名为 ${table} 的数据表或单元格${suggestion ? `（是否要写 ${suggestion}？）` : ""}：请检查名称，或加载该表所在的文件。`,
  columnNotFound: (column: string, candidates: readonly string[]) =>
    `此查询读取的表中没有列“${column}”${candidates.length ? `；相近的名称：${candidates.map(q).join("、")}` : ""}。`,
  tableNoColumn: (table: string, column: string, candidates: readonly string[]) =>
    `表“${table}”没有列“${column}”${candidates.length ? `；相近的名称：${candidates.map(q).join("、")}` : ""}。`,
  qualifierNotFound: (name: string, candidates: readonly string[]) =>
    `查询写了 ${name}.列名，但没有读取名为“${name}”的表或别名` +
    `${candidates.length ? `；它读取的是 ${candidates.map(q).join("、")}` : ""}。`,
  joinColumn: (column: string, left: boolean) =>
    `连接的 USING 使用了列“${column}”，但${left ? "左" : "右"}侧的表没有这一列。`,
  notGrouped: (column: string) =>
    `列“${column}”既不在 GROUP BY 中，也不在聚合函数（sum、count 等）中：请把它加入 GROUP BY，` +
    `或对它聚合，例如 any_value(${column})。`,
  syntaxNear: (token: string) => `SQL 语法错误，位于“${token}”处或其附近：请检查拼写，以及它周围的逗号和括号。`,
  syntaxEnd: () => "SQL 语法错误：语句提前结束（是否有括号、引号或子句没有写完？）。",
  notConverted: (value: string, type: string) =>
    `无法将文本 '${value}' 转换为 ${type}：请修正或筛除这个值，或改用 TRY_CAST（无法转换的值会变为 NULL）。`,
  noSuchFunction: (name: string, suggestion?: string) =>
    `没有名为 ${name} 的函数${suggestion ? `（是否要写 ${suggestion}？）` : ""}。`,
  unknownCell: (id: string) => `没有 id 为 ${id} 的单元格`,
  unknownTable: (table: string) => `此笔记本中没有名为 ${table} 的数据源`,
  notLoaded: (table: string) => `没有已加载的名为 ${table} 的数据表可移除`,
  noColumn: (table: string, column: string) => `数据表 ${table} 没有名为 ${column} 的列；未重命名任何内容。`,
  noRunner: () => "此处无法运行 TypeScript 单元格：本会话没有代码运行器。",
  cancelled: () => "运行已停止。",
  unknownName: (name: string) => `未知名称 ${name}：没有单元格（也没有内置项）叫这个名字。它是否被重命名或删除了？`,
  readOfNothing: (what: string, property: string, raw: string) =>
    `代码读取 ${what} 的“${property}”：预期的某个值不存在（${raw}）`,
  writeOfNothing: (what: string, property: string, raw: string) =>
    `代码给 ${what} 设置“${property}”：预期的某个值不存在（${raw}）`,
  notAFunction: (expression: string, raw: string) => `代码调用了 ${expression}，但它不是函数（${raw}）`,
  constAssigned: (raw: string) => `代码给 const 常量赋值：请改用 let 声明（${raw}）`,
  tooDeep: (raw: string) => `代码的调用层次过深（是否无限递归？）（${raw}）`,
  interpolationFailed: (expr: string, reason: string) => `\${${expr}}：${reason}`,
  inputOptionsMissing: (cell: string) => `options_from ${cell} 没有可提供选项的表格结果`,
  inputNoColumn: (cell: string, column: string) => `${cell} 没有名为 ${column} 的列`,
  notInput: (id: string) => `单元格 ${id} 不是输入单元格`,
  badInputValue: (name: string, problem: string) => `无法设置 ${name}：${problem}`,
  badSelection: (name: string, cap: number) =>
    `无法设置选择 ${name}：它接受最多 ${formatCount(cap)} 个数字、文本或 true/false 值组成的列表。`,
  codeStopped: () => "已停止：单元格的代码已被终止。",
  codeTimeout: (ms: number) => `已停止：单元格运行超过 ${formatCount(ms)} 毫秒（是否存在死循环？）。`,
  codeCrashed: (reason: string) => `代码运行器意外停止：${reason}`,
  runnerClosed: () => "代码运行器已关闭。",
  notCloneable: (reason: string) => `单元格返回的值无法离开沙箱（函数、类实例之类的值不行）：${reason}`,
  logMore: (n: number) => `… 还有 ${formatCount(n)} 行`,
  badName: (name: string) => `${name} 不是有效的单元格名称（只能用字母、数字和 _，且不能以数字开头）`,
};
