// Loads a locale's catalogues when it is chosen: the Chinese ones are a chunk of their own, so a page in
// English never downloads them (and a page in Chinese waits for them before it renders a word).
import { addCatalogues, isLoaded, setLocale, type Locale } from "./locale";

/** Where each locale other than English gets its catalogues (by the names `localized` calls give). */
const LOADERS: Readonly<Record<Exclude<Locale, "en">, () => Promise<Readonly<Record<string, unknown>>>>> = {
  "zh-CN": () => import("./zh-CN/catalogues").then((module) => module.zhCatalogues),
};

/** Loads `locale`'s catalogues unless they are in; rejects when they cannot be fetched. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === "en" || isLoaded(locale)) return;
  addCatalogues(locale, await LOADERS[locale]());
}

/** Loads `locale`'s catalogues, then makes it current (nothing changes when the load fails). */
export async function useLocale(locale: Locale): Promise<void> {
  await loadLocale(locale);
  setLocale(locale);
}
