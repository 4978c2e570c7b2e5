// The command line's language: `--lang` when given (and valid), else the environment's locale
// (LC_ALL, LC_MESSAGES, LANG, as POSIX orders them), else English.
import { LOCALES, pickLocale } from "../messages/locale";
import type { Locale } from "../messages/locale";

/** The locale the runner speaks for `argv` in `env`; a bad `--lang` value is left to parseArgs to report. */
export function cliLocale(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const given = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined;
    const locale = LOCALES.find((l) => l === given);
    if (locale) return locale;
  }
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return tag ? pickLocale([tag]) : "en";
}
