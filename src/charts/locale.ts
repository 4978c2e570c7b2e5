// Charts in the reader's language: number and time locales for Vega built from Intl, month axes written
// the Chinese way (2024年1月), large amounts in 万 / 亿 on Chinese axes, and Chinese default titles (记录数,
// 金额（合计）) where Vega-Lite would write English ones. Pure: the sandbox and the CLI apply it.
import { chartFrameText, type ChartFrameText } from "../messages/chart-frame";

type Spec = Record<string, unknown>;

/** The Vega expression function (registered by whoever draws) that writes a number compactly in a locale. */
export const COMPACT_FORMAT = "clientbookCompact";

/** From this absolute value on, a Chinese quantitative axis counts in 万 / 亿 rather than in grouped digits. */
export const COMPACT_FROM = 100_000;

/** `value` written compactly for `locale` with Intl (zh-CN: 12.35万, 1.2亿; en: 123.46K); not a number as is. */
export function compactNumber(value: unknown, locale: unknown): string {
  if (typeof value === "bigint") value = Number(value);
  if (typeof value !== "number" || !Number.isFinite(value)) return String(value);
  const tag = typeof locale === "string" && locale ? locale : "en-US";
  return new Intl.NumberFormat(tag, { notation: "compact", maximumFractionDigits: 2 }).format(value);
}

/** A d3-format locale definition for Vega (`formatLocale`): the locale's decimal mark and grouping, from Intl. */
export function numberLocale(locale: string): Record<string, unknown> {
  const parts = new Intl.NumberFormat(intlTag(locale)).formatToParts(1234567.5);
  const part = (type: string, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
  const currency = locale.startsWith("zh") ? ["¥", ""] : ["$", ""];
  return { decimal: part("decimal", "."), thousands: part("group", ","), grouping: [3], currency };
}

/** A d3-time-format locale definition for Vega (`timeFormatLocale`): month and day names from Intl. */
export function timeLocale(locale: string): Record<string, unknown> {
  const tag = intlTag(locale);
  const names = (count: number, options: Intl.DateTimeFormatOptions, at: (i: number) => number) => {
    const format = new Intl.DateTimeFormat(tag, { ...options, timeZone: "UTC" });
    return Array.from({ length: count }, (_, i) => format.format(at(i)));
  };
  const month = (i: number) => Date.UTC(2024, i, 1);
  // 2024-01-07 was a Sunday: d3 lists days from Sunday.
  const day = (i: number) => Date.UTC(2024, 0, 7 + i);
  const zh = tag.startsWith("zh");
  return {
    dateTime: zh ? "%Y年%-m月%-d日 %A %X" : "%x, %X",
    date: zh ? "%Y/%-m/%-d" : "%-m/%-d/%Y",
    time: zh ? "%H:%M:%S" : "%-I:%M:%S %p",
    periods: zh ? ["上午", "下午"] : ["AM", "PM"],
    days: names(7, { weekday: "long" }, day),
    shortDays: names(7, { weekday: "short" }, day),
    months: names(12, { month: "long" }, month),
    shortMonths: names(12, { month: "short" }, month),
  };
}

// Chinese axis labels for time units, as Chinese reports write dates (2024年1月, not "1月 2024").
const ZH_TIME_FORMATS: readonly [RegExp, string][] = [
  [/^(utc)?yearmonthdate$/, "%Y年%-m月%-d日"],
  [/^(utc)?yearmonth$/, "%Y年%-m月"],
  [/^(utc)?yearquarter$/, "%Y年第%q季度"],
  [/^(utc)?year$/, "%Y年"],
  [/^(utc)?month$/, "%-m月"],
  [/^(utc)?monthdate$/, "%-m月%-d日"],
];

const isObject = (v: unknown): v is Spec => typeof v === "object" && v !== null && !Array.isArray(v);

// Vega-Lite's time unit parts, in its order; "utcyearmonth" has the parts of "yearmonth".
const TIME_PARTS = /year|quarter|month|week|dayofyear|day|date|hours|minutes|milliseconds|seconds/g;

/** The title Vega-Lite would give an encoding without one (count, aggregate, bin, time unit), in `text`'s language. */
function defaultTitle(def: Spec, text: ChartFrameText): string | undefined {
  if (def.aggregate === "count") return text.countTitle;
  if (typeof def.field !== "string") return undefined;
  if (def.bin !== undefined && def.bin !== false && def.bin !== "binned") return text.binnedTitle(def.field);
  const unit = typeof def.timeUnit === "string" ? def.timeUnit : isObject(def.timeUnit) ? def.timeUnit.unit : "";
  if (typeof unit === "string" && unit && !unit.startsWith("binned")) {
    return text.timeUnitTitle(def.field, unit.replace(/^utc/, "").match(TIME_PARTS) ?? [unit]);
  }
  return typeof def.aggregate === "string" ? text.aggregateTitle(def.aggregate, def.field) : undefined;
}

/**
 * `spec` (data inline) drawn for `locale`: in Chinese, time-unit axes read 2024年1月, a quantitative x or y
 * whose values reach COMPACT_FROM counts in 万 / 亿, unless the spec sets that axis's own format or labels, and
 * an encoding without a title gets Vega-Lite's default title in Chinese.
 */
export function localizeChart(spec: Spec, locale: string): Spec {
  if (!locale.startsWith("zh") || !isObject(spec.encoding)) return spec;
  const values = isObject(spec.data) && Array.isArray(spec.data.values) ? spec.data.values : [];
  const encoding: Spec = { ...spec.encoding };
  const text = chartFrameText(locale);
  for (const [channel, def] of Object.entries(encoding)) {
    const title = isObject(def) && def.title === undefined ? defaultTitle(def, text) : undefined;
    if (title !== undefined) encoding[channel] = { ...(def as Spec), title };
  }
  let compact = false;
  for (const channel of ["x", "y"]) {
    const def = encoding[channel];
    if (!isObject(def) || def.axis === null) continue;
    const axis = isObject(def.axis) ? def.axis : {};
    if (axis.format !== undefined || axis.formatType !== undefined || axis.labelExpr !== undefined) continue;
    const unit = typeof def.timeUnit === "string" ? def.timeUnit : isObject(def.timeUnit) ? def.timeUnit.unit : "";
    const timeFormat = ZH_TIME_FORMATS.find(([pattern]) => pattern.test(String(unit)))?.[1];
    if (timeFormat) encoding[channel] = { ...def, axis: { ...axis, format: timeFormat } };
    else if (def.type === "quantitative" && largest(values, def.field) >= COMPACT_FROM) {
      encoding[channel] = { ...def, axis: { ...axis, format: locale, formatType: COMPACT_FORMAT } };
      compact = true;
    }
  }
  const config = isObject(spec.config) ? spec.config : {};
  return { ...spec, encoding, ...(compact ? { config: { ...config, customFormatTypes: true } } : {}) };
}

function largest(rows: unknown[], field: unknown): number {
  if (typeof field !== "string") return 0;
  let max = 0;
  for (const row of rows) {
    const cell = isObject(row) ? row[field] : undefined;
    const v = typeof cell === "bigint" ? Number(cell) : cell;
    if (typeof v === "number" && Math.abs(v) > max) max = Math.abs(v);
  }
  return max;
}

const intlTag = (locale: string) => (locale === "en" ? "en-US" : locale);
