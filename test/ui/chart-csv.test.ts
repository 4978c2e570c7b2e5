// The data behind a chart as CSV, and the report dialog's field checks: pure, in Node.
import { describe, expect, it } from "vitest";
import { chartDataCsv } from "../../src/ui/chart-csv";
import { parseReportRows, reportFileName } from "../../src/ui/report-export";

describe("chartDataCsv(spec)", () => {
  it("writes the inline rows with times as ISO dates and formulas defused", () => {
    const spec = {
      mark: "line",
      encoding: { x: { field: "month", type: "temporal" }, y: { field: "n", type: "quantitative" } },
      data: {
        values: [
          { month: Date.UTC(2024, 0, 1), n: 3, who: "=HYPERLINK(1)" },
          { month: Date.UTC(2024, 1, 1), n: 4.5, who: "a, b" },
          { month: Date.UTC(2024, 2, 1), n: null },
        ],
      },
    };
    expect(chartDataCsv(spec)).toBe(
      'month,n,who\r\n2024-01-01,3,\'=HYPERLINK(1)\r\n2024-02-01,4.5,"a, b"\r\n2024-03-01,,\r\n',
    );
  });

  it("finds time fields in layers and keeps times of day", () => {
    const spec = {
      layer: [{ encoding: { x: { field: "t", type: "temporal" } } }],
      data: { values: [{ t: Date.UTC(2024, 0, 1, 12, 30) }] },
    };
    expect(chartDataCsv(spec)).toBe("t\r\n2024-01-01 12:30:00\r\n");
  });

  it("says there is nothing to export when the spec has no inline rows", () => {
    expect(chartDataCsv({ mark: "bar" })).toBeNull();
    expect(chartDataCsv({ data: { url: "x.csv" } })).toBeNull();
  });
});

describe("parseReportRows(text)", () => {
  it("takes a whole number of rows", () => {
    expect(parseReportRows(" 25 ")).toEqual({ rows: 25 });
  });

  it("names the bad value otherwise", () => {
    for (const bad of ["0", "-3", "2.5", "abc", "", "1e3", "1000000"]) {
      const parsed = parseReportRows(bad);
      expect("error" in parsed && parsed.error).toContain(`“${bad}”`);
    }
  });
});

describe("reportFileName(notebookFile)", () => {
  it("puts the report beside the notebook's name", () => {
    expect(reportFileName("customer-review.md")).toBe("customer-review.report.html");
    expect(reportFileName("notes.markdown")).toBe("notes.report.html");
    expect(reportFileName(".md")).toBe("notebook.report.html");
  });
});
