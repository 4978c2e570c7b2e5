// The shell's side of starting a sandbox frame: the sandbox script is fetched once per page (a
// same-origin request, so the service worker answers it offline and the HTTP cache keeps it), then
// handed to each new frame as a Blob, which the frame's bootstrap (frame-document.ts) runs.
import { frameDocument } from "./frame-document";

/** How long a new sandbox frame may take to say `ready` before its cell is told it failed. */
export const SANDBOX_READY_MS = 30_000;

let script: Promise<Blob> | undefined;

/** The sandbox script's address: index.html names it (with its build's version), else next to the page. */
function scriptUrl(): string {
  const named = document.querySelector<HTMLMetaElement>('meta[name="clientbook-sandbox-script"]')?.content;
  return new URL(named || "sandbox-entry.js", document.baseURI).href;
}

/** The sandbox script, fetched on first use and kept for the page's life (a failed fetch is tried again). */
export function sandboxScript(): Promise<Blob> {
  script ??= fetch(scriptUrl()).then(async (response) => {
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
    // The type the bootstrap's blob: URL serves, whatever the host called the file.
    return new Blob([await response.arrayBuffer()], { type: "text/javascript" });
  });
  script.catch(() => (script = undefined));
  return script;
}

/** Sets up `frame` as a sandbox frame (no network, opaque origin) whose document carries `token`. */
export function prepareFrame(frame: HTMLIFrameElement, token: string): void {
  frame.setAttribute("sandbox", "allow-scripts");
  frame.setAttribute("referrerpolicy", "no-referrer");
  frame.srcdoc = frameDocument(token);
}

/**
 * Hands the sandbox script to a frame whose document just loaded; rejects when it cannot be fetched.
 * Call it on the frame's first `load` only: a later document there is not the sandbox.
 */
export async function bootFrame(frame: HTMLIFrameElement): Promise<void> {
  const blob = await sandboxScript();
  // The frame's origin is opaque: "*" is the only target; the script is the app's own public code.
  frame.contentWindow?.postMessage(blob, "*");
}
