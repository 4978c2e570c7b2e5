// The bench's table (pure): rows of Clientbook's number beside its peers' and the goal, with the ratio to the
// goal's reference, printed as one Markdown table per section; and the statistics and units the rows use.

/** "median X, p95 Y, max Z, N of M over `limit`" of `times` (ms): the tail a p95 alone hides. */
export const tail = (times: readonly number[], limit = 100) =>
  `${medianP95(times)}, max ${ms(Math.max(...times))}, ${times.filter((t) => t > limit).length} of ${times.length} over ${limit} ms`;

/** A ratio to print: `value / of`, said as "1.23x <label>". */
export interface Ratio {
  readonly value: number;
  readonly of: number;
  readonly label: string;
}

/** One measure: Clientbook's result, each peer's (by column name), the goal and the ratios it is judged by. */
export interface Row {
  readonly measure: string;
  readonly clientbook: string;
  readonly peers?: Readonly<Record<string, string>>;
  readonly goal?: string;
  readonly ratios?: readonly Ratio[];
}

/** A titled group of rows (one bench part's). */
export interface Section {
  readonly title: string;
  readonly rows: readonly Row[];
}

/** The nearest-rank percentile `p` (0-100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The median of `values` (the upper one of an even count). */
export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds as seconds, two decimals: "1.23 s". */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Milliseconds, two decimals under 10: "7.25 ms", "230 ms". */
export const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

/** Bytes as MiB, two decimals. */
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

/** Bytes as KB (1024), no decimals. */
export const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** "median X, p95 Y" of `times` (ms). */
export const medianP95 = (times: readonly number[]) =>
  `median ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`;

/** A ratio as printed: "2.41x native 1T"; "-" when it cannot be taken. */
export function formatRatio({ value, of, label }: Ratio): string {
  if (!Number.isFinite(value) || !Number.isFinite(of) || of <= 0) return "-";
  return `${(value / of).toFixed(2)}x ${label}`;
}

/** One section as a Markdown table: measure, Clientbook, each peer that appears, goal, ratio. */
export function formatSection({ title, rows }: Section): string {
  const peers = [...new Set(rows.flatMap((r) => Object.keys(r.peers ?? {})))];
  const hasGoal = rows.some((r) => r.goal || r.ratios?.length);
  const header = ["measure", "Clientbook", ...peers, ...(hasGoal ? ["goal", "ratio"] : [])];
  const body = rows.map((r) => [
    r.measure,
    r.clientbook,
    ...peers.map((p) => r.peers?.[p] ?? ""),
    ...(hasGoal ? [r.goal ?? "", (r.ratios ?? []).map(formatRatio).join(" / ")] : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => line[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [`## ${title}`, "", line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

/** Every section, blank-line separated; a section without rows is left out. */
export function formatTable(sections: readonly Section[]): string {
  return sections
    .filter((s) => s.rows.length)
    .map(formatSection)
    .join("\n\n");
}
