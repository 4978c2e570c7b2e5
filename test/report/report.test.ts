import { describe, expect, it } from "vitest";
import { renderReport, REPORT_CSP, type ReportCell, type ReportInput } from "../../src/report/render";
import { renderReportMarkdown } from "../../src/report/markdown";
import { sanitizeSvg, SvgError } from "../../src/report/svg";
import { tableFromColumns, kindOfType } from "../../src/table/result";
import { chartToSvg } from "../../src/cli/chart-svg";

const col = (name: string, type: string) => ({ name, type, kind: kindOfType(type) });
const table = tableFromColumns(
  [
    col("customer", "VARCHAR"),
    col("revenue", "DECIMAL(18,2)"),
    col("share", "DOUBLE"),
    col("first", "DATE"),
    col("n", "BIGINT"),
  ],
  [
    ["Müller & Söhne", "北京客户", null],
    [1234.5, 99, null],
    [0.123456, 0.5, 1],
    [Date.UTC(2024, 0, 31), null, Date.UTC(2023, 11, 1)],
    [1200000, 3, 4],
  ],
);

const base: ReportInput = {
  title: "Q4 <review>",
  date: new Date("2026-12-06T10:00:00Z"),
  lang: "en",
  showCode: false,
  rows: 2,
  cells: [],
};
const report = (cells: ReportCell[], extra: Partial<ReportInput> = {}) => renderReport({ ...base, ...extra, cells });

