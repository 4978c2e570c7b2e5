// The messages between the app shell and the sandbox iframe (charts, and the start of the code
// Worker). Both sides validate every message against these shapes; anything else is ignored.
import { asTransferRows, type TransferRows } from "./rows-transfer";
import { asSelectionMessage, type SelectionMessage } from "./selection-protocol";

/**
 * Shell -> sandbox: draw this Vega-Lite spec for the shell's UI locale (a BCP 47 tag). Its rows are either
 * inlined in the spec or, without the spec's `data`, in `rows`, column by column with transferred buffers.
 */
export interface RenderMessage {
  readonly type: "clientbook:render";
  readonly id: number;
  readonly spec: Record<string, unknown>;
  readonly locale?: string;
  readonly rows?: TransferRows;
}

/** Shell -> sandbox: nothing to draw yet (a first visit's engine is starting); warm Vega up meanwhile. */
export interface WarmMessage {
  readonly type: "clientbook:warm";
  readonly locale?: string;
}

/**
 * Shell -> sandbox: one cell run is about to start. The sandbox ends the previous run's Worker and
 * hands a fresh one (never used before) the one transferred MessagePort: that run's own channel.
 */
export interface RunCodeMessage {
  readonly type: "clientbook:run-code";
}

/** Shell -> sandbox: end the current run's Worker now (its run is over, stopped or aborted). */
export interface StopCodeMessage {
  readonly type: "clientbook:stop-code";
}

/** Sandbox -> shell: the sandbox is loaded and listening. `token` is the one the shell put in the
 *  frame's URL fragment, so a page the frame was navigated to cannot pass itself off as the sandbox. */
export interface ReadyMessage {
  readonly type: "clientbook:ready";
  readonly token: string;
}

/** Sandbox -> shell: the drawn chart's height in CSS pixels (sent after drawing and on resize). */
export interface SizeMessage {
  readonly type: "clientbook:size";
  readonly id: number;
  readonly height: number;
}

/** Sandbox -> shell: the spec could not be drawn. */
export interface ErrorMessage {
  readonly type: "clientbook:error";
  readonly id: number;
  readonly message: string;
}

/** Any message the sandbox sends. */
export type SandboxMessage = ReadyMessage | SizeMessage | ErrorMessage | SelectionMessage;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether `locale` reads as a BCP 47 tag. */
const isLocale = (locale: unknown): locale is string =>
  typeof locale === "string" && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale);

/** Returns the message as a WarmMessage when it has exactly that shape, else null. */
export function asWarmMessage(data: unknown): WarmMessage | null {
  if (!isRecord(data) || data.type !== "clientbook:warm") return null;
  return isLocale(data.locale) ? { type: data.type, locale: data.locale } : { type: data.type };
}

/** Returns the message as a RenderMessage when it has exactly that shape, else null. */
export function asRenderMessage(data: unknown): RenderMessage | null {
  if (!isRecord(data) || data.type !== "clientbook:render") return null;
  if (typeof data.id !== "number" || !Number.isFinite(data.id) || !isRecord(data.spec)) return null;
  // The sandbox's own navigator language is not the UI's: the shell says which locale to draw in.
  const locale = isLocale(data.locale);
  // Rows come one way only: a columnar message whose spec also carries data is refused whole.
  const rows = data.rows === undefined ? undefined : asTransferRows(data.rows);
  if (rows === null || (rows && data.spec.data !== undefined)) return null;
  return {
    type: data.type,
    id: data.id,
    spec: data.spec,
    ...(locale ? { locale: data.locale as string } : {}),
    ...(rows ? { rows } : {}),
  };
}

/** Whether the message announces a cell run (its channel's port arrives in `event.ports`). */
export function isRunCodeMessage(data: unknown): data is RunCodeMessage {
  return isRecord(data) && data.type === "clientbook:run-code" && Object.keys(data).length === 1;
}

/** Whether the message asks to end the running cell's Worker. */
export function isStopCodeMessage(data: unknown): data is StopCodeMessage {
  return isRecord(data) && data.type === "clientbook:stop-code" && Object.keys(data).length === 1;
}

/** Returns the message as a SandboxMessage when it has one of those shapes, else null. */
export function asSandboxMessage(data: unknown): SandboxMessage | null {
  if (!isRecord(data)) return null;
  if (data.type === "clientbook:ready")
    return typeof data.token === "string" ? { type: data.type, token: data.token } : null;
  if (typeof data.id !== "number") return null;
  if (data.type === "clientbook:selection") return asSelectionMessage(data);
  if (data.type === "clientbook:size" && typeof data.height === "number" && Number.isFinite(data.height)) {
    return { type: data.type, id: data.id, height: data.height };
  }
  if (data.type === "clientbook:error" && typeof data.message === "string") {
    return { type: data.type, id: data.id, message: data.message.slice(0, 2000) };
  }
  return null;
}
