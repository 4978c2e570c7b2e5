// The orders files the load and range benches read: a seeded CSV of N rows (~60 bytes a row, the same on
// every machine) and its Parquet copy, written once into .bench/ and reused by later runs.
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { nativeEngine } from "../src/engine/native/native-engine";
import { benchDir } from "./bench-browser";
import { mulberry32 } from "./seeded-random";

async function writeOrders(path: string, rows: number): Promise<void> {
  const rnd = mulberry32(20250601);
  const out = createWriteStream(`${path}.part`);
  const regions = ["North", "South", "East", "West", "Central"];
  const channels = ["direct", "partner", "online"];
  const products = ["Basic plan", "Pro plan", "Enterprise plan", "Support", "Training", "Hardware"];
  const start = Date.UTC(2023, 0, 1);
  const pick = (items: readonly string[]) => items[Math.floor(rnd() * items.length)];
  let chunk = "order_id,customer_id,order_date,product,channel,region,quantity,amount,margin\n";
  for (let i = 1; i <= rows; i++) {
    const day = new Date(start + Math.floor(rnd() * 912) * 86_400_000).toISOString().slice(0, 10);
    const amount = Math.round((50 + rnd() * rnd() * 20_000) * 100) / 100;
    const margin = Math.round(amount * (0.1 + rnd() * 0.4) * 100) / 100;
    const customer = `C${String(1 + Math.floor(rnd() * 5000)).padStart(5, "0")}`;
    const what = `${pick(products)},${pick(channels)},${pick(regions)}`;
    chunk += `O${String(i).padStart(8, "0")},${customer},${day},${what},${1 + Math.floor(rnd() * 20)},${amount},${margin}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
  // Renamed when complete: an interrupted run leaves no half file to be reused.
  renameSync(`${path}.part`, path);
}

/** The path of the seeded orders CSV of `rows` rows, written first if missing. */
export async function ordersCsv(rows: number): Promise<string> {
  mkdirSync(benchDir, { recursive: true });
  const path = join(benchDir, `orders-${rows}.csv`);
  if (!existsSync(path)) {
    console.error(`writing ${path} ...`);
    await writeOrders(path, rows);
  }
  return path;
}

/** The path of the orders CSV's Parquet copy (written by native DuckDB), written first if missing. */
export async function ordersParquet(rows: number): Promise<string> {
  const csv = await ordersCsv(rows);
  const path = join(benchDir, `orders-${rows}.parquet`);
  if (existsSync(path)) return path;
  // Unlocked: the copy is written with COPY, which notebook SQL may not.
  const engine = await nativeEngine({ unlocked: true });
  try {
    await engine.query(`COPY (SELECT * FROM read_csv('${csv}')) TO '${path}' (FORMAT parquet)`);
  } finally {
    await engine.close();
  }
  return path;
}
