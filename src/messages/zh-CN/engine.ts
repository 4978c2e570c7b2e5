// The engine's messages in Simplified Chinese: load failures and warnings, cancelled and closed queries.
// DuckDB's own text (`reason`) is kept as DuckDB wrote it, inside a Chinese sentence that says where.
import { LOAD_LEADS } from "../load-lead";
import { formatBytes, formatCount } from "../locale";

/** Engine messages in Simplified Chinese. */
export const engineZh = {
  emptyFile: (file: string) => `${file}：文件为空，没有可加载的内容。`,
  notTextFile: (file: string) =>
    `${file}：不是文本文件。它看起来是二进制数据；请另存为 CSV、Parquet 或 JSON Lines 后再试。`,
  unsupportedFormat: (file: string) =>
    `${file}：不支持的文件类型。请加载 CSV/TSV（.csv、.tsv、.txt）、Parquet（.parquet）或 JSON Lines（.jsonl、.ndjson）。`,
  badParquet: (file: string, reason: string) => `${file}：不是可读取的 Parquet 文件（被截断或已损坏）：${reason}`,
  parquetNoSignature: () => "文件开头没有 Parquet 标记 PAR1：它不是 Parquet 文件",
  parquetCutShort: (raw?: string) =>
    `文件在 Parquet 文件尾（PAR1）之前就结束了：它可能已被截断${raw ? `（${raw}）` : ""}`,
  fileTooBig: (file: string, format: "csv" | "parquet" | "jsonl", size: number, needs: number, free: number) =>
    `${file}（${formatBytes(size)}）未加载：加载它大约需要 ${formatBytes(needs)} 内存，而这里只剩 ${formatBytes(free)}。` +
    "文件没有被读取，现有的表保持不变。要加载它，请删除不再需要的表，或另存一份列或行更少的副本" +
    `${format === "parquet" ? "" : "（存为 Parquet 加载也更快）"}，或在本机用命令行运行笔记本，它可以使用全部内存：` +
    "npm run notebook -- run <notebook.md> --data <表>=<文件>。",
  unknownEncoding: (label: string) => `未知的文本编码“${label}”。`,
  unclosedQuote: (file: string, line: number) =>
    `${file}：第 ${line} 行开始的引号没有闭合，之后的所有内容都会变成一个值。请补上引号后重新加载文件。`,
  loadFailed: (file: string, reason: string) => `${file}：${LOAD_LEADS["zh-CN"]}：${reason}`,
  badJsonLine: (line: number, reason: string) => `第 ${line} 行不是有效的 JSON（${reason}）。`,
  duplicateColumn: (name: string, renamed: string) => `列“${name}”出现了不止一次；重复的列被命名为“${renamed}”。`,
  blankColumn: (position: number, renamed: string) => `表头中第 ${position} 列没有名称；它被命名为“${renamed}”。`,
  shortRows: (count: number, lines: readonly number[], expected: number) =>
    `有 ${formatCount(count)} 行的字段少于 ${expected} 个，已用空值补齐（第 ${lines.join("、")}` +
    `${count > lines.length ? "……" : ""} 行）。`,
  longRows: (columns: readonly string[]) =>
    `部分行的字段多于表头；多出的值放在列 ${columns.map((c) => `“${c}”`).join("、")} 中。`,
  noHeader: (file: string, columns: readonly string[]) =>
    `${file}：没有找到表头行；列被命名为 ${columns.slice(0, 2).join("、")}${columns.length > 2 ? "、…" : ""}`,
  skippedLines: (count: number, first: string) =>
    `表格上方的前 ${formatCount(count)} 行被视为标题或备注而跳过` +
    `（“${first.length > 60 ? `${first.slice(0, 60)}…` : first}”）。`,
  commentLines: () => "以 # 开头的行被视为注释而略过。",
  decodedFrom: (encoding: string) => `已按 ${encoding} 解码；如果文字显示不正确，请更换编码。`,
  ambiguousDates: (column: string, order: "dmy" | "mdy", written: string, read: string, other: string) =>
    `列“${column}”：所有日期既可读作日在前，也可读作月在前；已按${order === "dmy" ? "日/月/年" : "月/日/年"}读取` +
    `（“${written}”读作 ${read}，按${order === "dmy" ? "月在前" : "日在前"}则为 ${other}）。` +
    `如果不对，请按${order === "dmy" ? "月在前（mdy）" : "日在前（dmy）"}重新加载。`,
  decimalComma: () => "数字使用小数逗号（1,5），已按小数读取。",
  moneyColumns: (columns: readonly string[]) =>
    `带 ¥ 或“元”及千位分隔符的金额已按数字读取：${columns.map((c) => `“${c}”`).join("、")}。`,
  queryCancelled: () => "查询已取消。",
  engineClosed: () => "数据库已关闭。",
  statementRefused: (keyword: string) =>
    `此处不允许使用 ${keyword.toUpperCase()}：笔记本 SQL 不能写入、导出或导入文件，不能附加数据库，也不能加载扩展。` +
    "结果保留在应用内；请使用下载按钮保存。",
  oneStatement: () => "请一次只运行一条 SQL 语句：这段文本包含多条语句（没有 IN 列表的 PIVOT 算作两条：请列出取值）。",
  nestedComment: () => "语句开头不允许在注释中嵌套注释：请删除内层的 /*。",
  parquetWorkerFailed: (detail: string) => `Parquet 读取器已停止：${detail || "其工作线程无法启动"}。`,
};
