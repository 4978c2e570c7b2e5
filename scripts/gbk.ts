// A GBK encoder for the Chinese sample data: Node's TextDecoder reads GBK but nothing in Node writes it,
// so the table is the decoder's read backwards over every two-byte code (0x81-0xFE, 0x40-0xFE).

let table: Map<string, number> | undefined;

function codes(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder("gbk");
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== "\ufffd" && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  return table;
}

/** Encodes `text` as GBK; throws on a character GBK lacks (such as the half-width ¥: exports write ￥). */
export function encodeGbk(text: string): Uint8Array {
  const map = codes();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const gbk = map.get(ch);
      if (gbk === undefined) throw new Error(`GBK has no ${JSON.stringify(ch)}`);
      out.push(gbk >> 8, gbk & 0xff);
    }
  }
  return Uint8Array.from(out);
}
