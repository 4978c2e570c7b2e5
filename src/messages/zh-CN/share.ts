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
};
