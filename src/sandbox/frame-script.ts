// The shell's side of starting a sandbox frame: each sandbox script (charts', code's) is fetched once per
// page (a same-origin request, so the service worker answers it offline and the HTTP cache keeps it),
// then handed to each new frame of its kind as a Blob, which the frame's bootstrap (frame-document.ts) runs.
import { frameDocument } from "./frame-document";

/** How long a new sandbox frame may take to say `ready` before its cell is told it failed. */
export const SANDBOX_READY_MS = 30_000;

/** Which script a sandbox frame runs: a chart frame's (Vega) or the code runner's (its Workers). */
export type FrameKind = "chart" | "code";

/** Each kind's script: the meta tag index.html names it in (with its build's version), and its file. */
const SCRIPTS: Record<FrameKind, { meta: string; file: string }> = {
  chart: { meta: "clientbook-sandbox-script", file: "sandbox-entry.js" },
  code: { meta: "clientbook-code-script", file: "code-sandbox.js" },
};

const scripts: Partial<Record<FrameKind, Promise<Blob>>> = {};

/** A sandbox script's address: index.html names it (with its build's version), else next to the page. */
function scriptUrl(kind: FrameKind): string {
  const { meta, file } = SCRIPTS[kind];
  const named = document.querySelector<HTMLMetaElement>(`meta[name="${meta}"]`)?.content;
  return new URL(named || file, document.baseURI).href;
}

/** A sandbox script, fetched on first use and kept for the page's life (a failed fetch is tried again). */
export function sandboxScript(kind: FrameKind = "chart"): Promise<Blob> {
  const script = (scripts[kind] ??= fetch(scriptUrl(kind)).then(async (response) => {
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
    // The type the bootstrap's blob: URL serves, whatever the host called the file.
    return new Blob([await response.arrayBuffer()], { type: "text/javascript" });
  }));
  script.catch(() => delete scripts[kind]);
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
export async function bootFrame(frame: HTMLIFrameElement, kind: FrameKind = "chart"): Promise<void> {
  const blob = await sandboxScript(kind);
  // The frame's origin is opaque: "*" is the only target; the script is the app's own public code.
  frame.contentWindow?.postMessage(blob, "*");
}
