// The import graph of src/ for the architecture rules: specifiers resolved to source files, folders as
// nodes, and the circles (strongly connected components) in either graph.
import { join } from "node:path";

/** A source file (relative to src/) with its import specifiers, relative ones resolved against src/. */
export interface SourceImports {
  readonly file: string;
  readonly imports: readonly string[];
}

/** A graph as adjacency lists: node -> the nodes it imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** The file a specifier names among `known` (as written, `.ts`, or a folder's `index.ts`), if any. */
export function resolveImport(spec: string, known: ReadonlySet<string>): string | undefined {
  return [spec, `${spec}.ts`, join(spec, "index.ts")].find((candidate) => known.has(candidate));
}

/** File -> the src/ files it imports (type-only imports too: they tie the files together all the same). */
export function fileGraph(files: readonly SourceImports[]): ImportGraph {
  const known = new Set(files.map((f) => f.file));
  return new Map(
    files.map((f) => [f.file, [...new Set(f.imports.flatMap((s) => resolveImport(s, known) ?? []))]] as const),
  );
}

/** Folder -> the other folders its files import, with `folderOf` naming a file's folder. */
export function folderGraph(files: ImportGraph, folderOf: (file: string) => string): ImportGraph {
  const edges = new Map<string, Set<string>>();
  for (const [file, targets] of files) {
    const from = folderOf(file);
    const out = edges.get(from) ?? edges.set(from, new Set()).get(from)!;
    for (const target of targets) if (folderOf(target) !== from) out.add(folderOf(target));
  }
  return new Map([...edges].map(([from, to]) => [from, [...to]]));
}

/** Every circle of the graph: its nodes sorted, as one string `a <-> b <-> c`; circles sorted too. */
export function importCircles(graph: ImportGraph): string[] {
  // Tarjan's algorithm: one depth-first pass finds every strongly connected component.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const members: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      members.push(member);
    } while (member !== node);
    if (members.length > 1 || graph.get(node)?.includes(node)) circles.push(members.sort().join(" <-> "));
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return circles.sort();
}
