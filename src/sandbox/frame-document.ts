// The notebook sandbox's document, given to `<iframe sandbox="allow-scripts" srcdoc>`: its own content
// policy, its style, and the one inline script (allowed by its hash, in this policy and the shell's)
// that runs the sandbox script the shell hands it as a Blob. Shared by the shell and the build.

/**
 * The bootstrap: the first Blob the embedding page posts becomes this document's only other script
 * (a `blob:` URL minted here, in the frame's opaque origin). It must stay byte for byte what
 * `'sha256-...'` in index.html hashes: the build checks that and names the new hash when it changes.
 */
export const BOOTSTRAP =
  'addEventListener("message",function m(e){if(e.source!==parent||!(e.data instanceof Blob))return;' +
  'removeEventListener("message",m);var s=document.createElement("script");' +
  "s.src=URL.createObjectURL(e.data);document.body.append(s)})";

/** The CSP source that allows BOOTSTRAP (its SHA-256): in index.html's policy and in FRAME_CSP. */
export const BOOTSTRAP_HASH = "'sha256-q3ng1X9e/EBpa+8lHVb+HZbKfW2eaT5KxIWbhm+xcig='";

/** The sandbox document's own policy; the shell's, inherited by a srcdoc document, applies as well. */
export const FRAME_CSP = [
  "default-src 'none'",
  `script-src blob: ${BOOTSTRAP_HASH}`,
  "worker-src blob:",
  "connect-src 'none'",
  "img-src data: blob:",
  "style-src 'unsafe-inline'",
  "font-src data:",
  "media-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join("; ");

const STYLE = [
  "html, body { margin: 0; padding: 0; background: #fff; overflow: hidden; font: 13px system-ui, -apple-system,",
  '"Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }',
  "#chart { padding: 4px 0; display: block; width: 100%; box-sizing: border-box; }",
  ".error { color: #a4262c; white-space: pre-wrap; padding: 8px; }",
].join("\n");

/**
 * The sandbox document for one frame. `token` (hex) is read by the sandbox script and sent back with
 * `ready`, so a document the frame was somehow navigated to cannot pass itself off as the sandbox.
 */
export function frameDocument(token: string): string {
  if (!/^[0-9a-f]+$/.test(token)) throw new Error("frameDocument: the token must be hex");
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">`,
    '<meta name="referrer" content="no-referrer"><meta charset="utf-8"><title>Chart</title>',
    `<style>${STYLE}</style></head>`,
    `<body data-token="${token}"><div id="chart"></div><script>${BOOTSTRAP}</script></body></html>`,
  ].join("\n");
}
