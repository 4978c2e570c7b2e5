// Inside the sandbox: turns the drawn Vega view into the file the shell asked for (SVG text, or PNG
// bytes at PNG_SCALE) and posts it to the shell, the only way a chart's pixels leave the frame.
import type { View } from "vega";
import { chartFrameText } from "../messages/chart-frame";
import { PNG_SCALE, type ExportReply, type ExportRequest } from "./export";

/** Answers `request` with the file of `view` (or says why there is none) to the embedding shell. */
export async function answerExport(request: ExportRequest, view: View | undefined): Promise<void> {
  const reply = (message: ExportReply, transfer: Transferable[] = []) =>
    window.parent.postMessage(message, "*", transfer);
  if (!view) {
    reply({ type: "clientbook:export-error", request: request.request, message: chartFrameText().noChart });
    return;
  }
  try {
    if (request.format === "svg") {
      reply({ type: "clientbook:export-file", request: request.request, format: "svg", svg: await view.toSVG() });
      return;
    }
    const canvas = (await view.toCanvas(PNG_SCALE)) as unknown as HTMLCanvasElement;
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, "image/png"));
    if (!blob) throw new Error(chartFrameText().pngFailed);
    const png = await blob.arrayBuffer();
    reply({ type: "clientbook:export-file", request: request.request, format: "png", png }, [png]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reply({ type: "clientbook:export-error", request: request.request, message });
  }
}
