// Turns whatever a cell's code threw into a CodeError positioned in the code it ran, read from the
// stack frame of the cell's own file (every runner names that file: a sourceURL or a vm filename).
import { CodeError } from "./runner";

/**
 * Turns what the code threw into a CodeError with its position in `js`: the first stack frame in
 * `file` (a sourceURL, or the vm script's filename), `lineOffset` lines
 * of wrapper subtracted (the Function constructor puts 2 lines before the body).
 */
export function toCodeError(err: unknown, file: string, lineOffset = 0): CodeError {
  if (err instanceof CodeError) return err;
  const e = err as { name?: unknown; message?: unknown; stack?: unknown } | null;
  const message =
    e && typeof e.message === "string"
      ? typeof e.name === "string" && e.name !== "Error"
        ? `${e.name}: ${e.message}`
        : e.message
      : String(err);
  const stack = e && typeof e.stack === "string" ? e.stack : "";
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const frame = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (!frame) return new CodeError(message);
  const line = Number(frame[1]) - lineOffset;
  return line >= 1 ? new CodeError(message, line, Number(frame[2])) : new CodeError(message);
}
