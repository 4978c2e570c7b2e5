// JavaScript's common errors in a ts cell said in the user's language, V8's own text kept after them: the
// texts are the ones V8 (Node's, as Chromium's) really throws.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadLocale } from "../../src/messages/load-locale";
import { setLocale } from "../../src/messages/locale";
import { codeErrorText } from "../../src/session/code-error-text";

beforeAll(() => loadLocale("zh-CN"));
afterEach(() => setLocale("en"));

/** What `code` throws, as a ts cell's error says it (`Name: message`). */
function thrown(code: () => unknown): string {
  try {
    code();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  throw new Error("nothing thrown");
}

const nothing = undefined as unknown as { total: { x: number }; run(): void };
const cases: [string, string, RegExp, RegExp][] = [
  [
    "read of undefined",
    thrown(() => nothing.total),
    /^the code reads “total” of undefined: a value it expected is missing \(TypeError: Cannot read properties/,
    /^代码读取 undefined 的“total”：预期的某个值不存在（TypeError: Cannot read properties/,
  ],
  [
    "write on null",
    thrown(() => ((null as unknown as { x: number }).x = 1)),
    /^the code sets “x” on null/,
    /^代码给 null 设置“x”/,
  ],
  [
    "call of a non-function",
    thrown(() => (1 as unknown as { toFixed2: () => void }).toFixed2()),
    /^the code calls \S+toFixed2, which is not a function \(TypeError: /,
    /^代码调用了 \S+toFixed2，但它不是函数/,
  ],
  [
    "endless recursion",
    thrown(function deep(): unknown {
      return deep();
    }),
    /^the code calls itself too deeply .*\(RangeError: Maximum call stack size exceeded\)$/,
    /^代码的调用层次过深/,
  ],
];

describe("codeErrorText(message)", () => {
  it.each(cases)("says a %s in English and Chinese, JavaScript's text after it", (_, raw, english, chinese) => {
    expect(codeErrorText(raw)).toMatch(english);
    setLocale("zh-CN");
    expect(codeErrorText(raw)).toMatch(chinese);
    expect(codeErrorText(raw)).toContain(raw);
  });

  it("leaves any other error as JavaScript wrote it", () => {
    expect(codeErrorText("Error: my own check failed")).toBe("Error: my own check failed");
  });
});
