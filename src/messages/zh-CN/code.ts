// What the user is told about running TypeScript cells, in Simplified Chinese.
import { formatCount } from "../locale";

/** Code-runner messages in Simplified Chinese. */
export const codeZh = {
  droppedMessage: (kind: string, reason: string) => `Clientbook 忽略了单元格代码发来的“${kind}”消息：${reason}。`,
  staleChannel: "它所属的运行已结束",
  foreignRun: "它指向另一次运行",
  notAllowed: "沙箱不允许发送这种消息",
  tooManyValues: (rows: number, columns: number, limit: number) =>
    `单元格返回了 ${formatCount(rows)} 行 × ${formatCount(columns)} 列，超过了单元格结果可容纳的 ` +
    `${formatCount(limit)} 个值（行 × 列）的上限。请在单元格中先聚合，或返回更少的行或列。`,
  valueTooBig: (limit: number) =>
    `单元格返回的值超过 ${formatCount(limit)} 个部分（元素、字段和叶子），这是非表格值的上限。` +
    "返回多行数据（普通对象的列表）即可得到表格，或返回更小的值。",
  badTable: (reason: string) => `无法将单元格返回的行读取为表格：${reason}`,
  notCloneable: (reason: string) => `单元格的值无法离开沙箱：${reason}`,
  valueRefused: (problem: string) => `单元格返回的不是纯数据（${problem}）：请返回数字、文本、列表或普通对象。`,
  plainTooMany: (limit: number) => `超过 ${formatCount(limit)} 个值`,
  plainBigInt: "BigInt 值",
  plainKind: (kind: string) => `${kind} 类型的值`,
  plainTooDeep: (depth: number) => `嵌套超过 ${formatCount(depth)} 层`,
  plainCycle: "包含自身的值",
  notOneBody: "单元格的代码不是一个完整的函数体：请检查花括号。",
};
