// The report's stylesheet: inline (the report loads nothing), readable on screen and on paper.

/** The CSS put into the report's <style> element. */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei",
  "Noto Sans CJK SC", sans-serif;
  color: #1d2430; background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
header { border-bottom: 2px solid #1d2430; margin-bottom: 1.5rem; }
header h1 { margin: 0 0 .25rem; font-size: 1.8rem; }
header p { margin: .25rem 0; color: #4a5568; font-size: .9rem; }
section.cell { margin: 1.25rem 0; break-inside: avoid-page; }
h2.cell-name { font-size: .85rem; font-family: ui-monospace, Menlo, Consolas, monospace; color: #4a5568;
  margin: 0 0 .4rem; }
.table { overflow-x: auto; }
table { border-collapse: collapse; font-size: .85rem; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #d8dee6; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #8a94a3; background: #f4f6f8; }
td.num, th.num { text-align: right; }
td.null { color: #8a94a3; font-style: italic; }
p.note { color: #4a5568; font-size: .8rem; margin: .3rem 0; }
figure { margin: 0; }
figure svg { max-width: 100%; height: auto; }
pre { background: #f4f6f8; padding: .6rem .8rem; overflow-x: auto; font-size: .8rem; border-radius: 4px; }
details.source summary { color: #4a5568; font-size: .8rem; cursor: pointer; }
.error { color: #9b1c1c; border-left: 3px solid #9b1c1c; padding-left: .6rem; white-space: pre-wrap; }
.value { font-family: ui-monospace, Menlo, Consolas, monospace; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  pre, .table { overflow: visible; white-space: pre-wrap; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  a { color: inherit; }
  details.source > *:not(summary) { display: block; }
}
`;
