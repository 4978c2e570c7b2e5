// TextDecoder with one repair: some runtimes (Node before 22) decode `windows-1252` as ISO-8859-1,
// turning € (0x80) and the other 0x80-0x9F characters into invisible C1 controls.

// Windows-1252 0x80-0x9F; the five undefined bytes stay as their C1 code points, as WHATWG says.
const cp1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** The parts of TextDecoder the loader uses. */
export interface Decoder {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

/** A decoder for `encoding` (a WHATWG name) that decodes Windows-1252 correctly everywhere. */
export function textDecoder(encoding: string, fatal = false): Decoder {
  const inner = new TextDecoder(encoding, { fatal });
  if (inner.encoding !== "windows-1252") return inner;
  return {
    decode: (bytes, options) =>
      inner.decode(bytes, options).replace(/[\u0080-\u009f]/g, (c) => cp1252High[c.charCodeAt(0) - 0x80]),
  };
}
