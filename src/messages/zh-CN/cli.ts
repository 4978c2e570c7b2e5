// The command-line runner's wording in Simplified Chinese: help, usage errors and the run summary.
import { formatCount } from "../locale";

/** The `--help` text in Simplified Chinese. */
export const cliHelpZh = `用法：npm run notebook -- run <notebook.md> [--data <数据表>=<路径> ...]
         [--encoding <数据表>=<编码> ...] [--set <输入>=<值> ...] [--json <out.json>] [--limit <n>]
         [--date-order <数据表>=dmy|mdy ...] [--lang en|zh-CN]
      npm run notebook -- report <notebook.md> [--data、--encoding、--date-order、--set 同 run] --out <report.html>
         [--rows <n>] [--code show|hide] [--lang en|zh-CN]

run：在本机 DuckDB 上无界面运行笔记本，使用与应用相同的解析器、依赖图和运行时。
report：以同样方式运行，然后写出一个自包含的 HTML 文件（正文、每个结果的前几行、每个图表的内联 SVG），
它不加载任何内容、不运行任何脚本：可以在任何地方离线打开。

选项：
  --data <数据表>=<路径>  把 <路径> 处的文件（相对于运行 npm 的目录）加载为 <数据表>。
                         覆盖笔记本文件头为 <数据表> 声明的文件。
  --encoding <数据表>=<编码>
                         用此编码读取 <数据表> 的文本文件（utf-8、windows-1252、gbk、shift_jis、
                         euc-kr、big5、utf-16le 等），而不是自动检测的编码。
  --date-order <数据表>=dmy|mdy
                         按日在前（dmy）或月在前（mdy）读取 <数据表> 中形如 03/04/2024 的日期，
                         而不是在文件中没有能确定顺序的日期时自行猜测。
  --set <输入>=<值>      以此值作为输入单元格 <输入> 的值运行，而不是其保存的值。
                         按输入的类型读取：5、true、a,b（多选）、2024-01-01..2024-03-31
                         （日期范围）或 JSON。会按输入的范围和选项检查。
  --json <out.json>      写出每个单元格的名称、类型、状态、错误、列、行数、数据行和日志行。
  --limit <n>            JSON 中每个单元格的行数（默认 1000）。
  --out <report.html>    report：HTML 报告的写入位置。
  --rows <n>             report：每个结果表显示的行数（默认 50）。
  --code show|hide       report：在每个结果下方折叠显示单元格源码（默认 hide）。
  --lang en|zh-CN        消息和报告的语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG，例如 zh_CN.UTF-8；否则为 en）。
  -h, --help             显示此帮助。

数据文件：文件头中声明的数据表（data: <数据表>: {file: <文件>}）如果没有 --data，
会依次在笔记本旁边（<笔记本目录>/<文件>）、当前目录下的 public/notebooks/<文件>、
以及 Clientbook 自带的 public/notebooks/（示例数据）中查找。
命令行中的路径相对于运行命令的目录。
每个加载的数据表都会列出应用数据面板显示的警告（跳过的标题行、重命名或补齐的列、
文本所用的解码编码），每条一行。

TypeScript 单元格和 Markdown 中的 \${...} 值在一个只有 JavaScript 本身的工作线程中运行：
没有网络、没有文件、没有进程；只能通过 sql\`...\` 访问笔记本的 SQL 数据。
运行超过 30 秒的单元格会被停止。

退出状态：所有单元格都运行成功为 0，有单元格失败为 1（失败的单元格输出到 stderr），
用法错误、笔记本无法读取或缺少数据文件为 2。`;

/** Command-line messages in Simplified Chinese. */
export const cliMessagesZh = {
  unknownCommand: (command: string) => `未知命令“${command}”。请试试 --help。`,
  noCommand: () => "请说明要做什么：run <notebook.md> 或 report <notebook.md> --out <report.html>。请试试 --help。",
  noNotebook: () => "请指定要运行的笔记本：run <notebook.md>。",
  extraArgument: (arg: string) => `多余的参数“${arg}”。请试试 --help。`,
  unknownOption: (option: string) => `未知选项 ${option}。请试试 --help。`,
  missingValue: (option: string) => `${option} 需要一个值。请试试 --help。`,
  badData: (value: string) => `--data 的格式是 <数据表>=<路径>，而不是“${value}”。`,
  badEncoding: (value: string) => `--encoding 的格式是 <数据表>=<编码>，而不是“${value}”。`,
  badDateOrder: (value: string) => `--date-order 的格式是 <数据表>=dmy 或 <数据表>=mdy，而不是“${value}”。`,
  unknownDateOrderTable: (table: string, tables: readonly string[]) =>
    `--date-order ${table}：没有加载名为 ${table} 的数据表${tables.length ? `（数据表：${tables.join("、")}）` : ""}。`,
  unknownEncodingTable: (table: string, tables: readonly string[]) =>
    `--encoding ${table}：没有加载名为 ${table} 的数据表${tables.length ? `（数据表：${tables.join("、")}）` : ""}。`,
  loadWarning: (text: string) => `       ! ${text}`,
  badSet: (value: string) => `--set 的格式是 <输入>=<值>，而不是“${value}”。`,
  unknownInput: (name: string, inputs: readonly string[]) =>
    `--set ${name}：没有名为 ${name} 的输入单元格${inputs.length ? `（输入：${inputs.join("、")}）` : "（此笔记本没有输入单元格）"}。`,
  badSetValue: (reason: string) => `--set：${reason}`,
  logLine: (text: string) => `       | ${text}`,
  badRows: (value: string) => `--rows 需要一个整数行数，而不是“${value}”。`,
  badCode: (value: string) => `--code 只能是 show 或 hide，而不是“${value}”。`,
  badLang: (value: string) => `--lang 只能是 en 或 zh-CN，而不是“${value}”。`,
  noOut: () => "请指定报告的写入位置：report <notebook.md> --out <report.html>。",
  chartFailed: (label: string, reason: string) => `无法为报告绘制图表 ${label}：${reason}`,
  wroteReport: (path: string, bytes: number, ms: number) =>
    `已写出报告 ${path}（${formatCount(bytes)} 字节，${formatCount(ms)} 毫秒）`,
  badLimit: (value: string) => `--limit 需要一个整数行数，而不是“${value}”。`,
  notebookMissing: (path: string) => `找不到笔记本：${path}`,
  notebookUnreadable: (path: string, line: number | undefined, reason: string) =>
    `${path}${line ? `:${line}` : ""}：${reason}`,
  dataMissing: (table: string, tried: readonly string[]) =>
    `找不到数据表“${table}”的数据文件；已查找：${tried.join("、")}。请传入 --data ${table}=<路径>。`,
  loadFailed: (table: string, path: string, reason: string) => `无法将 ${path} 加载为数据表“${table}”：${reason}`,
  loaded: (table: string, path: string, rows: number) => `已加载 ${table} <- ${path}（${formatCount(rows)} 行）`,
  cellLine: (ok: boolean, label: string, kind: string, detail: string) =>
    `${ok ? "ok  " : "FAIL"} ${label.padEnd(24)} ${kind.padEnd(8)} ${detail}`,
  rows: (n: number) => `${formatCount(n)} 行`,
  failed: (label: string, where: string, message: string) => `${label}${where}：${message}`,
  failedHeader: (count: number) => `${count} 个单元格失败：`,
  summary: (ran: number, failed: number) => `已运行 ${ran} 个单元格，${failed} 个失败`,
  wroteJson: (path: string) => `已写出 ${path}`,
  unexpected: (reason: string) => `意外错误：${reason}`,
};
