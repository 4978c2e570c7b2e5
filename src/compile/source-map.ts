// Maps a position in transpiled code back to the TypeScript source through sucrase's source map
// (sucrase keeps lines but not columns: removed type annotations shift what follows on a line).

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decodes a source map's `mappings` into, per generated line, segments [generated column, source line, source column] (0-based). */
export function decodeMappings(mappings: string): [number, number, number][][] {
  const lines: [number, number, number][][] = [];
  let srcLine = 0;
  let srcCol = 0;
  for (const line of mappings.split(";")) {
    const segments: [number, number, number][] = [];
    let genCol = 0;
    for (const segment of line.split(",")) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      genCol += values[0] ?? 0;
      if (values.length >= 4) {
        srcLine += values[2];
        srcCol += values[3];
        segments.push([genCol, srcLine, srcCol]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** The 1-based source position of 1-based generated `line`/`column`, or the same position when the map has nothing for it. */
export function originalPosition(
  mappings: string | undefined,
  line: number,
  column: number,
): { line: number; column: number } {
  if (!mappings) return { line, column };
  const segments = decodeMappings(mappings)[line - 1];
  if (!segments?.length) return { line, column };
  let best = segments[0];
  for (const s of segments) if (s[0] <= column - 1) best = s;
  if (best[0] > column - 1) return { line, column };
  return { line: best[1] + 1, column: best[2] + (column - 1 - best[0]) + 1 };
}
