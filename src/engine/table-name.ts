// Table names for loaded files: a file name becomes a lowercase SQL-friendly identifier, unique
// among the tables already taken. Keywords are fine because the engines always quote table names.

/** Turns a file name into a unique, SQL-friendly table name (`Orders 2024.csv` -> `orders_2024`). */
export function tableNameFor(fileName: string, taken: readonly string[]): string {
  const base =
    fileName
      .replace(/^.*[\\/]/, "")
      .replace(/\.(gz|zst)$/i, "")
      .replace(/\.[^.]*$/, "") || fileName;
  let name = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!name) name = "table";
  if (/^[0-9]/.test(name)) name = `t_${name}`;
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(name)) return name;
  for (let n = 2; ; n++) if (!used.has(`${name}_${n}`)) return `${name}_${n}`;
}
