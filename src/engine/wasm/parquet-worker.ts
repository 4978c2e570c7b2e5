// The Parquet decoding worker: hyparquet turns a file into Arrow IPC row group by row group off the
// page's main thread; the page pulls one batch per "next" message, so decoding never runs far ahead.
import { parquetBatches, type ParquetBatch } from "./parquet";

/** What the page sends: the file, then "next" for each batch it is ready to insert. */
export type ParquetRequest = { readonly file: Blob; readonly name: string } | "next";

/** What the worker answers to each "next": a batch, the end, or why decoding failed. */
export type ParquetReply = { readonly batch: ParquetBatch } | { readonly done: true } | { readonly error: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ParquetRequest>) => void) | null;
  postMessage(message: ParquetReply, transfer?: Transferable[]): void;
};
let batches: AsyncGenerator<ParquetBatch> | undefined;

scope.onmessage = async ({ data }) => {
  if (data !== "next") {
    const { file, name } = data;
    const read = async (start = 0, end = file.size) => new Uint8Array(await file.slice(start, end).arrayBuffer());
    batches = parquetBatches({ name, size: file.size, file, read });
    return;
  }
  try {
    const next = await batches!.next();
    if (next.done) scope.postMessage({ done: true });
    else scope.postMessage({ batch: next.value }, [next.value.ipc.buffer]);
  } catch (e) {
    scope.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
};
