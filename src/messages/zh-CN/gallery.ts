// The role-mapping cards and the recipe gallery's chrome in Simplified Chinese (recipe texts live elsewhere).
import { formatCount as count } from "../locale";

const quoted = (items: readonly string[]) => items.map((s) => `“${s}”`).join("、");

/** Role-mapping wording in Simplified Chinese. */
export const rolesTextZh = {
  title: "列的角色",
  intro: "告诉 Clientbook 各列的含义，分析方法才能使用它们。",
  kind: "此数据表包含",
  kinds: {
    transactions: "交易（订单、发票）",
    customers: "客户（每个客户一行）",
    survey: "调查问卷答复",
    deals: "商机（销售机会）",
    receivables: "应收账款（未结发票）",
  } as Readonly<Record<string, string>>,
  required: "必填",
  notMapped: "— 此表中没有 —",
  guessed: "根据列名和类型推测：请检查后保存。",
  edited: "已更改：保存后才会记入笔记本。",
  saved: "已保存到笔记本。",
  save: "保存映射",
  reset: "撤销更改",
  badgeSaved: "✓ 已保存到笔记本",
  badgeGuessed: "推测结果：请检查",
  badgeEdited: "已更改：未保存",
  badgeMissing: (n: number) => `缺少 ${count(n)} 个必填角色`,
  badgeProblem: "需要处理",
  ok: "所有必填角色都已映射。",
  typeHint: (column: string, type: string) => `${column} · ${type}`,
  badgeUnused: "未被分析使用",
  unused: "还没有分析使用此数据表，所以不缺任何内容。等有分析需要它时再映射它的列。",
  badgeQuestions: (n: number) => `推测结果：${count(n)} 个角色待确认`,
  question: "这是推测：请确认此列正确，然后保存。",
  dateFormat: (format: string) => `识别出的格式：${format}`,
  dateOrder: "日与月的顺序",
  dateOrderNone: "— 未选择：这类日期不会被读取 —",
  dayFirst: "日在前（DD/MM/YYYY）",
  monthFirst: "月在前（MM/DD/YYYY）",
  dateAmbiguous: (example: string) =>
    `像 ${example} 这样的日期既可以读作日在前，也可以读作月在前：请选择您的文件使用的顺序。`,
  dateOrderFound: (format: string) =>
    `抽样的日期格式为 ${format}：请选择这一顺序，分析才能读取它们（斜杠分隔的日期从不自动推测）。`,
  dateUnreadable: (share: number, examples: readonly string[]) =>
    `抽样的值中有 ${count(Math.round(share * 100))}% 不是日期（例如 ${examples.join("、")}）：` +
    "分析会排除这些行，并在检查中统计它们。",
  derivedMargin: "毛利 = 金额 - 成本",
  usePrice: (column: string) => `将“${column}”用作单价`,
  cancelPrefix: "订单号以此开头时视为已取消",
  cancelStatus: "状态为以下值时视为已取消（用逗号分隔）",
  returnRule: (rule: string) => `退货：${rule}。`,
};

/** Recipe-family names in Simplified Chinese. */
export const familyLabelsZh: Readonly<Record<string, string>> = {
  segmentation: "客户是谁：客户细分",
  value: "客户价值几何：客户价值",
  loyalty: "谁会留下：忠诚与留存",
  needs: "客户需要什么",
  competitors: "竞争对手",
  "key accounts": "大客户管理",
};

/** Recipe-gallery wording in Simplified Chinese. */
export const galleryTextZh = {
  open: "分析方法…",
  openTitle: "插入现成的分析（RFM、ABC、客户生命周期价值…），以可阅读、可编辑的单元格形式呈现",
  title: "分析方法库",
  intro:
    "选择一个问题。Clientbook 会把分析插入为普通的 SQL 和图表单元格，参数设置放在最前面；之后您可以阅读和修改其中的一切。",
  close: "关闭",
  pick: "在左侧选择一个分析，查看它需要什么。",
  howTo: [
    "在左侧选择一个问题。“就绪”表示已加载的数据表具备它所需的列。",
    "检查分析使用哪张数据表及其中哪些列，需要时调整参数。",
    "插入并运行：SQL、结果表和图表会添加到笔记本中。每个单元格都可以编辑。",
  ] as readonly string[],
  ready: "就绪",
  needsMapping: "需要数据或列映射",
  tables: "数据",
  tablesHint: "每项输入来自您的哪张数据表。",
  slotLabel: (kind: string, required: boolean) => `${kind}${required ? "" : "（可选）"}`,
  noTable: "— 无 —",
  noTableLoaded: (kind: string) => `尚未加载${kind}数据表：请用“加载数据…”加载。`,
  usesRoles: (table: string, roles: readonly string[]) => `使用 ${table} 中的：${roles.join("、")}`,
  unsavedRoles: (table: string) => `${table} 的列角色尚未保存：插入时会将其保存到笔记本。`,
  settings: "参数设置",
  auto: "自动",
  autoHint: (what: string) => `留空即自动：${what}。`,
  dateAutoHint: (what: string) => `留空即自动：${what}。`,
  cellName: "单元格名称前缀",
  cellNameHint: "其他单元格可以通过这些名称引用结果。",
  problemsTitle: "插入之前",
  fixMapping: (table: string) => `映射 ${table} 的列`,
  inserts: (n: number) => `将插入 ${count(n)} 个单元格：`,
  insert: "插入并运行",
  insertOnly: "插入",
  notRunYet: "此笔记本尚未运行，新单元格会在运行笔记本时一起运行。",
  insertHint: "单元格会插入到您最后编辑的单元格之后，或末尾。",
  notReady: "请先修正标红的各项，才能插入此分析。",
  nameTaken: (name: string, free: string) => `已存在名为“${name}”的单元格，因此新单元格将以“${free}”开头：请再次插入。`,
  missingRolesShort: (roles: readonly string[]) => `映射 ${quoted(roles)}`,
  tablesGroup: "已加载的数据表",
  resultsGroup: "单元格结果",
  resultOption: (cell: string, kind?: string) => `${cell} · 单元格结果${kind ? ` · ${kind}` : ""}`,
  resultNotRun: (cell: string) => `${cell} · 单元格结果（尚未运行）`,
  runCellFirst: (cell: string) => `请先运行单元格“${cell}”：映射此分析读取的角色需要它结果中的列。`,
  cellFailed: (cell: string) => `单元格“${cell}”运行失败：请修正后运行，之后才能在此使用它的结果。`,
  runCell: (cell: string) => `运行 ${cell}`,
  resultRoles: (cell: string) => `角色取自单元格“${cell}”结果中的列；该单元格改变时，分析会重新运行。`,
  cellKinds: { sql: "表格", chart: "图表", markdown: "文本", ts: "代码", input: "输入", code: "代码" } as Readonly<
    Record<string, string>
  >,
};
