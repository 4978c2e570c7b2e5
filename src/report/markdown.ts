// Markdown prose for the report, made safe without a DOM: raw HTML is shown as text, images only from
// data: URLs, and links only to http(s) pages (rel=noreferrer); any other link is kept as its text.
import { Marked } from "marked";
import { escapeHtml } from "./escape";

// The image types a browser draws without running anything; any other src would be a request.
const SAFE_IMAGE = /^data:image\/(png|gif|jpeg|webp);base64,[A-Za-z0-9+/=\s]*$/i;
const WEB_LINK = /^https?:\/\/[^\s"'<>]+$/i;

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    // Raw HTML in a notebook's prose is shown as the text it is, never interpreted.
    html({ text }) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }) {
      const inner = this.parser.parseInline(tokens);
      if (!WEB_LINK.test(href)) return inner;
      const tip = title ? ` title="${escapeHtml(title)}"` : "";
      // Following a link is the reader's choice; noreferrer keeps the report's location out of the request.
      return `<a href="${escapeHtml(href)}" rel="noreferrer noopener"${tip}>${inner}</a>`;
    },
    image({ href, text }) {
      if (!SAFE_IMAGE.test(href)) return escapeHtml(text);
      return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}">`;
    },
  },
});

/** Renders notebook Markdown to HTML that runs nothing and loads nothing. */
export function renderReportMarkdown(text: string): string {
  return marked.parse(text) as string;
}
