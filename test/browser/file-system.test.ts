// DuckDB's file system in the browser (issue 10, item 3): the writes and `/data/./../` escapes the
// hostile-notebook run got through duckdb-wasm's virtual file system are refused in the real page.
import { describe, expect, it } from "vitest";
import { ENGINE_TIMEOUT, openFromDisk, useApp } from "./app-fixture";

const app = useApp();
const fence = "```";
const cell = (name: string, sql: string) => `${fence}sql ${name}\n${sql}\n${fence}\n`;
// SQL cells are wrapped as queries; code passes any statement to the engine as written.
const code = (name: string, sql: string) => `${fence}ts ${name}\nreturn await sql(${JSON.stringify(sql)});\n${fence}\n`;

const NOTEBOOK = `---
notebook: 1
title: File system
---

${cell("secret", "SELECT 'CANARY-9d1' AS s")}
${code("leak", "COPY (SELECT 'CANARY-9d1' AS s) TO '/data/./../tmp/leak.csv'")}
${code("overwrite", "COPY (SELECT 1) TO '/data/upload.csv' (USE_TMP_FILE false)")}
${code("export_all", "EXPORT DATABASE '/data/export'")}
${cell("readback", "SELECT * FROM read_csv('/data/./../tmp/leak.csv')")}
${cell("listing", "SELECT * FROM glob('/data/./../*')")}
${cell("own_files", "SELECT * FROM glob('/data/*')")}
${code("two", "SELECT 1 AS one; COPY (SELECT 1) TO '/data/leak.csv'")}
${cell("after", "SELECT count(*) AS n FROM secret")}
`;

describe("the DuckDB file system in the page", () => {
  it("refuses writes, `/./../` escapes and listings; ordinary queries still run", async () => {
    const ob = await app.open();
    const { page } = ob;
    await page.waitForSelector("body[data-engine=ready]", { timeout: ENGINE_TIMEOUT });
    await openFromDisk(ob, "fs.md", NOTEBOOK);
    await page.locator('[data-action="trust"]').click();
    await page.locator('[data-cell="after"][data-state="done"]').waitFor({ timeout: 60_000 });
    const error = async (name: string) => {
      const at = page.locator(`[data-cell="${name}"]`);
      expect(await at.getAttribute("data-state"), name).toBe("error");
      return at.locator('[data-role="cell-error"]').textContent();
    };
    expect(await error("leak")).toMatch(/COPY is not allowed here/);
    expect(await error("overwrite")).toMatch(/COPY is not allowed here/);
    expect(await error("export_all")).toMatch(/EXPORT is not allowed here/);
    expect(await error("readback")).toMatch(/Permission Error/);
    expect(await error("listing")).toMatch(/Permission Error/);
    expect(await error("own_files")).toMatch(/Permission Error/);
    expect(await error("two")).toMatch(/one SQL statement at a time/);
    expect(await page.locator('[data-cell="after"] [data-role="result-table"]').getAttribute("data-rows")).toBe("1");
  });
});
