// The duckdb-wasm engine on an instantiated AsyncDuckDB: open with numbers for BIGINT/DECIMAL,
// lock down, then queries (cancellable, streamed as Arrow) and loads. Browser and Node tests share it.
import { DuckDBDataProtocol, type AsyncDuckDB, type AsyncDuckDBConnection } from "@duckdb/duckdb-wasm";
import { badJsonLine, oneStatement } from "../../messages/engine";
import type { ResultTable, Value } from "../../table/result";
import { EngineError, type Engine, type FileSource, type QueryOptions } from "../engine";
import { toEngineError } from "../errors";
import { loadFile, type LoadBackend, type Staged } from "../load/load-file";
import { quoteIdent } from "../load/sql";
import { concatChunks, utf8Chunks } from "../load/transcode";
import { engineShell } from "../shell";
import { memoryUse } from "../memory";
import type { Exec } from "../profile";
import { toResultTable, type ArrowBatch } from "./arrow-result";
import { dataDirectory, lockdownStatements, stagingPath, stagingPaths } from "../lockdown";
import { checkStatement } from "../statement-guard";
import type { ParquetBatch } from "./parquet";
import { dataTypeOf } from "../table-data";
import { typedPlaceholders } from "./placeholders";
import { statementMemory, type Statements } from "./statements";
import { mayHoldMany } from "./statement-breaks";
import { WARM_UP_SQL } from "./warm-up";

/** How the engine runs in its host. */
export interface WasmEngineOptions {
  /** Extension repository URL on the app's own origin (set before the lock, so nothing is fetched elsewhere). */
  readonly extensionRepository: string;
  /** Register browser Files with FileReader access (no copy); false where the worker has no FileReaderSync (Node). */
  readonly fileHandles: boolean;
  /** Decodes Parquet (in a Worker in the browser); by default hyparquet on this thread, loaded when needed. */
  readonly parquetBatches?: (source: FileSource) => AsyncIterable<ParquetBatch>;
  /** DuckDB's thread count (threaded bundle only; set at open, before the lock). */
  readonly maximumThreads?: number;
}

