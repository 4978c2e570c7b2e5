// FileSource for a path on disk (CLI and tests): reads byte ranges without loading the whole file.
import { openSync, readSync, closeSync, statSync } from "node:fs";
import { basename } from "node:path";
import type { FileSource } from "./engine";

/** A FileSource reading the file at `path`; the native engine reads the path directly. */
export function fileSourceFromPath(path: string): FileSource {
  const size = statSync(path).size;
  return {
    name: basename(path),
    size,
    path,
    async read(start = 0, end = size) {
      const from = Math.max(0, start);
      const length = Math.max(0, Math.min(end, size) - from);
      const buffer = new Uint8Array(length);
      const fd = openSync(path, "r");
      try {
        let done = 0;
        while (done < length) {
          const n = readSync(fd, buffer, done, length - done, from + done);
          if (n === 0) break;
          done += n;
        }
        return done === length ? buffer : buffer.subarray(0, done);
      } finally {
        closeSync(fd);
      }
    },
  };
}
