// JavaScript's most common errors in a ts cell said in the user's language, with JavaScript's own text kept
// after them (V8's wording); any other error keeps JavaScript's text alone.
import { sessionMessages as m } from "../messages/session";

/** JavaScript's common errors, each a pattern and the message it becomes (from the groups and the whole text). */
const CODE_ERRORS: readonly [RegExp, (raw: string, ...groups: string[]) => string][] = [
  [
    /^TypeError: Cannot read properties of (undefined|null) \(reading '([^']*)'\)$/,
    (raw, what, p) => m.readOfNothing(what, p, raw),
  ],
  [
    /^TypeError: Cannot set properties of (undefined|null) \(setting '([^']*)'\)$/,
    (raw, what, p) => m.writeOfNothing(what, p, raw),
  ],
  [/^TypeError: (\S+) is not a function$/, (raw, expression) => m.notAFunction(expression, raw)],
  [/^TypeError: Assignment to constant variable\.$/, (raw) => m.constAssigned(raw)],
  [/^RangeError: Maximum call stack size exceeded$/, (raw) => m.tooDeep(raw)],
];

/** The message for a ts cell's error `message` (JavaScript's `Name: text`) in the user's language. */
export function codeErrorText(message: string): string {
  for (const [pattern, say] of CODE_ERRORS) {
    const match = pattern.exec(message);
    if (match) return say(message, ...match.slice(1));
  }
  return message;
}
