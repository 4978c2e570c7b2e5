// Checks a chart's SVG before it goes into a report: an allow-list re-serialisation, without a DOM, that keeps
// drawing elements and drops scripts, foreignObject, images, styles, event handlers and any URL outside the SVG.
import { escapeHtml } from "./escape";

/** An SVG that cannot be read at all (so it is left out rather than half-cleaned). */
export class SvgError extends Error {
  override readonly name = "SvgError";
}

// Drawing elements only: no script, foreignObject, image, use, style, a, animate/set (which can set href).
const ELEMENTS = new Set(
  (
    "svg g path rect circle ellipse line polyline polygon text tspan textPath title desc defs clipPath mask " +
    "linearGradient radialGradient stop pattern marker symbol"
  ).split(" "),
);
const ELEMENT_BY_LOWER = new Map([...ELEMENTS].map((e) => [e.toLowerCase(), e]));

// A comment, processing instruction, CDATA or doctype (all dropped); a tag; or text.
const SKIPPED = String.raw`<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>`;
const TAG = String.raw`<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(\/?)>`;
const TOKEN = new RegExp(`${SKIPPED}|${TAG}|[^<]+`, "iy");
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g;

/** The SVG with only drawing markup kept; ids are prefixed with `idPrefix` so charts in one page never clash. */
export function sanitizeSvg(svg: string, idPrefix: string): string {
  const out: string[] = [];
  // Depth inside a dropped element: everything in it goes too.
  let skip = 0;
  const open: string[] = [];
  TOKEN.lastIndex = 0;
  const text = svg.trim();
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match || match.index !== at) throw new SvgError(`unreadable SVG markup at character ${at}`);
    const [token, closing, rawName, attrs, selfClosing] = match;
    if (rawName === undefined) {
      if (token.startsWith("<")) continue;
      if (!skip && open.length) out.push(escapeText(token));
      continue;
    }
    const name = ELEMENT_BY_LOWER.get(rawName.toLowerCase());
    if (closing) {
      if (skip) skip--;
      else if (name && open.at(-1) === name) out.push(`</${open.pop()}>`);
      else throw new SvgError(`unexpected </${rawName}>`);
      continue;
    }
    if (!open.length && !skip && name !== "svg") throw new SvgError("an SVG must start with <svg>");
    if (skip || !name) {
      if (!selfClosing) skip++;
      continue;
    }
    out.push(`<${name}${cleanAttributes(attrs, idPrefix)}${selfClosing ? "/>" : ">"}`);
    if (!selfClosing) open.push(name);
  }
  if (open.length || skip || !out.length) throw new SvgError("the SVG ends before all its elements are closed");
  return out.join("");
}

function cleanAttributes(attrs: string, prefix: string): string {
  let kept = "";
  for (const [, rawName, double, single] of attrs.matchAll(ATTRIBUTE)) {
    const name = rawName.toLowerCase();
    let value = (double ?? single ?? "").replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos);/gi, decodeEntity);
    if (name.startsWith("on") || name === "style" || name.startsWith("xml:base")) continue;
    if (name === "href" || name === "xlink:href") {
      if (!/^#[\w.-]+$/.test(value)) continue;
      value = `#${prefix}${value.slice(1)}`;
    } else if (name === "id") value = prefix + value;
    else if (/url\s*\(/i.test(value)) {
      // Only references inside this SVG, as in clip-path="url(#clip3)".
      if (!/^url\(\s*#[\w.-]+\s*\)$/i.test(value.trim())) continue;
      value = value.trim().replace(/^url\(\s*#/i, `url(#${prefix}`);
    }
    if (/javascript:|data:|https?:|\/\//i.test(value) && !name.startsWith("xmlns")) continue;
    kept += ` ${rawName}="${escapeHtml(value)}"`;
  }
  return kept;
}

/** Text between tags: entities already in it are kept, a stray `>` or bare `&` is escaped. */
function escapeText(text: string): string {
  return text.replace(/&(?!(#\d+|#x[0-9a-f]+|[a-z]+);)/gi, "&amp;").replace(/>/g, "&gt;");
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntity(entity: string, body: string): string {
  if (!body.startsWith("#")) return NAMED[body.toLowerCase()];
  const hex = /^#x/i.test(body);
  const code = parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
  return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : "";
}
