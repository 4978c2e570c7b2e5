// The UI's modules import each other in one direction only (the workbench, role mappings and gallery
// form once formed a circle), and components read the workbench from context, not from a prop.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const dir = resolve(__dirname, "../../src/ui");
const files = readdirSync(dir).filter((f) => /\.(ts|svelte)$/.test(f));

/** The ui/ files a ui/ file imports (relative, same folder). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(dir, file), "utf8");
  const specs = [...text.matchAll(/from\s*["']\.\/([^"']+)["']|import\s*["']\.\/([^"']+)["']/g)].map((m) => m[1] ?? m[2]);
  return specs.map((s) => files.find((f) => f === s || f === `${s}.ts`)).filter((f): f is string => !!f);
}

describe("ui/ imports", () => {
  it("have no cycles", () => {
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (path.includes(file)) {
        cycles.push([...path.slice(path.indexOf(file)), file].join(" -> "));
        return;
      }
      for (const next of importsOf(file)) visit(next, [...path, file]);
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it("no component takes the workbench as a prop", () => {
    const takesBench = (f: string) => /\bbench\b[^=]*\}\s*=\s*\$props\(\)/.test(readFileSync(join(dir, f), "utf8"));
    const offenders = files.filter((f) => f.endsWith(".svelte") && f !== "App.svelte" && takesBench(f));
    expect(offenders).toEqual([]);
  });
});