/** Opens `db` (already instantiated), locks it down and wraps it as an Engine, with DuckDB's thread count. */
export async function engineOnDuckDB(
  db: AsyncDuckDB,
  options: WasmEngineOptions,
): Promise<Engine & { readonly threads: number }> {
  const threadOption = options.maximumThreads ? { maximumThreads: options.maximumThreads } : {};
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true }, ...threadOption });
  const conn = await db.connect();
  for (const sql of lockdownStatements(stagingPaths(dataDirectory), options.extensionRepository)) await conn.query(sql);
  // Read here, not through the engine: a settings read leaves the database untouched (below).
  const threads = Number((await conn.query("SELECT current_setting('threads') AS threads")).getChildAt(0)?.get(0));
  const statements = statementMemory(conn);
  const shell = engineShell((sql, params, queryOptions) => readAll(conn, statements, sql, params, queryOptions));
  const run = shell.run;
  // The loader's and the data panel's SQL: no parameters, and `quick` for catalog reads (one round trip).
  const exec: Exec = (sql, queryOptions) => run(sql, [], queryOptions);
  const backend = { ...wasmBackend(db, conn, exec, options), watchProgress: fileProgress(db) };

  // The database was opened empty in memory: until a statement or load is asked for, it holds no table, so
  // the session's first listing need not queue a cold catalog query ahead of the first load.
  let untouched = true;
  const next: typeof shell.next = (task, signal) => ((untouched = false), shell.next(task, signal));
  const listTables = () => (untouched ? Promise.resolve([]) : shell.listTables());

  let warming: Promise<boolean> | undefined;

  const checked = async (sql: string) => {
    checkStatement(sql);
    // Only a text that may hold several statements is counted: the count binds the statement, and the worker logs
    // a bind error (a `?`, a join's USING column) though the run works.
    if (!mayHoldMany(sql) || statements.known(sql)) return;
    await oneStatementOnly(conn, sql);
    statements.remember(sql);
  };

  return {
    threads,
    query: (sql, params, queryOptions) =>
      next(async () => {
        await checked(sql);
        return run(sql, params, queryOptions);
      }, queryOptions?.signal),
    createAndRead: (sql, params, read, queryOptions) =>
      next(async () => {
        // Both checks posted at once: the worker answers them in turn, one wait instead of two.
        await Promise.all([checked(sql), checked(read)]);
        const readNow = () => run(read, [], { quick: true });
        let reading: Promise<ResultTable> | undefined;
        // The read is posted right behind the statement: the worker runs them in turn, one wait answers both.
        // It is looked at once the statement is answered: its failure until then (a cancel of a superseded run
        // that came while the statement was posted) is not an unhandled rejection.
        const pipelined: PostedOptions = { posted: () => void (reading = readNow()).catch(() => undefined) };
        const created = await run(sql, params, pipelined);
        return [created, await (reading ?? readNow())];
      }, queryOptions?.signal),
    loadFile: (source, table, loadOptions) => next(() => loadFile(backend, source, table, loadOptions)),
    listTables,
    memory: () => shell.queue(() => memoryUse(exec)),
    createTable: (name, data, tableOptions) =>
      next(async () => {
        const staging = `__clientbook_rows_${++fileCounter}`;
        // Arrow built from buffers (no `new Function`, which the app's content policy refuses).
        // Loaded on first use (Arrow's writer): only tables a ts cell makes from plain values need it.
        const ipc = "ipc" in data ? data.ipc : (await import("./table-data-ipc")).tableDataIpc(data);
        await conn.insertArrowFromIPCStream(ipc, { name: staging, create: true });
        try {
          // Arrow's millisecond timestamps arrive as TIMESTAMP_MS: cast every column to the declared type.
          const select = data.columns
            .map((c) => `${quoteIdent(c.name)}::${dataTypeOf(c.type)} AS ${quoteIdent(c.name)}`)
            .join(", ");
          await run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} AS SELECT ${select} FROM ${quoteIdent(staging)}`);
        } finally {
          await run(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`).catch(() => undefined);
        }
      }, tableOptions?.signal),
    warmUp(quietMs) {
      // Its own statement, not a user's: no checks, and its interrupt is not a user's cancel (nothing rejects
      // as "cancelled" but the warm-up itself). Once it has run to its end, never again.
      warming ??= shell
        .idle(
          async () => readStream(await conn.send(WARM_UP_SQL, true)),
          () => void conn.cancelSent().catch(() => undefined),
          quietMs,
        )
        .then((ran) => {
          if (!ran) warming = undefined;
          return ran;
        });
      return warming;
    },
    async cancel(signal) {
      if (shell.cancelled(signal)) await conn.cancelSent();
    },
    async close() {
      if (shell.closed) return;
      shell.close();
      await conn.close().catch(() => undefined);
      await db.terminate();
    },
  };
}

/**
 * Reports how much of the registered file `path` DuckDB has read so far. DuckDB's own progress bar
 * cannot be used here: duckdb-wasm's display calls into JS through `new Function`, which the app's
 * content policy refuses. Its file statistics can: they count the blocks read, and the worker
 * answers between the polls of a pending (`send`) query.
 */
function fileProgress(db: AsyncDuckDB): NonNullable<LoadBackend["watchProgress"]> {
  return (path, listener) => {
    let stopped = false;
    let busy = false;
    const started = db.collectFileStatistics(path, true).catch(() => undefined);
    const timer = setInterval(async () => {
      if (busy || stopped) return;
      busy = true;
      try {
        await started;
        const stats = await db.exportFileStatistics(path);
        if (stopped) return;
        // The stats arrive structured-cloned (no methods): 3 bytes per block, the first holding
        // cold reads in its high nibble, the second read-aheads and cached reads.
        const blocks = stats.blockStats;
        let read = 0;
        for (let i = 0; i + 2 < blocks.length; i += 3) if (blocks[i] >> 4 || blocks[i + 1]) read++;
        listener(read * stats.blockSize);
      } catch {
        // The file may already be gone: the load is over.
      } finally {
        busy = false;
      }
    }, 100);
    return () => {
      stopped = true;
      clearInterval(timer);
      void db.collectFileStatistics(path, false).catch(() => undefined);
    };
  };
}

