// The share link in Simplified Chinese: why a notebook cannot go into a link, or a link cannot be opened.
import { formatCount } from "../locale";

/** Share-link messages in Simplified Chinese. */
export const shareZh = {
  tooLong: (length: number, max: number) =>
    `此笔记本太长，无法放入分享链接（${formatCount(length)} 个字符；链接上限为 ${formatCount(max)}）。` +
    "请将笔记本保存为文件，改为发送文件。",
  noNotebook: () => "此链接不含笔记本：其地址中没有 #nb=... 部分。",
  badCharacters: () => "此分享链接已损坏：其 #nb= 部分含有分享链接中不会出现的字符。请重新复制完整链接。",
  cut: () => "此分享链接不完整（很可能在复制或发送时被截断）。请索取完整链接或笔记本文件。",
  notText: () => "此分享链接不含笔记本文本。请改为索取笔记本文件。",
  notNotebook: (line: number | undefined, reason: string) =>
    `此分享链接中的文本不是 Clientbook 笔记本${line ? `（第 ${line} 行）` : ""}：${reason}`,

  copyLink: "复制分享链接",
  copyLinkTitle: "链接中只有此笔记本的文本，从不包含数据；# 之后的内容任何服务器都看不到",
  copied: "链接已复制。其中只有笔记本的文本：打开它的人需加载自己的数据文件。",
  copyByHand: "请手动复制此链接（浏览器不允许替您复制）。其中只有笔记本的文本。",
  linkLabel: "分享链接",
  saveFileInstead: "保存笔记本文件",
  close: "关闭",

  mapTitle: (table: string, file: string) => `${file}（数据表 ${table}）的列名与笔记本所需的不同`,
  mapHint: "为此笔记本所需的每一列选择您数据中对应的列；数据表只会重命名一次。",
  mapChoose: "选择一列",
  mapApply: "使用这些列",
  mapFailed: (table: string, reason: string) => `无法重命名 ${table} 的列：${reason}`,
};
