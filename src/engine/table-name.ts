// Table names for loaded files: a file name becomes an SQL-friendly identifier (letters and digits of
// any script, so `中文订单.csv` stays `中文订单`), unique among the tables already taken. Keywords are
// fine because the engines always quote table names.

/** Turns a file name into a unique, SQL-friendly table name (`Orders 2024.csv` -> `orders_2024`). */
export function tableNameFor(fileName: string, taken: readonly string[]): string {
  const base =
    fileName
      .replace(/^.*[\\/]/, "")
      .replace(/\.(gz|zst)$/i, "")
      .replace(/\.[^.]*$/, "") || fileName;
  // Latin accents go (Übersicht -> ubersicht); NFC puts back what NFKD split elsewhere (Hangul, kana).
  let name = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .replace(/[A-Z]+/g, (upper) => upper.toLowerCase())
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, "_")
    .replace(/^_+|_+$/g, "");
  if (!name) name = "table";
  if (/^\p{N}/u.test(name)) name = `t_${name}`;
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(name)) return name;
  for (let n = 2; ; n++) if (!used.has(`${name}_${n}`)) return `${name}_${n}`;
}