describe("report prose (Markdown without a DOM)", () => {
  it("shows raw HTML as text: no element, script or handler gets through", () => {
    const html = renderReportMarkdown(
      'Hi <b onclick="x()">there</b>\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n',
    );
    expect(html).not.toMatch(/<(b|script|img)\b/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("keeps http(s) links with rel=noreferrer and turns any other link into its text", () => {
    const html = renderReportMarkdown(
      "[site](https://example.org/a) [bad](javascript:alert(1)) [mail](mailto:a@b.c) [rel](other.html)",
    );
    expect(html).toContain('<a href="https://example.org/a" rel="noreferrer noopener">site</a>');
    expect(html).not.toMatch(/javascript:|mailto:|other\.html/);
    expect(html).toMatch(/bad.*mail.*rel/);
  });

  it("keeps data: images only; any other image becomes its alt text", () => {
    const html = renderReportMarkdown(
      "![logo](https://example.org/l.png) ![dot](data:image/png;base64,iVBORw0KGgo=) ![s](data:image/svg+xml,<svg/>)",
    );
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">');
    expect(html.match(/<img/g)).toHaveLength(1);
    expect(html).toMatch(/logo.*s/);
  });
});

describe("chart SVG check", () => {
  it("keeps Vega's own SVG drawing, prefixing ids and their references", async () => {
    const values = [
      { a: "A", b: 3 },
      { a: "B", b: 5 },
    ];
    const svg = await chartToSvg({
      mark: "bar",
      data: { values },
      encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } },
    });
    const clean = sanitizeSvg(svg, "c1-");
    expect(clean.startsWith("<svg")).toBe(true);
    expect(clean.match(/<path/g)?.length).toBe(svg.match(/<path/g)?.length);
    expect(clean).toContain(">A</text>");
    const clips = svg.match(/url\(#[^)]+\)/g) ?? [];
    for (const ref of clean.match(/url\(#[^)]+\)/g) ?? []) expect(ref.startsWith("url(#c1-")).toBe(true);
    expect((clean.match(/url\(#/g) ?? []).length).toBe(clips.length);
  });

  it("drops scripts, foreignObject, images, styles, handlers and outside references", () => {
    const hostile =
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script>' +
      '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>' +
      '<image href="https://evil.example/p.png"/><style>@import url(https://evil.example/s.css);</style>' +
      '<a href="https://evil.example"><text>link</text></a>' +
      '<rect fill="url(https://evil.example/f#x)" style="background:url(https://evil.example)" width="5" height="5"/>' +
      '<use href="https://evil.example/s.svg#a"/><set attributeName="href" to="javascript:alert(3)"/>' +
      '<text x="1" onclick="alert(4)">ok &amp; fine</text></svg>';
    const clean = sanitizeSvg(hostile, "p-");
    expect(clean).not.toMatch(/script|foreignObject|image|style|onload|onclick|evil|javascript|<a\b|<use|<set|alert/i);
    expect(clean).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/><text x="1">ok &amp; fine</text></svg>',
    );
  });

  it("refuses what is not an SVG, or a cut one", () => {
    expect(() => sanitizeSvg("<div>x</div>", "p-")).toThrow(SvgError);
    expect(() => sanitizeSvg('<svg><g><rect width="1"', "p-")).toThrow(SvgError);
    expect(() => sanitizeSvg("<svg><g></svg>", "p-")).toThrow(SvgError);
  });
});

describe("renderReport", () => {
  it("is one inert HTML document: the CSP meta, no script, the title escaped, the date", () => {
    const html = report([{ kind: "markdown", text: "# Findings\n\nRevenue **grew**." }]);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).not.toMatch(/<script|<link|<iframe|\son\w+=/i);
    expect(html).toContain("<title>Q4 &lt;review&gt;</title>");
    expect(html).toContain("2026-12-06");
    expect(html).toContain("<strong>grew</strong>");
    expect(html).toMatch(/@media print/);
  });

  it("shows the first N rows, numbers formatted alike down each column, dates and nulls", () => {
    const html = report([{ kind: "table", label: "customers", table, totalRows: 3 }]);
    expect(html).toContain("Müller &amp; Söhne");
    expect(html).toContain("北京客户");
    expect(html).not.toContain("1,200,000.00");
    expect(html).toMatch(
      /<td class="num">1,234\.50<\/td><td class="num">0\.12<\/td><td>2024-01-31<\/td><td class="num">1,200,000<\/td>/,
    );
    expect(html).toMatch(/<td class="num">99\.00<\/td><td class="num">0\.50<\/td><td class="null">null<\/td>/);
    expect(html).toContain("First 2 of 3 rows.");
    expect(html.match(/<tr>/g)).toHaveLength(3);
  });

  it("writes zh-CN: the lang attribute, the sentences and the number format", () => {
    const html = report([{ kind: "table", label: "客户", table, totalRows: 3 }], { lang: "zh-CN", title: undefined });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("显示前 2 行，共 3 行。");
    expect(html).toContain("<title>未命名笔记本</title>");
    expect(html).toContain("报告由 Clientbook 于 2026-12-06 生成。");
    expect(html).toMatch(/<td class="null">空<\/td>/);
  });

  it("hides code by default and shows it, escaped, when asked", () => {
    const cells: ReportCell[] = [
      { kind: "table", label: "t", source: "SELECT '<b>' AS x", table, totalRows: 3 },
      { kind: "code", language: "python", source: "print('<hi>')" },
    ];
    const hidden = report(cells);
    expect(hidden).not.toMatch(/SELECT|print\(/);
    const shown = report(cells, { showCode: true });
    expect(shown).toContain("SELECT &#39;&lt;b&gt;&#39; AS x");
    expect(shown).toContain("print(&#39;&lt;hi&gt;&#39;)");
  });

  it("says so for a failed cell, a cell that did not run and a chart whose SVG is refused", () => {
    const html = report([
      { kind: "error", label: "bad", message: 'Column "x" <not found>' },
      { kind: "not-run", label: "later" },
      { kind: "chart", label: "c", svg: "<svg><script>" },
      { kind: "chart", label: "d" },
    ]);
    expect(html).toContain("bad failed:\nColumn &quot;x&quot; &lt;not found&gt;");
    expect(html).toContain("later has no result (it did not run).");
    expect(html).toContain("The chart c could not be drawn.");
    expect(html).toContain("The chart d could not be drawn.");
    expect(html).not.toContain("<script");
  });
});