// duckdb-wasm's `send` runs every statement in the text, and the guard reads only the first: DuckDB's
// own parser counts them (any other complaint is left for the real run to report).
async function oneStatementOnly(conn: AsyncDuckDBConnection, sql: string): Promise<void> {
  const error = await conn.getTableNames(sql).then(
    () => undefined,
    (e: unknown) => e,
  );
  const message = String((error as Error | undefined)?.message ?? error);
  if (error && /Expected a single statement/.test(message)) throw new EngineError(oneStatement());
}

/** Query options inside this engine: `posted` is called once a one-piece statement is posted to the worker. */
interface PostedOptions extends QueryOptions {
  readonly posted?: () => void;
}

// `send` (not `query`) runs the statement as a pending query the worker polls, so cancelSent works. A quick
// statement, and a CREATE ... AS with parameters (one row, and a prepared statement runs in one go in the
// worker whichever way it is read), is read in one piece: one round trip. Prepared statements are kept.
async function readAll(
  conn: AsyncDuckDBConnection,
  statements: Statements,
  sql: string,
  params: readonly Value[],
  options: PostedOptions,
): Promise<ResultTable> {
  if (!params.length) return options.quick ? fromTable(await conn.query(sql)) : readStream(await conn.send(sql, true));
  const typed = typedPlaceholders(sql, params);
  const shifted = (e: unknown) => Promise.reject(shiftError(e, sql, typed));
  const statement = await statements.prepared(typed).catch(shifted);
  try {
    if (options.quick || /^CREATE\s/i.test(sql)) {
      const answer = statement.query(...params);
      options.posted?.();
      return fromTable(await answer);
    }
    return await readStream(await statement.send(...params));
  } catch (e) {
    statements.drop(typed);
    return shifted(e);
  }
}

async function readStream(reader: AsyncIterable<unknown> & { schema?: unknown }): Promise<ResultTable> {
  const batches: ArrowBatch[] = [];
  for await (const batch of reader) batches.push(batch as ArrowBatch);
  // The stream's schema is known once it has been read (statements without rows have none).
  const schema = (reader.schema ?? batches[0]?.schema ?? { fields: [] }) as ArrowBatch["schema"];
  return toResultTable(schema, batches);
}

const fromTable = (table: { schema: unknown; batches: unknown[] }) =>
  toResultTable(table.schema as ArrowBatch["schema"], table.batches as ArrowBatch[]);

// An error in the cast-rewritten SQL, with its position moved back into the SQL the user wrote.
function shiftError(error: unknown, sql: string, typed: string): EngineError {
  const e = toEngineError(error, typed);
  if (e.position === undefined || typed === sql) return e;
  const added = "(?::BIGINT)".length - 1;
  let shift = 0;
  for (let at = typed.indexOf("(?::BIGINT)"); at >= 0 && at < e.position; at = typed.indexOf("(?::BIGINT)", at + 1))
    shift += added;
  return new EngineError(e.message, Math.max(0, e.position - shift));
}

let fileCounter = 0;
// The lockdown allows exactly these paths; a file is registered there only while it loads.
const newPath = (ext: string) => stagingPath(dataDirectory, ext);

