// Bundles through native DuckDB: tables -> bundle -> tables, and every way a bundle can be refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { nativeEngine } from "../../src/engine/native/native-engine";
import { fileSourceFromPath } from "../../src/engine/node-file";
import type { Engine } from "../../src/engine/engine";
import { BUNDLE_VERSION, BundleError, readBundle, writeBundle } from "../../src/bundle/bundle";
import type { ResultTable } from "../../src/table/result";

const root = resolve(__dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "clientbook-bundle-"));
const notebookText = readFileSync(resolve(root, "notebooks/customer-review.md"), "utf8");
let engine: Engine;

const SAMPLE = `
  SELECT * FROM (VALUES
    (1, 'Müller GmbH', DATE '2024-02-29', 1234.56::DECIMAL(12,2), 0.125::DOUBLE, 9007199254740991::BIGINT,
     TIMESTAMP '2024-03-01 12:34:56', true, 3::SMALLINT),
    (2, '北京星辰科技有限公司', DATE '1999-12-31', -0.01::DECIMAL(12,2), NULL, -42::BIGINT, NULL, false, NULL),
    (3, NULL, NULL, NULL, 1e300::DOUBLE, NULL, TIMESTAMP '1970-01-01 00:00:00', NULL, -7::SMALLINT),
    (4, '', DATE '2025-06-30', 99999999.99::DECIMAL(12,2), -0.0::DOUBLE, 0::BIGINT, NULL, true, 0::SMALLINT)
  ) AS t(id, customer, first_order, revenue, share, big, seen, active, small)`;

/** The rows of a table, and its column types, as DuckDB reports them. */
const snapshot = (t: ResultTable) => ({ types: t.columns.map((c) => [c.name, c.type]), rows: t.rows() });

async function bundleOf(...tables: string[]): Promise<Uint8Array> {
  const parts = [];
  for (const name of tables) parts.push({ name, table: await engine.query(`SELECT * FROM "${name}" ORDER BY 1`) });
  return writeBundle(notebookText, parts, new Date("2026-12-06T12:00:00Z"));
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readBundle(bytes);
  } catch (e) {
    if (e instanceof BundleError) return e.message;
    throw e;
  }
  throw new Error("expected the bundle to be refused");
}

/** Rewrites a bundle's files (after `edit`), keeping everything else as it was. */
function rezip(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  return zipSync(files);
}

beforeAll(async () => {
  engine = await nativeEngine();
  await engine.query(`CREATE TABLE sample AS ${SAMPLE}`);
  await engine.loadFile(fileSourceFromPath(resolve(root, "public/notebooks/orders.csv")), "orders");
});
afterAll(() => engine.close());

describe("bundle round trip through DuckDB", () => {
  it("gives back identical rows and types: dates, decimals, text, CJK, nulls, big integers", async () => {
    const bytes = await bundleOf("sample", "orders");
    const opened = await readBundle(bytes);
    expect(opened.text).toBe(notebookText);
    expect(opened.notebook.cells.length).toBeGreaterThan(0);
    expect(opened.manifest).toMatchObject({
      format: "clientbook-bundle",
      version: BUNDLE_VERSION,
      created: "2026-12-06T12:00:00.000Z",
    });
    expect(opened.tables.map((t) => [t.name, t.file])).toEqual([
      ["sample", "tables/sample.parquet"],
      ["orders", "tables/orders.parquet"],
    ]);
    for (const table of opened.tables) {
      const path = join(tmp, `${table.name}.parquet`);
      writeFileSync(path, table.bytes);
      await engine.loadFile(fileSourceFromPath(path), `back_${table.name}`);
      const before = snapshot(await engine.query(`SELECT * FROM "${table.name}" ORDER BY 1`));
      const after = snapshot(await engine.query(`SELECT * FROM "back_${table.name}" ORDER BY 1`));
      // TIMESTAMP is stored at millisecond precision, which DuckDB reads back as TIMESTAMP_MS.
      expect(after.types.map(([n, t]) => [n, t === "TIMESTAMP_MS" ? "TIMESTAMP" : t])).toEqual(before.types);
      expect(after.rows).toEqual(before.rows);
      expect(table.rows).toBe(before.rows.length);
      expect(table.columns).toEqual(before.types.map(([name, type]) => ({ name, type })));
    }
    const sample = await engine.query(`SELECT customer, revenue::VARCHAR AS r FROM back_sample ORDER BY id`);
    expect(sample.rows().map((r) => [r.customer, r.r])).toEqual([
      ["Müller GmbH", "1234.56"],
      ["北京星辰科技有限公司", "-0.01"],
      [null, null],
      ["", "99999999.99"],
    ]);
  });

  it("keeps each file's SHA-256 and the column types in the manifest", async () => {
    const files = unzipSync(await bundleOf("sample"));
    expect(Object.keys(files).sort()).toEqual(["manifest.json", "notebook.md", "tables/sample.parquet"]);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]));
    expect(manifest.tables[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.tables[0].columns).toContainEqual({ name: "revenue", type: "DECIMAL(12,2)" });
    expect(manifest.tables[0].columns).toContainEqual({ name: "first_order", type: "DATE" });
  });

  it("reports bundle size and time for the sample notebook with its orders", async () => {
    const started = performance.now();
    const bytes = await bundleOf("orders");
    const written = performance.now() - started;
    const readStart = performance.now();
    await readBundle(bytes);
    const read = performance.now() - readStart;
    const csv = readFileSync(resolve(root, "public/notebooks/orders.csv")).length;
    console.log(
      `bundle customer-review + orders: ${bytes.length} bytes (orders.csv ${csv} bytes), ` +
        `write ${written.toFixed(0)} ms, read ${read.toFixed(0)} ms`,
    );
    expect(bytes.length).toBeLessThan(csv);
  });
});

