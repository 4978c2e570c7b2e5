// The browser UI's wording in Simplified Chinese: the same keys as ../ui.ts (checked there and in the tests).
import { loadReason } from "../load-lead";
import { clause, formatBytes as bytes, formatCount as count, formatDuration } from "../locale";

/** UI wording in Simplified Chinese. */
export const uiZh = {
  appName: "Clientbook",
  untitled: "未命名笔记本",
  tagline: "完全在您的浏览器中运行：数据不会离开这台电脑。",

  language: "语言",
  openNotebook: "打开笔记本…",
  saveNotebook: "保存笔记本",
  runAll: "全部运行",
  shareMenu: "分享",
  moreMenu: "更多",
  stop: "停止",
  loadData: "加载数据…",
  dropHint: "将 CSV、TSV、Parquet 或 JSON Lines 文件，或笔记本文件（.md）拖放到页面任意位置。",
  dropOverlay: "松开以加载",

  engineStarting: "正在启动数据库…",
  engineReady: "数据库已就绪",
  engineFailed: "数据库无法启动",
  engineThreads: (n: number) => `${count(n)} 个线程`,
  engineRuntime: (bundle: string, threads: number, asked: boolean) =>
    bundle === "coi"
      ? `DuckDB 使用 ${count(threads)} 个线程运行（duckdb-wasm 多线程版本：此页面已跨源隔离）。`
      : asked
        ? `DuckDB 以单线程运行（duckdb-wasm ${bundle} 版本）：此页面请求了多线程，但尚未跨源隔离` +
          "（首次访问、离线副本完成之前，或 Service Worker 已被关闭），或此浏览器不支持 WebAssembly 多线程。"
        : `DuckDB 以单线程运行（duckdb-wasm ${bundle} 版本）。多线程默认关闭：它让启动更慢，收益很小；` +
          "在地址后加上 ?threads=on 即可试用（从第二次访问起生效）。",

  threadsUnavailable: "（此处无法使用多线程）",

  welcomeTitle: "欢迎使用 Clientbook",
  welcomeBody:
    "用“加载数据…”或拖放到页面上来加载客户数据文件（CSV、TSV、Parquet 或 JSON Lines），然后添加一个 SQL 单元格进行查询。也可以打开一个笔记本文件。",
  welcomeSample: "打开基于示例数据的示例笔记本",
  welcomeSampleZh: "打开中文示例笔记本：客户分析示例——客户分类、客户价值与大客户风险",

  untrustedTitle: "此笔记本尚未运行。",
  untrustedBody:
    "它不是随本应用提供的，因此只有在您确认后才会运行其代码。请先阅读各单元格；运行时只会查询您在此加载的文件。",
  trustRun: "运行此笔记本",

  declaredTitle: "此笔记本需要的数据文件",
  declaredHint: "逐个选择文件，或将它们拖放到页面上：按文件名匹配。",
  declaredLoaded: "已加载",
  declaredChoose: "选择文件",

  dataTitle: "数据",
  dataEmpty: "还没有数据表。加载一个文件即可开始。",
  memoryInUse: (used: number, limit: number) => `数据表占用内存：${bytes(used)}，上限 ${bytes(limit)}`,
  memoryDevice: (gigabytes: number) => `本机内存约 ${count(gigabytes)} GB`,
  memoryHelp: "数据库的内存容纳所有已加载的表，不超过浏览器允许的上限。放不下剩余空间的文件会在读取之前被拒绝。",
  rows: (n: number) => `${count(n)} 行`,
  columnsCount: (n: number) => `${count(n)} 列`,
  column: "列",
  type: "类型",
  nulls: "空值",
  preview: "预览",
  encoding: "编码",
  encodingHelp: "用另一种文本编码重新加载该文件",
  dateOrder: "日期",
  dateOrderHelp: "重新加载该文件，把形如 03/04/2024 的日期按日在前或月在前读取",
  dayFirst: "日在前（dd/mm/yyyy）",
  monthFirst: "月在前（mm/dd/yyyy）",
  reload: "重新加载",
  showData: "显示数据面板",
  hideData: "隐藏数据面板",
  removeTable: (table: string) => `移除数据表“${table}”`,
  removeFailed: (table: string, reason: string) => `无法移除数据表“${table}”：${reason}`,
  readsRemoved: (table: string) => `此单元格读取的数据表“${table}”已被移除：请重新加载后再运行此单元格。`,
  loading: (file: string) => `正在加载 ${file}`,
  downloading: (file: string) => `正在获取 ${file}`,
  progress: (read: number, total: number, rows?: number) =>
    `${bytes(read)}${total > 0 ? ` / ${bytes(total)}` : ""}${rows !== undefined ? ` · ${count(rows)} 行` : ""}`,
  loadError: (file: string, reason: string) => `无法加载“${file}”：${loadReason(reason, file)}`,
  dismiss: "关闭",

  notebookError: (file: string, reason: string) => `无法打开“${file}”：${clause(reason)}。当前笔记本保持不变。`,
  openedAsData: (file: string) => `“${file}”是数据文件而不是笔记本：已将其加载为数据表。当前笔记本保持不变。`,
  notTextNotebook: "它不是文本文件（笔记本是 Markdown 文本或 .zip 包）",
  linkRefused: (path: string) => `已拒绝笔记本链接“${path}”：只能通过链接打开本站点上的笔记本。`,
  linkFailed: (path: string, reason: string) => `无法获取笔记本“${path}”：${clause(reason)}。`,
  dataFetchFailed: (file: string, reason: string) => `无法获取数据文件“${file}”：${reason}`,
  dataFileRefused: (file: string) =>
    `未获取数据文件“${file}”：通过链接打开的笔记本只从本站点上它自己的文件夹读取数据。请把文件拖放到页面上来加载它。`,
  httpStatus: (status: number) => `服务器返回 ${status}`,
  networkFailed: "网络请求失败（已离线，或网站没有响应）",

  run: "运行",
  runTitle: "运行此单元格（Ctrl/Cmd+Enter；Shift+Enter 运行并跳到下一个单元格）",
  deleteCell: "删除单元格",
  cellLabel: (position: number, name?: string) => (name ? `单元格 ${position}：${name}` : `单元格 ${position}`),
  cellTools: "单元格工具",
  dragCell: "拖动以移动单元格",
  moveUp: "上移单元格（Alt+↑）",
  moveDown: "下移单元格（Alt+↓）",
  duplicate: "复制单元格",
  insertHere: "在此插入单元格",
  deleted: (name?: string) => (name ? `已删除单元格“${name}”。` : "已删除一个文本单元格。"),
  undo: "撤销",
  close: "关闭",
  runProgress: (done: number, total: number) => `全部运行：已完成 ${count(done)} / ${count(total)} 个单元格`,
  runningCell: (name: string) => `正在运行 ${name}`,
  shortcutsTitle: "键盘快捷键",
  shortcutGroups: [
    {
      title: "在编辑器中",
      keys: [
        ["Shift+Enter", "运行单元格并跳到下一个"],
        ["Ctrl/Cmd+Enter", "运行单元格并停留"],
        ["Esc", "离开编辑器（命令模式）"],
        ["Tab", "缩进"],
      ],
    },
    {
      title: "命令模式下（已选中单元格，未在编辑）",
      keys: [
        ["Enter", "编辑选中的单元格"],
        ["↑ / ↓ 或 k / j", "选择上一个 / 下一个单元格"],
        ["a / b", "在上方 / 下方插入 SQL 单元格"],
        ["Alt+↑ / Alt+↓", "上移 / 下移单元格"],
        ["d d", "删除单元格"],
        ["Ctrl/Cmd+Z", "撤销上一次删除"],
        ["Shift+Enter / Ctrl/Cmd+Enter", "运行（并前进 / 停留）"],
        ["?", "显示此快捷键表"],
      ],
    },
  ],
  editSource: "编辑",
  doneEditing: "完成",
  showSpec: "编辑图表规格",
  hideSpec: "隐藏图表规格",
  markdownPlaceholder: "空的文本单元格：点击以编写 Markdown。",
  status: { idle: "未运行", running: "运行中…", done: "完成", error: "出错", stopped: "已停止" },
  stale: "已过期：某个输入已更改",
  staleBadge: "已过期",
  inputNoOptions: "暂无选项",
  inputRemember: "在文件中记住此选择（该值属于客户数据）",
  inputRememberTitle: "不勾选时，选择只保留在此标签页中，保存的笔记本不含任何来自数据的值。",
  inputPicked: (picked: number, of: number) => `已选 ${count(picked)} / ${count(of)}`,
  inputFrom: "从",
  inputTo: "到",
  inputNotReady: "运行笔记本后即可使用此控件。",
  logSummary: (lines: number) => `日志（${count(lines)} 行）`,
  stopTitle: "停止正在运行的内容（包括死循环）",
  elapsed: (ms: number) => formatDuration(ms),
  errorAt: (line?: number, column?: number) =>
    line === undefined ? "" : column === undefined ? `第 ${line} 行` : `第 ${line} 行，第 ${column} 列`,
  notRun: (language: string) => `未运行：${language} 单元格按原样显示，此版本不会运行它们。`,
  addCell: "添加",
  addSql: "SQL",
  addMarkdown: "文本",
  addChart: "图表",
  addTs: "TypeScript",
  addInput: "输入",
  cellName: "单元格名称",
  chartRows: (n: number) => `${count(n)} 行数据的图表`,
  chartError: (reason: string) => `无法绘制图表：${reason}`,
  chartNoDataSet: (name: string, raw: string) =>
    `图表规格读取了未定义的数据集“${name}”（它的行在图表单元格指定的数据集中）（${raw}）`,
  chartNoSignal: (name: string, raw: string) => `图表规格使用了未定义的参数“${name}”（${raw}）`,
  chartNoScale: (name: string, raw: string) => `图表规格使用了未定义的比例尺“${name}”（${raw}）`,
  chartNotReady: (seconds: number) => `图表沙箱未能在 ${seconds} 秒内启动；请重新加载页面后重试`,
  chartScriptFailed: (reason: string) => `无法加载图表沙箱的脚本（${reason}）；请重新加载页面后重试`,

  resultRows: (shown: number, total: number) =>
    shown < total ? `${count(total)} 行（显示前 ${count(shown)} 行）` : `${count(total)} 行`,
  copyCsv: "复制 CSV",
  downloadCsv: "下载 CSV",
  copied: "已复制",
  copyFailed: "复制失败",
  downloadFailed: "下载失败：无法再次读取结果；请重新运行此单元格。",
  emptyResult: "没有数据行。",

  codeSandboxTitle: "笔记本代码沙箱",
  codeSandboxReloaded: "代码沙箱已重新加载；请再次运行该单元格。",
  codeSandboxNotReady: (seconds: number) =>
    `代码沙箱未能在 ${seconds} 秒内启动；请再次运行该单元格（若仍如此，请重新加载页面）。`,
  codeSandboxScriptFailed: (reason: string) =>
    `代码沙箱无法加载其脚本（${reason}）；请检查网络连接后再次运行该单元格。`,
  codeStopped: "已停止。",
  codeRunnerClosed: "代码沙箱已关闭。",
  codeInputRefused: (reason: string) => `无法将单元格的输入传入沙箱：${reason}`,

  linkLeavesTitle: "此链接将离开 Clientbook",
  linkLeaves: (site: string) => `它会在新标签页中打开 ${site}，位于本应用之外。笔记本作者选择了此地址：`,
  linkQueryNote: "高亮部分会发送到该网站。请确认其中不含任何客户信息。",
  linkOpen: "打开链接",
  linkCancel: "留在此页",
  linkComputed: "不是链接：其地址由数据计算得出，而数据绝不会离开 Clientbook。",
  linkRefusedInProse: "不是链接：在本站点上，笔记本只能链接到随 Clientbook 提供的笔记本（?notebook=...）。",
};
