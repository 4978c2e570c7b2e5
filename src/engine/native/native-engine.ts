// The Node engine (CLI, tests, data too big for a browser): native DuckDB in memory through
// @duckdb/node-api, multi-threaded and out-of-core. Loads files straight from disk.
import { DuckDBInstance } from "@duckdb/node-api";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { engineClosed } from "../../messages/engine";
import type { ResultTable } from "../../table/result";
import { EngineError, type Engine, type FileSource } from "../engine";
import { loadFile, jsonLinesSql, type LoadBackend, type Staged } from "../load/load-file";
import { quoteIdent, quoteString } from "../load/sql";
import { utf8Chunks } from "../load/transcode";
import { engineShell } from "../shell";
import { toResultTable } from "./convert";
import { appendTable } from "./append-table";

/** Opens an in-memory native DuckDB engine. */
export async function nativeEngine(): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  // Progress without printing: lets a load report how far DuckDB has read.
  await connection.run("SET enable_progress_bar = true; SET enable_progress_bar_print = false");
  const scratch = await mkdtemp(join(tmpdir(), "clientbook-"));
  let closing: Promise<void> | undefined;
  const shell = engineShell(
    async (sql, params) => toResultTable(await connection.run(sql, params.length ? [...params] : undefined)),
    (e) => /interrupt/i.test(String(e)),
  );
  const run = shell.run;
  const backend = nativeBackend(run, scratch);

  return {
    query: shell.query,
    loadFile: (source, table, options = {}) =>
      shell.next(async () => {
        const onProgress = options.onProgress;
        // DuckDB reads the file itself; its query progress is the share of the file read so far.
        const timer = onProgress && setInterval(() => {
          const { percentage } = connection.progress;
          if (percentage > 0) onProgress({ bytesRead: Math.round((Math.min(percentage, 100) / 100) * source.size), totalBytes: source.size });
        }, 100);
        try {
          return await loadFile(backend, source, table, options);
        } finally {
          if (timer) clearInterval(timer);
        }
      }),
    listTables: shell.listTables,
    createTable: (name, data) =>
      shell.next(async () => {
        if (shell.closed) throw new EngineError(engineClosed());
        await appendTable(connection, run, name, data, `__clientbook_rows_${++staged}`);
      }),
    async cancel() {
      shell.cancelled();
      connection.interrupt();
    },
    close() {
      // Closing under a running query crashes the native library: stop it, then close in turn.
      closing ??= (async () => {
        connection.interrupt();
        await shell.queue(async () => {
          shell.close();
          connection.closeSync();
          instance.closeSync();
        });
        await rm(scratch, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

let staged = 0;

function nativeBackend(run: (sql: string) => Promise<ResultTable>, scratch: string): LoadBackend {
  const tempPath = (ext: string) => join(scratch, `${++staged}.${ext || "dat"}`);
  const removing = (path: string): Staged => ({ path, release: () => rm(path, { force: true }) });
  return {
    exec: (sql) => run(sql),
    async stageFile(source: FileSource, ext: string) {
      if (source.path) return { path: source.path, release: async () => {} };
      const path = tempPath(ext);
      await writeFile(path, await source.read());
      return removing(path);
    },
    async stageUtf8(chunks, ext) {
      const path = tempPath(ext);
      const out = createWriteStream(path);
      for await (const chunk of chunks) if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      return removing(path);
    },
    async loadParquet(source, table) {
      const file = await this.stageFile(source, "parquet");
      try {
        await run(`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM read_parquet(${quoteString(file.path)})`);
      } finally {
        await file.release();
      }
    },
    async loadJsonLines(source, plan, table) {
      const file =
        plan.duckdbEncoding === "utf-8" ? await this.stageFile(source, "jsonl") : await this.stageUtf8(utf8Chunks(source, plan.encoding ?? "utf-8", plan.bom), "jsonl");
      try {
        await run(jsonLinesSql(file.path, table));
      } finally {
        await file.release();
      }
    },
  };
}
