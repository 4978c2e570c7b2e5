// Bundles (a notebook with its data in one file) in Simplified Chinese: why one cannot be opened, and
// the warning that a bundle holds client data.
import { formatCount } from "../locale";

/** Bundle messages in Simplified Chinese. */
export const bundleZh = {
  containsData: (tables: number) =>
    `此文件包含笔记本及其数据（${formatCount(tables)} 张数据表）：其中有客户数据。只发送给有权查看这些数据的人。`,
  notZip: (reason: string) =>
    `这不是完整的 Clientbook 数据包：文件被截断或不是数据包（${reason}）。请重新获取文件；未加载任何内容。`,
  noManifest: () => "此文件不是 Clientbook 数据包：其中没有 manifest.json。未加载任何内容。",
  badManifest: (reason: string) => `无法读取此数据包的 manifest.json（${reason}）。未加载任何内容。`,
  newerVersion: (version: number, supported: number) =>
    `此数据包由更新版本的 Clientbook 写出（数据包格式 ${version}）；此版本只能读取格式 ${supported}。` +
    "请用更新的 Clientbook 打开。未加载任何内容。",
  missingFile: (file: string) => `此数据包不完整：缺少 ${file}。请重新获取文件；未加载任何内容。`,
  tampered: (file: string) => `此数据包在保存后被修改或损坏：${file} 与其校验和不符。请重新获取文件；未加载任何内容。`,
  badTable: (file: string, reason: string) => `无法读取此数据包中的数据表 ${file}（${reason}）。未加载任何内容。`,
  badNotebook: (line: number | undefined, reason: string) =>
    `无法读取此数据包中的笔记本${line ? `（第 ${line} 行）` : ""}：${reason} 未加载任何内容。`,
  duplicateTable: (name: string) => `有两张数据表都名为 ${name}；一个数据包中每张表只能出现一次。`,

  saveWithData: "连同数据保存…",
  saveWithDataTitle: "将笔记本和所有已加载的数据表保存为一个文件（其中含有客户数据）",
  warningTitle: "此文件将包含客户数据",
  tableList: (names: readonly string[]) => `文件中的数据表：${names.join("、")}。`,
  noTables: "没有已加载的数据表：文件中只有笔记本。",
  confirmSave: "连同数据保存",
  cancel: "取消",
  saving: "正在写入文件…",
  saved: (file: string, size: string) => `已保存 ${file}（${size}）。其中含有客户数据：请妥善保管。`,
  saveFailed: (reason: string) => `无法写入含数据的文件：${reason}。您的笔记本没有改变。`,
  openFailed: (file: string, reason: string) => `${file}：${reason}`,
};
