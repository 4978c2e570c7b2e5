// Which East Asian double-byte encoding (GB18030/GBK, Shift-JIS, EUC-KR) fits a sample that is not
// UTF-8: every candidate that decodes is scored by how many of its characters fall in the block
// where that language's everyday text lives, since all three accept most byte pairs.
import { commonHangul, commonHanzi, commonShare } from "./common-characters";
import { textDecoder } from "./decoder";

interface Candidate {
  readonly encoding: string;
  /** Whether `byte` starts a two-byte character. */
  readonly lead: (byte: number) => boolean;
  /** Whether the pair is in the block of everyday text (common characters, kana, hangul). */
  readonly core: (lead: number, trail: number) => boolean;
}

const within = (x: number, from: number, to: number) => x >= from && x <= to;

// Tie order: Chinese first (the previous default), then Korean, whose hangul block lies inside
// GB2312's and so ties with it (see `koreanOverChinese`), then Japanese.
const candidates: readonly Candidate[] = [
  // GB2312: symbols and the 6,763 common hanzi; GBK's extensions (lead or trail below 0xA1) are rare.
  {
    encoding: "gb18030",
    lead: (b) => within(b, 0x81, 0xfe),
    core: (l, t) => within(l, 0xa1, 0xf7) && within(t, 0xa1, 0xfe),
  },
  // KS X 1001: symbols (0xA1-0xAC) and the 2,350 hangul syllables (0xB0-0xC8); hanja are rare.
  {
    encoding: "euc-kr",
    lead: (b) => within(b, 0x81, 0xfe),
    core: (l, t) => (within(l, 0xa1, 0xac) || within(l, 0xb0, 0xc8)) && within(t, 0xa1, 0xfe),
  },
  // JIS X 0208 in Shift-JIS: symbols, kana and level-1 kanji sit in leads 0x81-0x9F. Half-width
  // katakana (single bytes 0xA1-0xDF) count for nothing: GBK text reads as them too.
  {
    encoding: "shift_jis",
    lead: (b) => within(b, 0x81, 0x9f) || within(b, 0xe0, 0xfc),
    core: (l, t) => within(l, 0x81, 0x9f) && (within(t, 0x40, 0x7e) || within(t, 0x80, 0xfc)),
  },
];

/** A share of everyday characters above which a double-byte encoding beats Windows-1252. */
const threshold = 0.7;

// The share of non-ASCII characters of `sample` in the candidate's everyday block.
function coreShare(sample: Uint8Array, candidate: Candidate): number {
  let units = 0;
  let core = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b < 0x80) continue;
    units++;
    if (candidate.lead(b) && i + 1 < sample.length) {
      if (candidate.core(b, sample[i + 1])) core++;
      i++;
    }
  }
  return units ? core / units : 0;
}

function decodes(bytes: Uint8Array, encoding: string, complete: boolean): boolean {
  try {
    textDecoder(encoding, true).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** The double-byte encoding the sample is most likely in, or undefined when none fits (Windows-1252 then). */
export function doubleByteEncoding(sample: Uint8Array, complete: boolean): string | undefined {
  let best: { encoding: string; share: number } | undefined;
  for (const candidate of candidates) {
    if (!decodes(sample, candidate.encoding, complete)) continue;
    const share = coreShare(sample, candidate);
    const tie = best && share === best.share && candidate.encoding === "euc-kr";
    if (!best || share > best.share || (tie && koreanOverChinese(sample, complete))) {
      best = { encoding: candidate.encoding, share };
    }
  }
  return best && best.share >= threshold ? best.encoding : undefined;
}

// Korean text lies inside GB2312's byte range and scores as high there: the decoding with more
// everyday characters wins.
function koreanOverChinese(sample: Uint8Array, complete: boolean): boolean {
  const korean = commonShare(textDecoder("euc-kr").decode(sample, { stream: !complete }), commonHangul);
  const chinese = commonShare(textDecoder("gb18030").decode(sample, { stream: !complete }), commonHanzi);
  return korean > chinese;
}
