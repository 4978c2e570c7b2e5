// The bench's peer page (never part of the app): plain duckdb-wasm with the app's own bundle choice and files,
// doing the bare read_csv / read_parquet of a picked file or a bare query, and papaparse parsing the same CSV,
// so `npm run bench` can put Clientbook beside what the libraries do alone in the same Chromium.
import { AsyncDuckDB, DuckDBDataProtocol, VoidLogger, selectBundle } from "@duckdb/duckdb-wasm";
import ehWasm from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import ehWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import mvpWasm from "@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url";
import mvpWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url";
import Papa from "papaparse";

async function start(): Promise<AsyncDuckDB> {
  const bundle = await selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  const db = new AsyncDuckDB(new VoidLogger(), new Worker(new URL(bundle.mainWorker!, document.baseURI)));
  await db.instantiate(new URL(bundle.mainModule, document.baseURI).href, null);
  // As the app opens it (src/engine/wasm/core.ts): queries before an open fail inside the wasm.
  await db.open({});
  // Never the public extension site: the app ships no extension, so the peer may fetch none either.
  const conn = await db.connect();
  await conn.query("SET autoinstall_known_extensions = false");
  await conn.query("SET autoload_known_extensions = false");
  await conn.close();
  return db;
}

const ready = start();
const picked = () => (document.getElementById("file") as HTMLInputElement).files![0];

/** What the bench calls in the page. */
const peer = {
  /** Resolves once duckdb-wasm is up. */
  ready: () => ready.then(() => true),
  /** Reads the picked file into a table with a bare read_csv / read_parquet; returns its row count. */
  async load(format: "csv" | "parquet"): Promise<number> {
    const db = await ready;
    const file = picked();
    await db.registerFileHandle(file.name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    const conn = await db.connect();
    try {
      await conn.query(`CREATE OR REPLACE TABLE loaded AS SELECT * FROM read_${format}('${file.name}')`);
      return Number((await conn.query("SELECT count(*) AS n FROM loaded")).getChild("n")!.get(0));
    } finally {
      await conn.close();
    }
  },
  /** Runs `setup`, then each of `sqls` in turn; returns the ms each of those took. */
  async timeQueries(setup: string, sqls: string[]): Promise<number[]> {
    const db = await ready;
    const conn = await db.connect();
    try {
      await conn.query(setup);
      const times: number[] = [];
      for (const sql of sqls) {
        const t0 = performance.now();
        await conn.query(sql);
        times.push(performance.now() - t0);
      }
      return times;
    } finally {
      await conn.close();
    }
  },
  /** Parses the picked CSV with papaparse (header row, typed values, on the main thread); returns the rows. */
  papaparse(): Promise<number> {
    return new Promise((done, fail) =>
      Papa.parse<Record<string, unknown>>(picked(), {
        header: true,
        dynamicTyping: true,
        skipEmptyLines: true,
        complete: (result) => done(result.data.length),
        error: fail,
      }),
    );
  },
};

(window as unknown as { peer: typeof peer }).peer = peer;
