// Parquet batches decoded in a Worker (parquet-worker.ts) so a big file never stalls the page. The
// worker starts from a blob: wrapper, as DuckDB's does, so the page's content policy applies to it.
import workerUrl from "./parquet-worker?worker&url";
import { parquetWorkerFailed } from "../../messages/engine";
import type { FileSource } from "../engine";
import type { ParquetBatch } from "./parquet";
import type { ParquetReply, ParquetRequest } from "./parquet-worker";

/** Reads a Parquet file row group by row group in a Worker; the same batches as `parquetBatches`. */
export async function* parquetBatchesInWorker(source: FileSource): AsyncGenerator<ParquetBatch> {
  const absolute = new URL(workerUrl, document.baseURI).href;
  const wrapper = URL.createObjectURL(new Blob([`import ${JSON.stringify(absolute)};`], { type: "text/javascript" }));
  const worker = new Worker(wrapper, { type: "module" });
  try {
    let failed: (error: Error) => void = () => undefined;
    const broken = new Promise<never>((_, reject) => (failed = reject));
    worker.onerror = (event) => {
      event.preventDefault();
      failed(new Error(parquetWorkerFailed(event.message)));
    };
    const file = source.file ?? new Blob([(await source.read()) as Uint8Array<ArrayBuffer>]);
    worker.postMessage({ file, name: source.name } satisfies ParquetRequest);
    for (;;) {
      const reply = new Promise<ParquetReply>((resolve) => {
        worker.onmessage = (event: MessageEvent<ParquetReply>) => resolve(event.data);
      });
      worker.postMessage("next" satisfies ParquetRequest);
      const answer = await Promise.race([reply, broken]);
      if ("error" in answer) throw new Error(answer.error);
      if ("done" in answer) return;
      yield answer.batch;
    }
  } finally {
    worker.terminate();
    URL.revokeObjectURL(wrapper);
  }
}
