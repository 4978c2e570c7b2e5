// Notebooks kept in this browser, in Simplified Chinese: the restored note, Recent notebooks, keeping
// data, a full storage, a notebook open in another tab, and closing with unsaved edits.
import { formatCount, formatDateTime } from "../locale";

const time = (ms: number) => formatDateTime(new Date(ms));

/** Storage wording in Simplified Chinese. */
export const storageZh = {
  restored: (title: string, savedAt: number) => `已按您离开时的样子恢复“${title}”（${time(savedAt)}）。`,
  restoredData: (count: number) => `它的 ${formatCount(count)} 张数据表已保存在此浏览器中，正在加载。`,
  restoredDataLoaded: (count: number) => `它的 ${formatCount(count)} 张数据表已保存在此浏览器中，已重新加载。`,
  reattach: "请在下方重新关联它的数据文件。",
  dismiss: "关闭",

  recent: "最近",
  recentTitle: "保存在此浏览器中的笔记本",
  recentEmpty: "此浏览器中还没有保存的笔记本：您工作时，修改会随时保存在这里。",
  savedAt: (ms: number) => `保存于 ${time(ms)}`,
  withData: "含数据",
  open: "打开",
  current: "当前打开",
  remove: "删除",
  removeTitle: (title: string) => `从此浏览器中删除“${title}”（以及与它一起保存的数据）`,
  keepData: "在此浏览器中保留数据",
  keepDataHint:
    "把此笔记本的数据文件存入此浏览器的私有存储，重新加载页面时无需再次选择文件即可恢复数据表。" +
    "不会向任何地方发送数据。",

  quota: (reason: string) =>
    `此浏览器的存储空间已满，最近的修改未能保存在浏览器中（${reason}）。` +
    "笔记本仍在此处打开：请将它保存为文件，以免丢失任何内容。",
  failed: (reason: string) =>
    `浏览器拒绝保存此笔记本（${reason}）。它仍在此处打开：请将它保存为文件，以免丢失任何内容。`,
  saveFile: "保存为文件",
  dataCopyRemoved: (table: string) =>
    `“${table}”是从此浏览器中保存的副本读取的，关闭保存时该副本已被删除：请再次选择它的文件以保存它。`,
  dataNotKept: (table: string, reason: string) =>
    `“${table}”的数据无法保存在此浏览器中（${reason}）；重新加载页面后请再次选择它的文件。`,
  otherTab:
    "此笔记本已在另一个标签页中打开，那个标签页会把修改保存在此浏览器中。此处的修改不会被存储，因此不会覆盖那个标签页的修改。",
  keepCopy: "将此标签页的版本另存为副本",
  openFailed: (reason: string) => `无法打开已存储的笔记本：${reason}`,

  lastRunBadge: "来自上次运行",
  lastRunTitle: (savedAt: number) =>
    `此单元格上次运行时显示的内容（${time(savedAt)}），保存在此浏览器中；本次运行的结果会替换它。`,
};
