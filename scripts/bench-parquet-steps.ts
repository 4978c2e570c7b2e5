// Where a Parquet load's work goes, per step and per column (issue 15), in Node with the real duckdb-wasm (eh):
// hyparquet's decode, the app's batches (decode + Arrow + IPC), DuckDB's insert of every row group committed one
// by one or in one transaction, and each column inserted alone. CPU of this process (the page-side JS and
// DuckDB's worker thread) is reported beside wall time: on the shared machine only CPU compares.
// CLI: npx tsx scripts/bench-parquet-steps.ts [--rows N] [--rounds R] [--file PATH]
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { Table, tableFromIPC, tableToIPC } from "apache-arrow";
import { fileSourceFromPath } from "../src/engine/node-file";
import { parquetBatches } from "../src/engine/wasm/parquet";
import { duckdbWasmInNode } from "../test/engine/wasm-node";
import { ordersParquet } from "./bench-orders";
import { parseArgs } from "./bench-browser";

const args = parseArgs();
const rounds = args.number("--rounds", 3);
const path = args.value("--file") ?? (await ordersParquet(args.number("--rows", 1_000_000)));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => Math.round(x).toLocaleString("en");

const source = fileSourceFromPath(path);
const bytes = await source.read();
const file: AsyncBuffer = {
  byteLength: bytes.byteLength,
  slice: (s, e) => bytes.buffer.slice(bytes.byteOffset + s, bytes.byteOffset + (e ?? bytes.byteLength)) as ArrayBuffer,
};
const metadata = await parquetMetadataAsync(file);
const columns = parquetSchema(metadata).children.map((c) => c.element.name);
// As the app decodes: strings as UTF-8 bytes, dates as epoch ms.
const parsers = { stringFromBytes: (b: Uint8Array) => b, dateFromDays: (d: number) => d * 86_400_000 };

const db = await duckdbWasmInNode();
await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
const conn = await db.connect();
await conn.query("SET autoload_known_extensions = false");

const wall: Record<string, number[]> = {};
const cpu: Record<string, number[]> = {};
const time = async (what: string, run: () => Promise<unknown>) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const c = process.cpuUsage(c0);
  (wall[what] ??= []).push(performance.now() - t0);
  (cpu[what] ??= []).push((c.user + c.system) / 1000);
};
// Inserts transfer (so detach) their buffer: each variant gets its own copies.
const copies = (ipcs: Uint8Array[]) => ipcs.map((ipc) => ipc.slice());
const insertAll = async (ipcs: Uint8Array[], name: string) => {
  for (const [i, ipc] of ipcs.entries()) await conn.insertArrowFromIPCStream(ipc, { name, create: i === 0 });
};

for (let round = 0; round < rounds; round++) {
  await time("decode: parquetRead, all columns", () => parquetRead({ file, metadata, compressors, parsers }));
  for (const column of columns)
    await time(`decode: ${column}`, () => parquetRead({ file, metadata, compressors, parsers, columns: [column] }));
  const ipcs: Uint8Array[] = [];
  await time("parquetBatches (decode + Arrow + IPC)", async () => {
    for await (const batch of parquetBatches(source)) ipcs.push(batch.ipc);
  });
  const alone = columns.map((column) =>
    ipcs.map((ipc) => tableToIPC(new Table({ [column]: tableFromIPC(ipc).getChild(column)! }), "stream")),
  );
  const committedOnce = copies(ipcs);
  await time("insert: every row group committed on its own", () => insertAll(ipcs, "each"));
  await time("insert: every row group, one transaction", async () => {
    await conn.query("BEGIN TRANSACTION");
    await insertAll(committedOnce, "once");
    await conn.query("COMMIT");
  });
  await conn.query("DROP TABLE each; DROP TABLE once");
  for (const [c, column] of columns.entries()) {
    await time(`insert alone, one transaction: ${column}`, async () => {
      await conn.query("BEGIN TRANSACTION");
      await insertAll(alone[c], "one");
      await conn.query("COMMIT");
    });
    await conn.query("DROP TABLE one");
  }
  console.error(`round ${round + 1} done`);
}

console.log(`\n${path} (${columns.length} columns, ${metadata.row_groups.length} row groups), ${rounds} rounds`);
console.log("| step | CPU ms, median | wall ms, median | CPU ms, each round |\n| --- | --- | --- | --- |");
for (const what of Object.keys(cpu))
  console.log(`| ${what} | ${ms(median(cpu[what]))} | ${ms(median(wall[what]))} | ${cpu[what].map(ms).join(", ")} |`);
await conn.close();
await db.terminate();