describe("bundle refusals (nothing half-loaded)", () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await bundleOf("sample");
  });

  it("refuses a truncated bundle, cut anywhere", async () => {
    for (const keep of [0.1, 0.5, 0.9, 0.999]) {
      expect(await refusal(good.slice(0, Math.floor(good.length * keep)))).toMatch(
        /cut off or is not a bundle.*nothing was loaded/,
      );
    }
    expect(await refusal(strToU8("just some text"))).toMatch(/not a bundle/);
  });

  it("refuses a tampered table or notebook (hash mismatch)", async () => {
    const table = rezip(good, (f) => {
      const bytes = f["tables/sample.parquet"].slice();
      bytes[40] ^= 0xff;
      f["tables/sample.parquet"] = bytes;
    });
    expect(await refusal(table)).toMatch(/changed or damaged.*tables\/sample\.parquet does not match its checksum/);
    const notebook = rezip(good, (f) => (f["notebook.md"] = strToU8(notebookText.replace("Customer", "Kunde"))));
    expect(await refusal(notebook)).toMatch(/notebook\.md does not match/);
  });

  it("refuses a bundle from a newer format version", async () => {
    const newer = rezip(good, (f) => {
      const manifest = JSON.parse(strFromU8(f["manifest.json"]));
      f["manifest.json"] = strToU8(JSON.stringify({ ...manifest, version: BUNDLE_VERSION + 1 }));
    });
    expect(await refusal(newer)).toMatch(new RegExp(`newer Clientbook \\(bundle format ${BUNDLE_VERSION + 1}\\)`));
  });

  it("refuses missing files and a missing or broken manifest", async () => {
    expect(await refusal(rezip(good, (f) => delete f["tables/sample.parquet"]))).toMatch(
      /incomplete: tables\/sample\.parquet is missing/,
    );
    expect(await refusal(rezip(good, (f) => delete f["notebook.md"]))).toMatch(/notebook\.md is missing/);
    expect(await refusal(rezip(good, (f) => delete f["manifest.json"]))).toMatch(/no manifest\.json/);
    expect(await refusal(rezip(good, (f) => (f["manifest.json"] = strToU8("{not json"))))).toMatch(
      /manifest\.json cannot be read/,
    );
  });

  it("refuses a table with other rows than the manifest says, or a table that is not Parquet", async () => {
    const editManifest = (edit: (manifest: { tables: { rows: number; sha256: string }[] }) => void) =>
      rezip(good, (f) => {
        const manifest = JSON.parse(strFromU8(f["manifest.json"]));
        edit(manifest);
        f["manifest.json"] = strToU8(JSON.stringify(manifest));
      });
    expect(await refusal(editManifest((mf) => (mf.tables[0].rows = 5)))).toMatch(
      /tables\/sample\.parquet cannot be read \(4 rows, the manifest says 5\)/,
    );
    const junk = strToU8("not parquet at all");
    const digest = Buffer.from(await crypto.subtle.digest("SHA-256", junk)).toString("hex");
    const notParquet = rezip(
      editManifest((mf) => (mf.tables[0].sha256 = digest)),
      (f) => (f["tables/sample.parquet"] = junk),
    );
    expect(await refusal(notParquet)).toMatch(/tables\/sample\.parquet cannot be read \(.+\)\. Nothing was loaded/);
  });
});