function wasmBackend(db: AsyncDuckDB, conn: AsyncDuckDBConnection, run: Exec, options: WasmEngineOptions): LoadBackend {
  const dropping = (path: string): Staged => ({ path, release: () => db.dropFile(path).then(() => undefined) });
  // Loads go into a staging table renamed at the end, so a failed load leaves any old table intact.
  const replaceWith = async (staging: string, table: string) => {
    await run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`, { quick: true });
    await run(`ALTER TABLE ${quoteIdent(staging)} RENAME TO ${quoteIdent(table)}`, { quick: true });
  };
  const stagingName = () => `__clientbook_load_${++fileCounter}`;
  const backend: LoadBackend = {
    exec: run,
    memory: () => memoryUse(run),
    copiesFiles: !options.fileHandles,
    // Staged text is copied into wasm memory: a big CSV goes in pieces (a few per second of reading).
    pieceBytes: 64 << 20,
    async stageFile(source: FileSource, ext: string) {
      const path = newPath(ext);
      if (options.fileHandles && source.file)
        await db.registerFileHandle(path, source.file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
      else await db.registerFileBuffer(path, await source.read());
      return dropping(path);
    },
    async stageUtf8(chunks, ext) {
      const path = newPath(ext);
      await db.registerFileBuffer(path, await concatChunks(chunks));
      return dropping(path);
    },
    async loadParquet(source, table, onProgress) {
      const staging = stagingName();
      let rows = 0;
      let open = false;
      try {
        // hyparquet is its own chunk, fetched with the first Parquet file, not with the page.
        const parquetBatches = options.parquetBatches ?? (await import("./parquet")).parquetBatches;
        const batches = parquetBatches(source)[Symbol.asyncIterator]();
        // One transaction for every row group: each insert committed on its own cost DuckDB's worker about
        // 2.5x the CPU (1M rows in Chromium: 1.66 s against 0.63 s; scripts/bench-parquet-steps.ts in Node),
        // spent compressing each appended row group: the table is now as big as a CSV load's (DUCKDB-WASM.md).
        await run("BEGIN TRANSACTION", { quick: true });
        open = true;
        try {
          // The next row group is decoded (in the Parquet worker) while DuckDB inserts this one.
          let next = batches.next();
          for (let step = await next; !step.done; step = await next) {
            next = batches.next();
            // Settled later by the loop; a failed insert must not leave it an unhandled rejection.
            next.catch(() => undefined);
            const batch = step.value;
            await conn.insertArrowFromIPCStream(batch.ipc, { name: staging, create: rows === 0 });
            rows += batch.rows;
            onProgress?.({ bytesRead: batch.bytesRead, totalBytes: source.size, rows });
          }
        } finally {
          await batches.return?.().catch(() => undefined);
        }
        if (rows === 0) throw new Error("the file has no rows");
        await run("COMMIT", { quick: true });
        open = false;
        await replaceWith(staging, table);
      } catch (e) {
        // A failed statement leaves the transaction aborted: rolled back, the staging table goes with it.
        if (open) await run("ROLLBACK", { quick: true }).catch(() => undefined);
        await run(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`).catch(() => undefined);
        throw e;
      }
    },
    async loadJsonLines(source, plan, table) {
      const utf8 = await concatChunks(utf8Chunks(source, plan.encoding ?? "utf-8", plan.bom));
      const json = jsonLinesToArray(new TextDecoder().decode(utf8));
      const path = newPath("json");
      await db.registerFileBuffer(path, new TextEncoder().encode(json));
      const staging = stagingName();
      try {
        // No shape given: duckdb-wasm detects the row array itself (an explicit shape finds no columns).
        await conn.insertJSONFromPath(path, { name: staging });
        await replaceWith(staging, table);
      } catch (e) {
        await run(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`).catch(() => undefined);
        throw e;
      } finally {
        await db.dropFile(path);
      }
    },
  };
  return backend;
}

// duckdb-wasm's built-in JSON import takes an array of rows; the JSON SQL functions are an
// extension it would download. Each line is checked so an error can name its line.
function jsonLinesToArray(text: string): string {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("[")) return trimmed;
  const lines = text.split(/\r?\n/);
  const rows: string[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      JSON.parse(line);
    } catch (e) {
      throw new Error(badJsonLine(i + 1, (e as Error).message), { cause: e });
    }
    rows.push(line);
  });
  return `[${rows.join(",")}]`;
}
