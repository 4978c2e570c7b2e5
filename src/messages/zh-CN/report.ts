// The "Export report" control and its dialog in Simplified Chinese (the report's own wording, in every
// language, lives in ../report).
import { formatCount } from "../locale";

/** Report-dialog wording in Simplified Chinese; `maxRows` is the largest row count a report may show. */
export const reportDialogZh = (maxRows: number) => ({
  open: "导出报告",
  openTitle: "生成一个独立的 HTML 文件，包含文字、结果表和图表（不含脚本，不加载任何内容）",
  title: "导出报告",
  body:
    "报告是一个任何人都能打开的 HTML 文件，即使离线或关闭 JavaScript 也可以。其中包含根据客户数据计算的结果：" +
    "只分享给有权查看这些结果的人。",
  rows: "每张表的行数",
  showCode: "显示每个单元格的代码",
  write: "生成报告",
  cancel: "取消",
  writing: "正在收集图表…",
  badRows: (text: string) => `每张表的行数必须是 1 到 ${formatCount(maxRows)} 之间的整数；“${text}”不是。`,
  chartsMissing: (labels: readonly string[]) =>
    `报告已生成，但其中缺少 ${formatCount(labels.length)} 个图表（显示为未绘制）：${labels.join("；")}。`,
  failed: (reason: string) => `无法生成报告：${reason}`,
});
