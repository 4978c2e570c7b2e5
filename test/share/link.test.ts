import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { strToU8, zlibSync } from "fflate";
import {
  decodeShareLink,
  encodeShareLink,
  isShareLink,
  SHARE_LINK_MAX_LENGTH,
  ShareLinkError,
} from "../../src/share/link";

const root = resolve(__dirname, "../..");
const BASE = "https://clientbook.example/app/?notebook=notebooks/customer-review.md";
const notebooks = readdirSync(resolve(root, "notebooks")).filter((f) => f.endsWith(".md"));

/** A link whose fragment holds `bytes`, zlib-compressed, as encodeShareLink writes it. */
const linkOf = (bytes: Uint8Array) => `${BASE}#nb=${Buffer.from(zlibSync(bytes)).toString("base64url")}`;

function errorOf(fn: () => unknown): ShareLinkError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ShareLinkError) return e;
    throw e;
  }
  throw new Error("expected a ShareLinkError");
}

describe("share link", () => {
  it.each(notebooks)("round-trips notebooks/%s byte for byte, in the fragment only", (file) => {
    const text = readFileSync(resolve(root, "notebooks", file), "utf8");
    const url = encodeShareLink(text, BASE + "#old");
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname + parsed.search).toBe(BASE);
    expect(parsed.hash.startsWith("#nb=")).toBe(true);
    expect(url.length).toBeLessThanOrEqual(SHARE_LINK_MAX_LENGTH);
    expect(isShareLink(url)).toBe(true);
    const { text: back, notebook } = decodeShareLink(url);
    expect(back).toBe(text);
    expect(notebook.cells.length).toBeGreaterThan(0);
  });

  it("keeps CJK text and CRLF line breaks", () => {
    const text = "---\r\nnotebook: 1\r\ntitle: 客户分析\r\n---\r\n\r\n# 客户 — RFM\r\n";
    expect(decodeShareLink(encodeShareLink(text, BASE)).text).toBe(text);
  });

  it("reports the longest link the example notebooks need", () => {
    const lengths = notebooks.map(
      (f) => [f, encodeShareLink(readFileSync(resolve(root, "notebooks", f), "utf8"), BASE).length] as const,
    );
    const longest = lengths.reduce((a, b) => (b[1] > a[1] ? b : a));
    console.log(`share link lengths (base ${BASE.length} chars): ${lengths.map(([f, n]) => `${f} ${n}`).join(", ")}`);
    expect(longest[1]).toBeLessThan(SHARE_LINK_MAX_LENGTH);
  });

  it("refuses a notebook over the size limit, offering the file", () => {
    // Random-looking text barely compresses.
    let seed = 1;
    const noise = Array.from(
      { length: 60_000 },
      () => ((seed = (seed * 48271) % 2147483647), String.fromCharCode(33 + (seed % 90))),
    ).join("");
    const error = errorOf(() => encodeShareLink(`# Big\n\n${noise}\n`, BASE));
    expect(error.offerFile).toBe(true);
    expect(error.message).toMatch(/too long for a share link.*Save the notebook as a file/);
  });

  it("refuses a link cut in the middle, at every length", () => {
    const url = encodeShareLink(readFileSync(resolve(root, "notebooks/customer-review.md"), "utf8"), BASE);
    const start = url.indexOf("#nb=") + 4;
    for (let end = start; end < url.length; end += 37) {
      expect(errorOf(() => decodeShareLink(url.slice(0, end))).message).toMatch(/incomplete|cut off/);
    }
    expect(errorOf(() => decodeShareLink(url.slice(0, -1))).message).toMatch(/incomplete/);
  });

  it("refuses a fragment that does not decompress, or a tampered one", () => {
    expect(errorOf(() => decodeShareLink(`${BASE}#nb=aGVsbG8gd29ybGQ`)).message).toMatch(/incomplete/);
    const url = encodeShareLink("# Hello\n\nSome prose.\n", BASE);
    const flipped = url.slice(0, -3) + (url.at(-3) === "A" ? "B" : "A") + url.slice(-2);
    expect(() => decodeShareLink(flipped)).toThrow(ShareLinkError);
    expect(errorOf(() => decodeShareLink(`${BASE}#nb=ab%20cd`)).message).toMatch(/damaged/);
  });

  it("refuses a link without a notebook", () => {
    expect(isShareLink(BASE)).toBe(false);
    expect(errorOf(() => decodeShareLink(BASE)).message).toMatch(/no #nb=/);
    expect(errorOf(() => decodeShareLink(`${BASE}#nb=`)).message).toMatch(/incomplete/);
  });

  it("refuses a fragment that decompresses to something that is not a notebook", () => {
    const newer = errorOf(() => decodeShareLink(linkOf(strToU8("---\nnotebook: 99\n---\n# Hi\n"))));
    expect(newer.message).toMatch(/not a Clientbook notebook \(line \d+\): .*newer Clientbook/);
    const yaml = errorOf(() => decodeShareLink(linkOf(strToU8("---\nnotebook: [1\n---\n"))));
    expect(yaml.message).toMatch(/not a Clientbook notebook.*YAML/);
    expect(errorOf(() => decodeShareLink(linkOf(new Uint8Array([0xff, 0xfe, 0x00, 0x81])))).message).toMatch(
      /does not hold notebook text/,
    );
    expect(errorOf(() => decodeShareLink(linkOf(strToU8("a\0b")))).message).toMatch(/does not hold notebook text/);
  });
});
