// The browser side of the UI language: the first visit's pick from the browser's languages, the
// remembered choice (localStorage), its catalogues loaded before it shows, and `<html lang>` following it.
import { LOCALES, getLocale, pickLocale, subscribeLocale } from "../messages/locale";
import type { Locale } from "../messages/locale";
import { useLocale } from "../messages/load-locale";

/** The localStorage key that remembers the chosen UI language. */
export const LANGUAGE_KEY = "clientbook.language";

function remembered(): Locale | undefined {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return LOCALES.find((l) => l === value);
  } catch {
    return undefined; // storage blocked (private mode, sandbox): fall back to the browser's languages
  }
}

/**
 * Sets the locale from the remembered choice or the browser's languages once its catalogues are in (so
 * nothing renders in English first), and keeps `<html lang>` in step; English if they cannot be fetched.
 */
export async function startLanguage(): Promise<void> {
  await useLocale(remembered() ?? pickLocale(navigator.languages ?? [navigator.language])).catch((error: unknown) =>
    console.warn(error),
  );
  document.documentElement.lang = getLocale();
  subscribeLocale((locale) => {
    document.documentElement.lang = locale;
  });
}

/** Switches the UI language once its catalogues are in, and remembers the choice; rejects if they cannot be fetched. */
export async function chooseLanguage(locale: Locale): Promise<void> {
  await useLocale(locale);
  try {
    localStorage.setItem(LANGUAGE_KEY, locale);
  } catch {
    // storage blocked: the switch still applies to this page
  }
}
