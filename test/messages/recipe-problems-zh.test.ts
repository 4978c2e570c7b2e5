// Why a recipe cannot be built, in Chinese: bad parameters, thresholds in the wrong order, weights that do not
// add up, unreadable funnel stages and missing tables are told in zh-CN without English prose, and in English again
// after switching back.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildRecipe } from "../../src/recipes/registry";
import { RecipeError } from "../../src/recipes/errors";
import { setLocale } from "../../src/messages/locale";
import { loadLocale } from "../../src/messages/load-locale";
import { ROLE_LABELS } from "../../src/messages/recipes";
import { PARAMS, tablesOf } from "../recipes/sample-bindings";

const CJK = /[\u4e00-\u9fff]/;
/** English prose: three English words in a row (identifiers such as a_share or YYYY-MM-DD are not). */
const ENGLISH = /\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\b/;

/** The problems that stop recipe `id` from being built with `params` (on the sample bindings, or `tables`). */
function problems(id: string, params: Record<string, string>, tables = tablesOf(id)): readonly string[] {
  try {
    buildRecipe(id, { tables, params: { ...PARAMS[id], ...params } });
  } catch (error) {
    if (error instanceof RecipeError) return [error.message, ...error.problems];
    throw error;
  }
  throw new Error(`${id} was built`);
}

const CASES: readonly (readonly [id: string, params: Record<string, string>, english: RegExp])[] = [
  ["abc", { a_share: "95", b_share: "80" }, /must be below/],
  ["abc", { a_share: "many" }, /is not a number/],
  ["abc", { a_share: "250" }, /must be between 1 and 100/],
  ["abc", { analysis_date: "yesterday" }, /is not a date/],
  ["attribute-segments", { size_medium: "90000000" }, /Medium from must be below Large from/],
  ["clusters", { features: "recency" }, /needs at least two features/],
  ["funnel", { stages: "won" }, /cannot be read as funnel stages/],
  ["account-risk", { w_credit: "0.9" }, /must add up to exactly 1/],
  ["account-risk", { amber: "0.8" }, /must be below/],
  ["kpi-scorecard", { scale_min: "5", scale_max: "1" }, /lowest point must be below/],
];

beforeAll(() => loadLocale("zh-CN"));
afterEach(() => setLocale("en"));

describe("recipe build problems in zh-CN", () => {
  it.each(CASES)("%s %o: told in Chinese, in English after switching back", (id, params, english) => {
    setLocale("zh-CN");
    const chinese = problems(id, params);
    expect(chinese.filter((text) => !CJK.test(text))).toEqual([]);
    expect(chinese.filter((text) => ENGLISH.test(text))).toEqual([]);
    setLocale("en");
    expect(problems(id, params)[0]).toMatch(english);
  });

  it("names a missing table and the role labels in Chinese", () => {
    setLocale("zh-CN");
    const [message] = problems("abc", {}, {});
    expect(message).toContain("交易表");
    expect(ROLE_LABELS.customer_id).toBe("客户（编号或名称）");
    setLocale("en");
    expect(ROLE_LABELS.customer_id).toBe("Customer (id or name)");
    expect(problems("abc", {}, {})[0]).toMatch(/needs a transactions table/);
  });
});
