// The Node engine (CLI, tests, data too big for a browser): native DuckDB in memory through
// @duckdb/node-api, multi-threaded and out-of-core. Loads files straight from disk.
import { DuckDBInstance } from "@duckdb/node-api";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { engineClosed, oneStatement } from "../../messages/engine";
import { readIpc } from "../../table/arrow-ipc";
import type { ResultTable } from "../../table/result";
import { EngineError, type Engine, type FileSource } from "../engine";
import { loadFile, jsonLinesSql, type LoadBackend, type Staged } from "../load/load-file";
import { quoteIdent, quoteString } from "../load/sql";
import { utf8Chunks } from "../load/transcode";
import { engineShell } from "../shell";
import { memoryUse } from "../memory";
import { toResultTable } from "./convert";
import { appendTable } from "./append-table";
import { lockdownStatements, stagingPath, stagingPaths } from "../lockdown";
import { checkStatement } from "../statement-guard";

/** How the native engine is opened. */
export interface NativeEngineOptions {
  /** No lockdown: SQL may read and write any file. Only for trusted scripts and tests, never a notebook. */
  readonly unlocked?: boolean;
  /** DuckDB worker threads (default: one per core), set before the lockdown freezes the configuration. */
  readonly threads?: number;
}

/** Opens an in-memory native DuckDB engine, locked down like the browser's unless `unlocked`. */
export async function nativeEngine(options: NativeEngineOptions = {}): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  // Progress without printing: lets a load report how far DuckDB has read.
  await connection.run("SET enable_progress_bar = true; SET enable_progress_bar_print = false");
  const scratch = (await mkdtemp(join(tmpdir(), "clientbook-"))) + sep;
  // Spill files go to the private directory, not the working directory (DuckDB's default `.tmp`).
  await connection.run(`SET temp_directory = ${quoteString(`${scratch}spill`)}`);
  if (options.threads) await connection.run(`SET threads = ${Math.max(1, Math.floor(options.threads))}`);
  if (!options.unlocked) for (const sql of lockdownStatements(stagingPaths(scratch))) await connection.run(sql);
  let closing: Promise<void> | undefined;
  const shell = engineShell(
    async (sql, params) => toResultTable(await connection.run(sql, params.length ? [...params] : undefined)),
    (e) => /interrupt/i.test(String(e)),
  );
  const run = shell.run;
  const backend = nativeBackend(run, scratch);
  const checked = async (sql: string) => {
    if (options.unlocked) return;
    checkStatement(sql);
    // duckdb-wasm runs one statement per query; here DuckDB would run them all, so count first.
    const count = await connection.extractStatements(sql).then(
      (s) => s.count,
      () => 1,
    );
    if (count > 1) throw new EngineError(oneStatement());
  };

  return {
    query: (sql, params, queryOptions) =>
      shell.next(async () => {
        await checked(sql);
        return run(sql, params);
      }, queryOptions?.signal),
    createAndRead: (sql, params, read, queryOptions) =>
      shell.next(async () => {
        await checked(sql);
        await checked(read);
        const created = await run(sql, params);
        return [created, await run(read)];
      }, queryOptions?.signal),
    loadFile: (source, table, options = {}) =>
      shell.next(async () => {
        const onProgress = options.onProgress;
        // DuckDB reads the file itself; its query progress is the share of the file read so far.
        const timer =
          onProgress &&
          setInterval(() => {
            const { percentage } = connection.progress;
            if (percentage > 0)
              onProgress({
                bytesRead: Math.round((Math.min(percentage, 100) / 100) * source.size),
                totalBytes: source.size,
              });
          }, 100);
        try {
          return await loadFile(backend, source, table, options);
        } finally {
          if (timer) clearInterval(timer);
        }
      }),
    listTables: shell.listTables,
    // Natively DuckDB's own limit is the only one (no 4 GiB address space).
    memory: () => shell.queue(() => memoryUse((sql) => run(sql), Infinity)),
    createTable: (name, data, options) =>
      shell.next(async () => {
        if (shell.closed) throw new EngineError(engineClosed());
        // Arrow bytes (a ts cell's rows) are read back into values: the appender takes values.
        const values = "ipc" in data ? { columns: data.columns, data: readIpc(data.ipc).data } : data;
        await appendTable(connection, run, name, values, `__clientbook_rows_${++staged}`);
      }, options?.signal),
    async cancel(signal) {
      if (shell.cancelled(signal)) connection.interrupt();
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

// Files are staged at the lockdown's exact paths in `scratch`: a file on disk as a symlink (no copy),
// other bytes written there. Loads run one at a time, so a path is free again when its load ends.
function nativeBackend(run: (sql: string) => Promise<ResultTable>, scratch: string): LoadBackend {
  const tempPath = (ext: string) => stagingPath(scratch, ext);
  const removing = (path: string): Staged => ({ path, release: () => rm(path, { force: true }) });
  return {
    exec: (sql) => run(sql),
    memory: () => memoryUse(run, Infinity),
    async stageFile(source: FileSource, ext: string) {
      const path = tempPath(ext);
      await rm(path, { force: true });
      if (source.path) await symlink(resolve(source.path), path);
      else await writeFile(path, await source.read());
      return removing(path);
    },
    async stageUtf8(chunks, ext) {
      const path = tempPath(ext);
      await rm(path, { force: true });
      const out = createWriteStream(path);
      for await (const chunk of chunks)
        if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      return removing(path);
    },
    async loadParquet(source, table) {
      const file = await this.stageFile(source, "parquet");
      try {
        await run(
          `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM read_parquet(${quoteString(file.path)})`,
        );
      } finally {
        await file.release();
      }
    },
    async loadJsonLines(source, plan, table) {
      const file =
        plan.duckdbEncoding === "utf-8"
          ? await this.stageFile(source, "jsonl")
          : await this.stageUtf8(utf8Chunks(source, plan.encoding ?? "utf-8", plan.bom), "jsonl");
      try {
        await run(jsonLinesSql(file.path, table));
      } finally {
        await file.release();
      }
    },
  };
}
