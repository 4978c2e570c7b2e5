// Markdown to safe HTML: `marked` renders (it does not sanitize), then DOMPurify strips everything
// security.md forbids. The result is the only HTML the shell ever inserts from a notebook.
import { Marked } from "marked";
import DOMPurify from "dompurify";

const marked = new Marked({ gfm: true, breaks: false, async: false });

const purify = DOMPurify(window);

// Images may only come from data: or blob: URLs: any other src would be a request out of the page.
const SAFE_IMAGE = /^(data:image\/(png|gif|jpeg|webp);|blob:)/i;

purify.addHook("afterSanitizeAttributes", (node) => {
  if (node.nodeName === "IMG") {
    const src = node.getAttribute("src") ?? "";
    if (!SAFE_IMAGE.test(src)) node.removeAttribute("src");
  }
  if (node.nodeName === "A") {
    const href = node.getAttribute("href");
    if (href && isExternal(href)) node.setAttribute("rel", "noopener noreferrer");
  }
});

const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select", "iframe", "object", "embed", "video", "audio", "source", "picture"],
  FORBID_ATTR: ["style", "id", "name", "srcset", "ping", "formaction", "target"],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

/** Whether a link leaves the app (another origin or a non-http scheme such as mailto:). */
export function isExternal(href: string): boolean {
  if (href.startsWith("#")) return false;
  try {
    return new URL(href, window.location.href).origin !== window.location.origin;
  } catch {
    return true;
  }
}

/** Renders Markdown to HTML sanitized with the strict configuration of security.md. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text) as string;
  return purify.sanitize(html, CONFIG) as unknown as string;
}
