// Markdown to a safe DOM fragment: `marked` renders (it does not sanitize), DOMPurify strips everything
// security.md forbids, and only then do a cell's computed values go in, as text nodes. The result is
// the only markup the shell ever inserts from a notebook.
import { Marked } from "marked";
import DOMPurify from "dompurify";
import type { MarkdownTemplate } from "../session/types";
import { placeholderTemplate } from "./markdown-template";
import { classifyLink } from "./link";
import { shippedPaths } from "./shipped";
import { ui } from "../messages/ui";

const marked = new Marked({ gfm: true, breaks: false, async: false });

const purify = DOMPurify(window);

// Images may only come from data: or blob: URLs: any other src would be a request out of the page.
const SAFE_IMAGE = /^(data:image\/(png|gif|jpeg|webp);|blob:)/i;

purify.addHook("afterSanitizeAttributes", (node) => {
  if (node.nodeName === "IMG") {
    const src = node.getAttribute("src") ?? "";
    if (!SAFE_IMAGE.test(src)) node.removeAttribute("src");
  }
});

const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    "style",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "source",
    "picture",
  ],
  FORBID_ATTR: ["style", "id", "name", "srcset", "ping", "formaction", "target"],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

/**
 * Renders Markdown sanitized with the strict configuration of security.md; with a `template`, the prose
 * is its pieces and each computed value becomes text where its placeholder landed.
 */
export function renderMarkdown(text: string, template?: MarkdownTemplate): DocumentFragment {
  const { markdown, pattern } = placeholderTemplate(template?.pieces ?? [text]);
  const html = marked.parse(markdown) as string;
  const fragment = purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  if (template) insertValues(fragment, pattern, template);
  checkLinks(fragment);
  return fragment;
}

/**
 * Puts the values in: an element with a placeholder in any attribute (a computed link address, image
 * source or raw-HTML attribute) becomes an inert span of its content, then each placeholder in text
 * becomes a text node of its value. Values are never parsed, so they cannot form markup or a URL.
 */
function insertValues(fragment: DocumentFragment, pattern: RegExp, template: MarkdownTemplate): void {
  const holds = (s: string) => ((pattern.lastIndex = 0), pattern.test(s));
  for (const element of [...fragment.querySelectorAll("*")]) {
    if (![...element.attributes].some((a) => holds(a.value))) continue;
    makeInert(element, element.nodeName === "A" ? ui.linkComputed : undefined);
  }
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  for (const node of texts) {
    const source = node.data;
    if (!holds(source)) continue;
    const parts: Node[] = [];
    let last = 0;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
      parts.push(document.createTextNode(source.slice(last, match.index)));
      const value = template.values[Number(match[1])];
      if (value?.failed) {
        const strong = document.createElement("strong");
        strong.dataset.role = "interpolation-error";
        strong.textContent = value.text;
        parts.push(strong);
      } else parts.push(document.createTextNode(value?.text ?? ""));
      last = match.index + match[0].length;
    }
    parts.push(document.createTextNode(source.slice(last)));
    node.replaceWith(...parts);
  }
}

/**
 * Marks each link for the click handler: external ones (opened after the confirm) get `rel`, a notebook
 * link is rebuilt to carry only its shipped notebook, and any other same-site link becomes inert text.
 */
function checkLinks(fragment: DocumentFragment): void {
  for (const link of [...fragment.querySelectorAll("a[href]")]) {
    const kind = classifyLink(link.getAttribute("href")!, window.location.href, shippedPaths);
    link.setAttribute("data-link", kind.kind);
    if (kind.kind === "external") link.setAttribute("rel", "noopener noreferrer");
    else if (kind.kind === "internal") link.setAttribute("href", kind.href);
    else makeInert(link, ui.linkRefusedInProse);
  }
}

/** Replaces `element` by a span of its content (an image by its alt text), with `why` as its tooltip. */
function makeInert(element: Element, why?: string): void {
  const inert = document.createElement("span");
  inert.dataset.role = "inert";
  if (why) inert.title = why;
  if (element.nodeName === "IMG") inert.textContent = element.getAttribute("alt") ?? "";
  else inert.append(...element.childNodes);
  element.replaceWith(inert);
}
