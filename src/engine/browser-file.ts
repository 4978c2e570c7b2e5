// FileSource for a browser File (picker or drop): slices are read on demand, and the File itself is
// handed to duckdb-wasm so big files are read in place, not copied.
import type { FileSource } from "./engine";

/** A FileSource over a browser `File` (or any named Blob). */
export function fileSourceFromFile(file: File): FileSource {
  return {
    name: file.name,
    size: file.size,
    file,
    async read(start = 0, end = file.size) {
      return new Uint8Array(await file.slice(start, end).arrayBuffer());
    },
  };
}
