// The UI language: which locales exist, which one is current (with subscribers), catalogues that read
// the current locale's wording (other locales' catalogues added when loaded: see ./load-locale.ts), and
// the Intl formatting of counts, numbers, bytes, durations and dates.

/** The locales Clientbook speaks. */
export const LOCALES = ["en", "zh-CN"] as const;

/** One supported locale. */
export type Locale = (typeof LOCALES)[number];

/** The name of each locale in its own language, for the language switch. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: "English", "zh-CN": "中文" };

/** A translation of `T`: the same keys, recursively, and functions with the same signature. */
export type Catalogue<T> = T extends (...args: infer A) => infer R
  ? (...args: A) => R
  : T extends string
    ? string
    : T extends readonly (infer E)[]
      ? readonly Catalogue<E>[]
      : { readonly [K in keyof T]: Catalogue<T[K]> };

let current: Locale = "en";
const listeners = new Set<(locale: Locale) => void>();

/** The current locale. */
export function getLocale(): Locale {
  return current;
}

/** Makes `locale` current and tells every subscriber; its catalogues must be in (`loadLocale`). */
export function setLocale(locale: Locale): void {
  if (!isLoaded(locale)) throw new Error(`The ${locale} catalogues are not loaded: await loadLocale first.`);
  if (locale === current) return;
  current = locale;
  for (const listener of listeners) listener(locale);
}

/** Calls `listener` on every locale change; returns the unsubscribe function. */
export function subscribeLocale(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The supported locale closest to a list of BCP 47 tags (browser languages, LANG), English if none. */
export function pickLocale(tags: readonly string[]): Locale {
  for (const tag of tags) {
    const lower = tag.toLowerCase().replace(/_/g, "-");
    if (lower.startsWith("zh")) return "zh-CN";
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}

/** Every catalogue set made with `localized` or `localizedFunctions`, for the tests that compare them. */
export const registeredCatalogues: { en: object; others: Partial<Record<Locale, unknown>> }[] = [];

/** The catalogues of each loaded locale by name (the name each `localized` call gives), as `addCatalogues` got them. */
const added: Partial<Record<Locale, Readonly<Record<string, unknown>>>> = {};
/** The registered catalogue sets waiting for a named catalogue of a locale not loaded yet. */
const named: { name: string; others: Partial<Record<Locale, unknown>> }[] = [];

/** Adds a locale's catalogues, by the names their `localized` calls give; the locale can then be made current. */
export function addCatalogues(locale: Locale, catalogues: Readonly<Record<string, unknown>>): void {
  added[locale] = catalogues;
  for (const entry of named) entry.others[locale] = catalogues[entry.name];
}

/** Whether `locale`'s catalogues are in (English always is). */
export function isLoaded(locale: Locale): boolean {
  return locale === "en" || added[locale] !== undefined;
}

/**
 * An object whose property reads go to the current locale's catalogue (English where none is given).
 * `others` gives the other locales' catalogues, or names them: loaded later, by `addCatalogues`.
 */
export function localized<T extends object>(en: T, others: Partial<Record<Locale, Catalogue<T>>> | string): T {
  const entry = { en, others: typeof others === "string" ? {} : (others as Partial<Record<Locale, unknown>>) };
  if (typeof others === "string") {
    named.push({ name: others, others: entry.others });
    for (const [locale, catalogues] of Object.entries(added)) entry.others[locale as Locale] = catalogues?.[others];
  }
  registeredCatalogues.push(entry);
  return new Proxy(en, {
    get: (target, key) => Reflect.get((current === "en" ? target : (entry.others[current] ?? target)) as T, key),
  });
}

/** Functions that each call the current locale's function of the same name. */
export function localizedFunctions<T extends Record<string, (...args: never[]) => string>>(
  en: T,
  others: Partial<Record<Locale, Catalogue<T>>> | string,
): T {
  const table = localized(en, others); // registers the catalogues too
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(en)) {
    out[key] = (...args: never[]) => (table[key] as (...a: never[]) => string)(...args);
  }
  return out as T;
}

/** The locale's tag for `Intl`. */
const intlTag = (locale: Locale) => (locale === "en" ? "en-US" : locale);

/** A reason set inside a sentence: its own closing stop goes (the sentence ends with one already). */
export function clause(reason: string): string {
  return reason.replace(/[.。]+\s*$/u, "");
}

/** A reason given after the file's name already: a leading "file: " (the engine's CLI wording) goes. */
export function aboutFile(reason: string, file: string): string {
  return reason.startsWith(`${file}: `) || reason.startsWith(`${file}：`)
    ? reason.slice(file.length + 1).trimStart()
    : reason;
}

// Intl formatters are costly to make (a cell's timing is formatted on every run, a table's counts on every
// render): one per locale and options, made once.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function made<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(
  kind: string,
  locale: Locale,
  options: object,
  make: (tag: string) => T,
): T {
  const key = `${kind} ${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make(intlTag(locale))));
  return formatter;
}
const numberFormat = (locale: Locale, options: Intl.NumberFormatOptions) =>
  made("number", locale, options, (tag) => new Intl.NumberFormat(tag, options));
const dateFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
  made("date", locale, options, (tag) => new Intl.DateTimeFormat(tag, options));

/** A whole count with the locale's grouping, e.g. 12,345. */
export function formatCount(n: number, locale: Locale = current): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** A number with at most `decimals` decimals, grouped per locale. */
export function formatNumber(n: number, decimals = 2, locale: Locale = current): string {
  return numberFormat(locale, { maximumFractionDigits: decimals }).format(n);
}

/** The plural category of `n` in the locale ("one", "other", ...). */
export function pluralOf(n: number, locale: Locale = current): Intl.LDMLPluralRule {
  return made("plural", locale, {}, (tag) => new Intl.PluralRules(tag)).select(n);
}

/** `one` when the plural rule for `n` is "one", else `other` (English rules unless told: the English catalogue uses it). */
export function plural(n: number, one: string, other: string, locale: Locale = "en"): string {
  return pluralOf(n, locale) === "one" ? one : other;
}

const BYTE_UNITS = ["B", "KB", "MB", "GB"] as const;

/** A size in bytes (binary steps), its number grouped per locale, e.g. 1.5 MB. */
export function formatBytes(n: number, locale: Locale = current): string {
  let unit = 0;
  let value = n;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : unit === 3 ? 2 : 1;
  const number = numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${number.format(value)} ${BYTE_UNITS[unit]}`;
}

const DURATION_UNITS: Readonly<Record<Locale, readonly [string, string]>> = {
  en: [" ms", " s"],
  "zh-CN": [" 毫秒", " 秒"],
};

/** A duration: whole milliseconds under a second, else seconds with one decimal. */
export function formatDuration(ms: number, locale: Locale = current): string {
  const [msUnit, sUnit] = DURATION_UNITS[locale];
  if (ms < 1000) return `${formatCount(Math.round(ms), locale)}${msUnit}`;
  const number = numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${number.format(ms / 1000)}${sUnit}`;
}

/** A calendar date in the locale's long form (UTC), e.g. Jan 5, 2024 / 2024年1月5日. */
export function formatDate(date: Date, locale: Locale = current): string {
  return dateFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(date);
}

/** A month of a year (UTC), e.g. Jan 2024 / 2024年1月. */
export function formatMonth(date: Date, locale: Locale = current): string {
  return dateFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }).format(date);
}

/** A day and a time of day in the user's time zone (24-hour), e.g. Jan 5, 14:03 / 1月5日 14:03. */
export function formatDateTime(date: Date, locale: Locale = current): string {
  return dateFormat(locale, {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
}
