// Text encoding detection for client exports: byte-order marks, then strict UTF-8, then a choice
// between the double-byte encodings (GB18030/GBK, EUC-KR, Shift-JIS) and Windows-1252. Also spots binary junk.
import { notTextFile, unknownEncoding } from "../../messages/engine";
import { doubleByteEncoding } from "./double-byte";

/** An encoding decision: the WHATWG name to decode with and how many BOM bytes to skip. */
export interface DetectedEncoding {
  readonly encoding: string;
  readonly bom: number;
}

/** Normalizes a user-given encoding label to its WHATWG name (`latin1` -> `windows-1252`); throws when unknown. */
export function normalizeEncoding(label: string): string {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    throw new Error(unknownEncoding(label));
  }
}

/** Detects the encoding of a text sample; `complete` says the sample is the whole file. */
export function detectEncoding(sample: Uint8Array, complete: boolean): DetectedEncoding {
  const [a, b, c] = sample;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: "utf-16be", bom: 2 };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bom: 0 };
  if (decodes(sample, "utf-8", complete)) return { encoding: "utf-8", bom: 0 };
  return { encoding: doubleByteEncoding(sample, complete) ?? "windows-1252", bom: 0 };
}

function decodes(bytes: Uint8Array, encoding: string, complete: boolean): boolean {
  try {
    // stream: a sample cut in the middle of a character is not an error.
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

// UTF-16 text without a BOM: most ASCII characters leave a zero in every other byte.
function utf16WithoutBom(sample: Uint8Array): string | undefined {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return undefined;
}

/** Throws the "not a text file" error when decoded text is mostly control characters or has NULs. */
export function assertText(fileName: string, text: string): void {
  const sample = text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) throw new Error(notTextFile(fileName));
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0x7f || code === 0xfffd)
      control++;
  }
  if (control > Math.max(2, sample.length * 0.01)) throw new Error(notTextFile(fileName));
}
