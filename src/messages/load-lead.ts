// The engine's "could not be loaded" lead, apart from the engine's catalogue: the page's shell drops it from a
// load error set after its own "Could not load “file”:" without loading that catalogue into the page's entry.
import { aboutFile, type Locale } from "./locale";

/** The words the engine's load error puts between the file's name and the reason, in each locale. */
export const LOAD_LEADS: Readonly<Record<Locale, string>> = { en: "could not be loaded", "zh-CN": "无法加载" };

/**
 * A load error's reason, set after the file's name in a sentence that says it could not be loaded: the name and
 * the engine's lead (in either locale) go, so neither is said twice.
 */
export function loadReason(reason: string, file: string): string {
  const rest = aboutFile(reason, file);
  for (const lead of Object.values(LOAD_LEADS)) {
    for (const colon of [": ", "："]) if (rest.startsWith(lead + colon)) return rest.slice(lead.length + colon.length);
  }
  return rest;
}
