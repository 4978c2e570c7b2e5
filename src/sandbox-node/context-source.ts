// The script the Node worker runs inside its bare node:vm context, generated when first asked for
// from the one source (context-boot.ts and the code/ modules it imports): each file is read,
// stripped of types by sucrase, and linked by a small loader, so nothing is kept by hand.
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "sucrase";

const srcDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const ENTRY = "sandbox-node/context-boot";

/** Transpiles one module (a path under src/ without extension) and lists the modules it requires. */
function transpile(key: string): { code: string; requires: string[] } {
  const source = readFileSync(join(srcDir, `${key}.ts`), "utf8");
  const requires: string[] = [];
  // Type-only imports are dropped by sucrase; the others become require() calls, renamed to src/ keys.
  const code = transform(source, { transforms: ["typescript", "imports"], filePath: `${key}.ts` }).code.replace(
    /require\((['"])(\.[^'"]+)\1\)/g,
    (_, _q: string, spec: string) => {
      const target = relative(srcDir, join(srcDir, dirname(key), spec))
        .split("\\")
        .join("/");
      requires.push(target);
      return `require(${JSON.stringify(target)})`;
    },
  );
  return { code, requires };
}

let cached: string | undefined;

/**
 * The context script: evaluates to `bootContext(post, call, libNames)` of context-boot.ts, with
 * code/scope.ts linked in. Generated once per process from the TypeScript sources.
 */
export function contextSource(): string {
  if (cached) return cached;
  const modules = new Map<string, string>();
  const visit = (key: string) => {
    if (modules.has(key)) return;
    const { code, requires } = transpile(key);
    modules.set(key, code);
    requires.forEach(visit);
  };
  visit(ENTRY);
  const factories = [...modules].map(
    ([key, code]) => `${JSON.stringify(key)}: function (exports, require) {\n${code}\n}`,
  );
  cached = `(function () {
  "use strict";
  const factories = { ${factories.join(",\n")} };
  const cache = Object.create(null);
  const load = (key) => {
    if (!cache[key]) {
      cache[key] = {};
      factories[key](cache[key], load);
    }
    return cache[key];
  };
  return load(${JSON.stringify(ENTRY)}).bootContext;
})()`;
  return cached;
}
