// The chart-export messages: the sandbox takes only well-formed requests, and the shell takes only files
// that are what they claim (PNG signature, one <svg> document) and within the size limits.
import { describe, expect, it } from "vitest";
import {
  asExportReply,
  asExportRequest,
  isSvgDocument,
  MAX_PNG_BYTES,
  MAX_SVG_CHARS,
  PNG_SIGNATURE,
} from "../../src/sandbox/export";

const png = (extra = 16) => {
  const bytes = new Uint8Array(PNG_SIGNATURE.length + extra);
  bytes.set(PNG_SIGNATURE);
  return bytes.buffer;
};
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>';

describe("asExportRequest(data)", () => {
  it("accepts a request for SVG or PNG", () => {
    expect(asExportRequest({ type: "clientbook:export", request: 4, format: "svg" })).toEqual({
      type: "clientbook:export",
      request: 4,
      format: "svg",
    });
    expect(asExportRequest({ type: "clientbook:export", request: 0, format: "png" })?.format).toBe("png");
  });

  it("refuses other formats, ids, types and extra fields", () => {
    for (const bad of [
      null,
      "clientbook:export",
      { type: "clientbook:export", request: 1, format: "pdf" },
      { type: "clientbook:export", request: -1, format: "svg" },
      { type: "clientbook:export", request: 1.5, format: "svg" },
      { type: "clientbook:export", request: "1", format: "svg" },
      { type: "clientbook:render", request: 1, format: "svg" },
      { type: "clientbook:export", request: 1, format: "svg", scale: 50 },
    ]) {
      expect(asExportRequest(bad)).toBeNull();
    }
  });
});

describe("isSvgDocument(text)", () => {
  it("takes one <svg> root, with or without an XML declaration", () => {
    expect(isSvgDocument(SVG)).toBe(true);
    expect(isSvgDocument(`<?xml version="1.0"?>\n${SVG}\n`)).toBe(true);
  });

  it("refuses HTML, a root other than svg and text after the root", () => {
    expect(isSvgDocument("<html><svg></svg></html>")).toBe(false);
    expect(isSvgDocument("<svgfoo></svgfoo>")).toBe(false);
    expect(isSvgDocument(`${SVG}<script>alert(1)</script>`)).toBe(false);
    expect(isSvgDocument("")).toBe(false);
  });
});

describe("asExportReply(data)", () => {
  it("accepts an SVG document, PNG bytes with the signature, and a failure", () => {
    expect(asExportReply({ type: "clientbook:export-file", request: 2, format: "svg", svg: SVG })).toEqual({
      type: "clientbook:export-file",
      request: 2,
      format: "svg",
      svg: SVG,
    });
    const file = png();
    const reply = asExportReply({ type: "clientbook:export-file", request: 3, format: "png", png: file });
    expect(reply).toMatchObject({ format: "png", request: 3 });
    expect(reply && "png" in reply ? reply.png.byteLength : 0).toBe(file.byteLength);
    expect(asExportReply({ type: "clientbook:export-error", request: 1, message: "x".repeat(5000) })).toEqual({
      type: "clientbook:export-error",
      request: 1,
      message: "x".repeat(2000),
    });
  });

  it("refuses bytes that are not a PNG, and text that is not an SVG", () => {
    const gif = new TextEncoder().encode("GIF89a........").buffer;
    expect(asExportReply({ type: "clientbook:export-file", request: 1, format: "png", png: gif })).toBeNull();
    expect(asExportReply({ type: "clientbook:export-file", request: 1, format: "png", png: "\x89PNG" })).toBeNull();
    expect(
      asExportReply({ type: "clientbook:export-file", request: 1, format: "png", png: new Uint8Array(png()) }),
    ).toBeNull();
    expect(asExportReply({ type: "clientbook:export-file", request: 1, format: "png", png: png(0) })).toBeNull();
    expect(
      asExportReply({ type: "clientbook:export-file", request: 1, format: "svg", svg: "<html>hi</html>" }),
    ).toBeNull();
    // A file labelled one format carrying the other.
    expect(asExportReply({ type: "clientbook:export-file", request: 1, format: "svg", png: png() })).toBeNull();
    expect(
      asExportReply({ type: "clientbook:export-file", request: 1, format: "png", png: png(), svg: SVG }),
    ).toBeNull();
  });

  it("refuses files over the size limits", () => {
    const big = new Uint8Array(MAX_PNG_BYTES + 1);
    big.set(PNG_SIGNATURE);
    expect(asExportReply({ type: "clientbook:export-file", request: 1, format: "png", png: big.buffer })).toBeNull();
    const huge = `<svg>${" ".repeat(MAX_SVG_CHARS)}</svg>`;
    expect(asExportReply({ type: "clientbook:export-file", request: 1, format: "svg", svg: huge })).toBeNull();
  });

  it("refuses other message types and bad request ids", () => {
    for (const bad of [
      null,
      { type: "clientbook:size", request: 1, height: 3 },
      { type: "clientbook:export-file", request: -2, format: "svg", svg: SVG },
      { type: "clientbook:export-file", format: "svg", svg: SVG },
      { type: "clientbook:export-file", request: 1, format: "pdf", pdf: SVG },
      { type: "clientbook:export-error", request: 1, message: 42 },
    ]) {
      expect(asExportReply(bad)).toBeNull();
    }
  });
});
