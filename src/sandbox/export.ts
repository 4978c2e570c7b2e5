// The chart-export messages between the shell and the sandbox: the shell asks for the drawn chart as
// SVG or PNG; the sandbox answers with the file. The shell trusts no file: type, size and content
// (PNG signature, an <svg> root) are checked here before anything is offered as a download.

/** The file formats a chart exports to. */
export type ExportFormat = "svg" | "png";

/** Shell -> sandbox: send the chart drawn for render `id` as a file (PNG at twice its size). */
export interface ExportRequest {
  readonly type: "clientbook:export";
  readonly request: number;
  readonly format: ExportFormat;
}

/** Sandbox -> shell: the exported file; SVG as text, PNG as bytes (transferred). */
export type ExportFile =
  | { readonly type: "clientbook:export-file"; readonly request: number; readonly format: "svg"; readonly svg: string }
  | {
      readonly type: "clientbook:export-file";
      readonly request: number;
      readonly format: "png";
      readonly png: ArrayBuffer;
    };

/** Sandbox -> shell: the chart could not be exported (nothing drawn, or Vega failed). */
export interface ExportFailure {
  readonly type: "clientbook:export-error";
  readonly request: number;
  readonly message: string;
}

/** Any answer to an export request. */
export type ExportReply = ExportFile | ExportFailure;

/** The largest SVG text the shell accepts. */
export const MAX_SVG_CHARS = 16_000_000;
/** The largest PNG the shell accepts. */
export const MAX_PNG_BYTES = 32_000_000;
/** The scale a PNG is drawn at (2x: sharp on high-density screens and in slides). */
export const PNG_SCALE = 2;
/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isFormat = (v: unknown): v is ExportFormat => v === "svg" || v === "png";

/** Returns the message as an ExportRequest when it has exactly that shape, else null (the sandbox's check). */
export function asExportRequest(data: unknown): ExportRequest | null {
  if (!isRecord(data) || data.type !== "clientbook:export" || Object.keys(data).length !== 3) return null;
  return isId(data.request) && isFormat(data.format)
    ? { type: data.type, request: data.request, format: data.format }
    : null;
}

/** Whether `bytes` start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Whether `text` is one SVG document: an optional XML declaration, then an <svg> root closed at the end. */
export function isSvgDocument(text: string): boolean {
  const body = text.trim().replace(/^<\?xml[^>]*\?>\s*/, "");
  return /^<svg[\s>]/.test(body) && /<\/svg>$/.test(body);
}

/**
 * Returns the message as an allow-listed export reply whose file passed its checks, else null: a PNG
 * must carry the signature and fit MAX_PNG_BYTES, an SVG must be one <svg> document within MAX_SVG_CHARS.
 */
export function asExportReply(data: unknown): ExportReply | null {
  if (!isRecord(data) || !isId(data.request)) return null;
  if (data.type === "clientbook:export-error") {
    return typeof data.message === "string"
      ? { type: data.type, request: data.request, message: data.message.slice(0, 2000) }
      : null;
  }
  if (data.type !== "clientbook:export-file") return null;
  if (data.format === "svg" && !("png" in data)) {
    if (typeof data.svg !== "string" || data.svg.length > MAX_SVG_CHARS || !isSvgDocument(data.svg)) return null;
    return { type: data.type, request: data.request, format: "svg", svg: data.svg };
  }
  if (data.format === "png" && !("svg" in data)) {
    if (!(data.png instanceof ArrayBuffer) || data.png.byteLength > MAX_PNG_BYTES) return null;
    if (!isPng(new Uint8Array(data.png))) return null;
    return { type: data.type, request: data.request, format: "png", png: data.png };
  }
  return null;
}
