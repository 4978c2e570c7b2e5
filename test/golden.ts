// Golden files: a test's output compared with a file checked in under test/**/golden/, so any change to
// what a compiler or recipe produces shows up as a diff to review. After a deliberate change, rewrite
// them and review the diff before committing:
//   UPDATE_GOLDEN=1 npx vitest run test/compile/golden.test.ts test/recipes/golden.test.ts
import { expect } from "vitest";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(__dirname, "..");
const updating = process.env.UPDATE_GOLDEN === "1";
const hint = "(after a deliberate change: UPDATE_GOLDEN=1 npx vitest run <this test file>, then review the diff)";

/** A value as golden JSON text: two-space indents and a final line break. */
export function goldenJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Expects `actual` to be the golden file's text; with UPDATE_GOLDEN=1 writes it there instead. */
export function expectGolden(path: string, actual: string): void {
  const name = relative(root, path);
  if (updating) {
    mkdirSync(dirname(path), { recursive: true });
    if (!existsSync(path) || readFileSync(path, "utf8") !== actual) writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `${name} is missing ${hint}`).toBe(true);
  expect(actual, `${name} differs ${hint}`).toBe(readFileSync(path, "utf8"));
}

/** Expects `dir` to hold only the `expected` file names; with UPDATE_GOLDEN=1 deletes the others. */
export function expectOnlyGolden(dir: string, expected: readonly string[]): void {
  const stray = readdirSync(dir).filter((file) => !expected.includes(file));
  if (updating) for (const file of stray) rmSync(join(dir, file));
  else expect(stray, `${relative(root, dir)} has files no case writes ${hint}`).toEqual([]);
}
