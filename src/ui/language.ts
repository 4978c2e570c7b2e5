// The browser side of the UI language: the first visit's pick from the browser's languages, the
// remembered choice (localStorage), and `<html lang>` following the current locale.
import { LOCALES, getLocale, pickLocale, setLocale, subscribeLocale } from "../messages/locale";
import type { Locale } from "../messages/locale";

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

/** Sets the locale from the remembered choice or the browser's languages, and keeps `<html lang>` in step. */
export function startLanguage(): void {
  setLocale(remembered() ?? pickLocale(navigator.languages ?? [navigator.language]));
  document.documentElement.lang = getLocale();
  subscribeLocale((locale) => {
    document.documentElement.lang = locale;
  });
}

/** Switches the UI language and remembers the choice. */
export function chooseLanguage(locale: Locale): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, locale);
  } catch {
    // storage blocked: the switch still applies to this page
  }
  setLocale(locale);
}
