// Charts in the reader's language: Vega locales built from Intl, Chinese month axes (2024年1月), and amounts in
// 万 / 亿 on Chinese axes reaching 100,000; drawn to SVG by Vega in Node, as the report does.
import { describe, expect, it } from "vitest";
import { chartToSvg } from "../../src/cli/chart-svg";
import { COMPACT_FORMAT, compactNumber, localizeChart, numberLocale, timeLocale } from "../../src/charts/locale";
import { asRenderMessage } from "../../src/sandbox/protocol";
import { aggregateTitle } from "../../src/charts/plan/aggregate";
import { planChart } from "../../src/charts/plan/plan";
import { loadLocale } from "../../src/messages/load-locale";
import { setLocale } from "../../src/messages/locale";

const months = Array.from({ length: 6 }, (_, i) => ({
  month: Date.UTC(2024, i, 1),
  amount: 150_000 * (i + 1),
}));
const monthly = {
  mark: "line",
  data: { values: months },
  encoding: {
    x: { field: "month", type: "temporal", timeUnit: "utcyearmonth" },
    y: { field: "amount", type: "quantitative" },
  },
};

describe("compactNumber(value, locale)", () => {
  it("writes 万 and 亿 in Chinese, K and M in English, through Intl", () => {
    expect(compactNumber(123456, "zh-CN")).toBe("12.35万");
    expect(compactNumber(120_000_000, "zh-CN")).toBe("1.2亿");
    expect(compactNumber(-250_000, "zh-CN")).toBe("-25万");
    expect(compactNumber(1_234_567, "en-US")).toBe("1.23M");
    expect(compactNumber(BigInt(300000), "zh-CN")).toBe("30万");
    expect(compactNumber("n/a", "zh-CN")).toBe("n/a");
  });
});

describe("numberLocale / timeLocale", () => {
  it("take the grouping and the month and day names from Intl", () => {
    expect(numberLocale("zh-CN")).toMatchObject({ decimal: ".", thousands: ",", grouping: [3] });
    expect(numberLocale("de-DE")).toMatchObject({ decimal: ",", thousands: "." });
    const zh = timeLocale("zh-CN");
    expect(zh.shortMonths).toEqual([
      "1月",
      "2月",
      "3月",
      "4月",
      "5月",
      "6月",
      "7月",
      "8月",
      "9月",
      "10月",
      "11月",
      "12月",
    ]);
    expect((zh.days as string[])[0]).toBe("星期日");
    expect((timeLocale("en-US").shortMonths as string[])[0]).toBe("Jan");
  });
});

describe("localizeChart(spec, locale)", () => {
  it("writes Chinese month axes as 2024年1月 and counts an axis reaching 100,000 in 万", () => {
    const zh = localizeChart(monthly, "zh-CN") as { encoding: Record<string, { axis?: object }>; config?: object };
    expect(zh.encoding.x.axis).toEqual({ format: "%Y年%-m月" });
    expect(zh.encoding.y.axis).toEqual({ format: "zh-CN", formatType: COMPACT_FORMAT });
    expect(zh.config).toEqual({ customFormatTypes: true });
  });

  it("leaves English charts, small amounts and axes the author formatted as they are", () => {
    expect(localizeChart(monthly, "en-US")).toBe(monthly);
    const small = { ...monthly, data: { values: months.map((m) => ({ ...m, amount: 99_999 })) } };
    expect((localizeChart(small, "zh-CN").encoding as Record<string, object>).y).toEqual(monthly.encoding.y);
    const own = { ...monthly, encoding: { ...monthly.encoding, y: { ...monthly.encoding.y, axis: { format: ",d" } } } };
    const kept = localizeChart(own, "zh-CN") as { encoding: Record<string, object>; config?: object };
    expect(kept.encoding.y).toEqual(own.encoding.y);
    expect(kept.config).toBeUndefined();
  });

  it("gives Chinese charts Vega-Lite's default titles in Chinese, keeping the author's own", () => {
    const spec = {
      mark: "bar",
      encoding: {
        x: { field: "amount", bin: true, type: "quantitative" },
        y: { aggregate: "count", type: "quantitative" },
        color: { field: "amount", aggregate: "sum", type: "quantitative" },
        column: { field: "month", timeUnit: "utcyearmonth", type: "ordinal" },
        row: { field: "segment", type: "nominal" },
        size: { field: "amount", aggregate: "mean", type: "quantitative", title: "Ø" },
      },
    };
    const titles = Object.values(localizeChart(spec, "zh-CN").encoding as Record<string, { title?: string }>).map(
      (def) => def.title,
    );
    expect(titles).toEqual(["amount（分箱）", "记录数", "amount（合计）", "month（年-月）", undefined, "Ø"]);
    expect(localizeChart(spec, "en-US")).toBe(spec);
  });
});

describe("planChart(spec): the titles of the axes it computes", () => {
  const binned = { mark: "bar", encoding: { x: { field: "amount", bin: true }, y: { aggregate: "count" } } };
  const titles = () => {
    const schema = { relation: "t", columns: [{ name: "amount", type: "DOUBLE", kind: "number" as const }] };
    const { spec } = planChart(binned, schema, { rowCap: 5000 });
    return ["x", "y"].map((c) => (spec.encoding as Record<string, { title?: string }>)[c].title);
  };

  it("are Vega-Lite's English ones, or the Chinese ones in a Chinese UI", async () => {
    expect(titles()).toEqual(["amount (binned)", "Count of Records"]);
    expect(aggregateTitle("sum", "amount")).toBe("Sum of amount");
    await loadLocale("zh-CN");
    setLocale("zh-CN");
    try {
      expect(titles()).toEqual(["amount（分箱）", "记录数"]);
      expect(aggregateTitle("median", "金额")).toBe("金额（中位数）");
    } finally {
      setLocale("en");
    }
  });
});

describe("chartToSvg(spec, locale)", () => {
  it("draws a Chinese monthly line with 2024年1月 month labels and 万 on its amount axis", async () => {
    const svg = await chartToSvg(monthly, "zh-CN");
    expect(svg).toContain(">2024年1月</text>");
    expect(svg).toContain(">2024年3月</text>");
    expect(svg).toMatch(/>\d+万<\/text>/);
    const en = await chartToSvg(monthly, "en-US");
    expect(en).not.toContain("年");
    expect(en).toContain(">Jan 2024</text>");
    expect(en).toContain(">200,000</text>");
    // Grouping and month names follow the locale given, not Node's: German writes 200.000 and Mär.
    const de = await chartToSvg(monthly, "de-DE");
    expect(de).toContain(">200.000</text>");
    expect(de).toContain(">Mär 2024</text>");
  });

  it("titles a Chinese count axis 记录数", async () => {
    const bars = {
      mark: "bar",
      data: { values: months },
      encoding: { y: { aggregate: "count", type: "quantitative" } },
    };
    expect(await chartToSvg(bars, "zh-CN")).toContain(">记录数</text>");
    expect(await chartToSvg(bars, "en-US")).toContain(">Count of Records</text>");
  });
});

describe("asRenderMessage(data)", () => {
  it("carries the shell's locale when it is a language tag, and drops anything else", () => {
    const base = { type: "clientbook:render", id: 1, spec: {} };
    expect(asRenderMessage({ ...base, locale: "zh-CN" })?.locale).toBe("zh-CN");
    expect(asRenderMessage(base)).toEqual(base);
    expect(asRenderMessage({ ...base, locale: "zh-CN'); alert(1)" })).toEqual(base);
    expect(asRenderMessage({ ...base, locale: 7 })).toEqual(base);
  });
});
