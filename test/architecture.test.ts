// Enforces the import rules of the architecture, so the layering stays true as the code grows.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { fileGraph, folderGraph, importCircles } from "./import-graph";

const root = resolve(__dirname, "..");
const src = join(root, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(entry) ? [path] : [];
  });
}

/** Every import specifier of a file, resolved to a path relative to src/ when it is relative. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
  return specs.map((s) => (s.startsWith(".") ? relative(src, resolve(dirname(file), s)) : s));
}

const files = sourceFiles(src).map((file) => ({ file: relative(src, file), imports: importsOf(file) }));
const area = (path: string) => path.split(/[\\/]/)[0];
const isDuckDb = (spec: string) => spec.startsWith("@duckdb/");

describe("architecture import rules", () => {
  it("finds the source tree", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("only ui/ imports svelte", () => {
    const offenders = files.filter(
      (f) =>
        area(f.file) !== "ui" &&
        f.file !== "main.ts" &&
        f.imports.some((s) => s === "svelte" || s.startsWith("svelte/")),
    );
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  it("nothing but main.ts imports ui/", () => {
    const offenders = files.filter(
      (f) => area(f.file) !== "ui" && f.file !== "main.ts" && f.imports.some((s) => area(s) === "ui"),
    );
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  it("only engine/ imports DuckDB packages", () => {
    const offenders = files.filter((f) => area(f.file) !== "engine" && f.imports.some(isDuckDb));
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  it("only main.ts and cli/ choose an engine implementation", () => {
    const chooses = (s: string) => area(s) === "engine" && !/engine[\\/](engine|table-name)$/.test(s);
    const offenders = files.filter(
      (f) => !["engine", "cli"].includes(area(f.file)) && f.file !== "main.ts" && f.imports.some(chooses),
    );
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  it("runtime/, graph/, compile/ and notebook/ stay pure (no engine, UI, DOM libraries)", () => {
    const pure = ["runtime", "graph", "notebook", "compile"];
    const banned = (s: string) =>
      ["engine", "ui", "session", "cli", "sandbox"].includes(area(s)) ||
      isDuckDb(s) ||
      s.startsWith("vega") ||
      s === "svelte";
    const offenders = files.filter((f) => pure.includes(area(f.file)) && f.imports.some(banned));
    expect(offenders.map((f) => `${f.file}: ${f.imports.filter(banned).join(", ")}`)).toEqual([]);
  });

  it("only cli/ runs code in Node (sandbox-node/), and sandbox-node/ reaches only code/, models and messages", () => {
    const users = files.filter(
      (f) => !["cli", "sandbox-node"].includes(area(f.file)) && f.imports.some((s) => area(s) === "sandbox-node"),
    );
    expect(users.map((f) => f.file)).toEqual([]);
    const allowed = (s: string) =>
      s.startsWith("node:") ||
      s === "sucrase" ||
      ["sandbox-node", "code", "messages", "table"].includes(area(s)) ||
      /^recipes[\\/]models/.test(s);
    const offenders = files.filter((f) => area(f.file) === "sandbox-node" && !f.imports.every(allowed));
    expect(offenders.map((f) => `${f.file}: ${f.imports.filter((s) => !allowed(s)).join(", ")}`)).toEqual([]);
  });

  it("code/ (the TypeScript-cell scope both runners use) imports no DOM, Svelte, engine or session code", () => {
    const allowed = (s: string) => ["code", "table", "messages"].includes(area(s)) || s === "apache-arrow";
    const offenders = files.filter((f) => area(f.file) === "code" && !f.imports.every(allowed));
    expect(offenders.map((f) => `${f.file}: ${f.imports.filter((s) => !allowed(s)).join(", ")}`)).toEqual([]);
    const usesDom = (file: string) => /\b(document|window)\./.test(readFileSync(join(src, file), "utf8"));
    const dom = files.filter((f) => area(f.file) === "code" && usesDom(f.file));
    expect(dom.map((f) => f.file)).toEqual([]);
    expect(files.filter((f) => area(f.file) === "code").length).toBeGreaterThan(3);
  });

  it("runtime/ knows nothing of SQL", () => {
    const offenders = files.filter(
      (f) => area(f.file) === "runtime" && /\b(SELECT|CREATE TABLE)\b/.test(readFileSync(join(src, f.file), "utf8")),
    );
    expect(offenders.map((f) => f.file)).toEqual([]);
  });
});

describe("architecture import graph", () => {
  const graph = fileGraph(files);

  it("has no import circle between the folders of src/", () => {
    expect(importCircles(folderGraph(graph, area))).toEqual([]);
  });

  it("has no import circle between files", () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it("passes the workbench to components through context, never as a prop", () => {
    const takesBench = (f: string) => /\bbench\b[^=]*\}\s*=\s*\$props\(\)/.test(readFileSync(join(src, f), "utf8"));
    // App is the root: main.ts hands it the workbench (through Root, which re-renders it per language).
    const roots = ["ui/App.svelte", "ui/Root.svelte"];
    const offenders = files.filter((f) => f.file.endsWith(".svelte") && !roots.includes(f.file) && takesBench(f.file));
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  it("messages/ imports nothing outside itself (every area may use it)", () => {
    const offenders = files.filter((f) => area(f.file) === "messages" && f.imports.some((s) => area(s) !== "messages"));
    expect(offenders.map((f) => `${f.file}: ${f.imports.join(", ")}`)).toEqual([]);
  });

  it("recipes/ does not import session/ (the session runs recipes' cells, not the other way round)", () => {
    const offenders = files.filter((f) => area(f.file) === "recipes" && f.imports.some((s) => area(s) === "session"));
    expect(offenders.map((f) => f.file)).toEqual([]);
  });
});
