// HTML escaping for the report, which is built as a string without a DOM (it is made in Node too).

/** `text` with the characters that could open markup or close an attribute replaced by entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
