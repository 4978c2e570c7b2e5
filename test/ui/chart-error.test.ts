// Vega's common errors said in the page's language, Vega's own text kept after them.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadLocale } from "../../src/messages/load-locale";
import { setLocale } from "../../src/messages/locale";
import { ui } from "../../src/messages/ui";
import { chartErrorReason } from "../../src/ui/chart-error";

beforeAll(() => loadLocale("zh-CN"));
afterEach(() => setLocale("en"));

describe("chartErrorReason(raw)", () => {
  it("says a missing data set, parameter or scale in Chinese, Vega's text after it", () => {
    setLocale("zh-CN");
    expect(ui.chartError(chartErrorReason("Unrecognized data set: table"))).toBe(
      "无法绘制图表：图表规格读取了未定义的数据集“table”（它的行在图表单元格指定的数据集中）（Unrecognized data set: table）",
    );
    expect(chartErrorReason('Undefined data set name: "rows"')).toMatch(/^图表规格读取了未定义的数据集“rows”/);
    expect(chartErrorReason('Unrecognized signal name: "brush"')).toMatch(/^图表规格使用了未定义的参数“brush”（/);
    expect(chartErrorReason('Unrecognized scale name: "x"')).toMatch(/^图表规格使用了未定义的比例尺“x”（/);
  });

  it("says them in English too, and leaves any other text as Vega wrote it", () => {
    expect(chartErrorReason('Unrecognized signal name: "brush"')).toBe(
      'the spec uses a parameter “brush” it does not define (Unrecognized signal name: "brush")',
    );
    expect(chartErrorReason("Something else went wrong")).toBe("Something else went wrong");
  });
});
