// The workshop controls (reset to the original, erase my data) and the offline copy's version notes,
// in Simplified Chinese.

/** Workshop and offline wording in Simplified Chinese. */
export const workshopZh = {
  reset: "恢复原始版本",
  resetTitle: "用打开时的原始笔记本替换您的这份副本",
  resetConfirmTitle: "恢复为原始笔记本？",
  resetConfirm: (file: string) =>
    `您的副本将被原始的 ${file} 替换：您对其中单元格、输入和标题所做的所有修改都会丢失。` +
    "已加载的数据表会保留。如需保留这份副本，请先保存。",
  resetDo: "恢复",

  erase: "清除我的数据",
  eraseTitle: "从此浏览器中移除本网站的所有数据表和已存储的笔记本",
  eraseConfirmTitle: "从此浏览器中清除您的数据？",
  eraseGoes: "对于本网站，在此浏览器中将清除：",
  eraseItems: [
    "此页面中加载的所有数据表（您电脑上的文件不受影响）；",
    "您对当前笔记本的副本及其修改（如需保留，请先保存）；",
    "Clientbook 存储在此浏览器中的所有笔记本和数据表（IndexedDB 和源私有文件系统）；",
    "本网站在此存储的其他任何数据（缓存、localStorage 和 sessionStorage）。",
  ],
  eraseStays:
    "应用自身的离线副本会保留（程序、示例笔记本及其示例数据，不含您的任何内容），" +
    "因此没有网络时 Clientbook 仍能打开。",
  eraseDo: "清除",
  erasing: "正在清除…",
  erased: "您的数据已从此浏览器中清除。重新加载页面即可从原始版本重新开始。",
  eraseFailed: (reason: string) => `清除未完成：${reason}。请关闭其他 Clientbook 标签页后重试。`,
  eraseBlocked: (database: string) => `已存储的数据“${database}”仍在另一个标签页中打开`,
  startAgain: "重新加载",

  cancel: "取消",
  dismiss: "关闭",

  versionWaiting:
    "Clientbook 的新版本已就绪。下次打开 Clientbook 时（关闭它的所有标签页之后）启用；" +
    "此页面继续使用启动时的版本。",
  versionUpdated: "自您上次访问以来，Clientbook 已更新到新版本。",
};
