// wordCompletion: Chinese table and column names are offered as the user types them, on a real CodeMirror state.
import { describe, expect, it } from "vitest";
import { CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { EditorState } from "@codemirror/state";
import { wordCompletion } from "../../src/ui/word-completion";

const schema = { 中文订单: ["订单编号", "下单日期", "金额"], 客户: ["客户编号", "客户名称"], orders: ["amount"] };
const complete = (doc: string) => {
  const state = EditorState.create({ doc });
  return wordCompletion(schema)(new CompletionContext(state, doc.length, false)) as CompletionResult | null;
};

describe("wordCompletion(schema)", () => {
  it("offers tables and columns starting with the Chinese word before the cursor", () => {
    const tables = complete("SELECT * FROM 中");
    expect(tables?.from).toBe("SELECT * FROM ".length);
    expect(tables?.options.map((o) => o.label)).toEqual(["中文订单"]);
    expect(complete("SELECT 客户")?.options.map((o) => [o.label, o.detail])).toEqual([
      ["客户编号", "客户"],
      ["客户名称", "客户"],
    ]);
    expect(complete("SELECT sum(金")?.options.map((o) => o.label)).toEqual(["金额"]);
  });
  it("stays out of ASCII words, complete names and words nothing starts with", () => {
    expect(complete("SELECT am")).toBeNull();
    expect(complete("SELECT 金额")).toBeNull();
    expect(complete("SELECT 利润")).toBeNull();
    expect(complete("SELECT ")).toBeNull();
  });
  it("keeps the list open while more Chinese is typed, not across a space", () => {
    const validFor = complete("SELECT 客")!.validFor as RegExp;
    expect(validFor.test("客户编")).toBe(true);
    expect(validFor.test("客户 ")).toBe(false);
  });
});
