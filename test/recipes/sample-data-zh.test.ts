// The Chinese sample data (public/notebooks/zh-*.csv): made by the seeded generator byte for byte, read by the
// real loader with no option (GBK detected, `2024/1/5` dates, ￥ amounts as DECIMAL), its headers mapped to roles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Engine, LoadReport } from "../../src/engine/engine";
import { nativeEngine } from "../../src/engine/native/native-engine";
import { fileSourceFromPath } from "../../src/engine/node-file";
import { guessRoles, guessTableKind } from "../../src/recipes/roles";
import { encodeGbk } from "../../scripts/gbk";
import { chineseCrmExport } from "../../scripts/sample-data-zh";
import { root, runRecipe } from "./helpers";

const file = (name: string) => resolve(root, "public/notebooks", name);
const generated = chineseCrmExport();
let engine: Engine;
let orders: LoadReport;
let customers: LoadReport;
beforeAll(async () => {
  engine = await nativeEngine();
  orders = await engine.loadFile(fileSourceFromPath(file("zh-orders.csv")), "订单明细");
  customers = await engine.loadFile(fileSourceFromPath(file("zh-customers.csv")), "客户档案");
}, 60_000);
afterAll(() => engine?.close());

describe("chineseCrmExport() and encodeGbk(text)", () => {
  it("writes the shipped files byte for byte, in GBK with ￥ amounts and slash dates", () => {
    expect(Buffer.from(encodeGbk(generated.orders)).equals(readFileSync(file("zh-orders.csv")))).toBe(true);
    expect(Buffer.from(encodeGbk(generated.customers)).equals(readFileSync(file("zh-customers.csv")))).toBe(true);
    const text = new TextDecoder("gbk").decode(readFileSync(file("zh-orders.csv")));
    expect(text).toBe(generated.orders);
    expect(text.split("\r\n")[0]).toBe(
      "订单编号,下单日期,客户编号,客户名称,区域,销售渠道,产品,产品类别,数量,单价,金额,客户经理,订单状态",
    );
    expect(text).toMatch(/\r\nSO000001,2023\/1\/\d{1,2},KH\d{4},[^,]+有限公司,/);
    expect(text).toMatch(/,"-￥\d{1,3}(,\d{3})*\.\d\d",/);
    expect(() => encodeGbk("¥")).toThrow(/GBK has no/);
  });
});

describe("the loader on the Chinese CRM export (native DuckDB, no options)", () => {
  it("detects GBK, reads 2024/1/5 as dates and ￥1,234.00 amounts as DECIMAL", async () => {
    const rows = generated.orders.split("\r\n").length - 2;
    expect(orders).toMatchObject({ encoding: "gb18030", delimiter: ",", rows });
    const types = Object.fromEntries(orders.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({ 下单日期: "DATE", 数量: "BIGINT", 单价: "DECIMAL(18,2)", 金额: "DECIMAL(18,2)" });
    expect(customers.columns.find((c) => c.name === "建档日期")?.type).toBe("DATE");
    expect(orders.warnings).toHaveLength(2);
    // The sum DuckDB reads equals the sum of the amounts as the generator wrote them.
    const written = generated.orders
      .split("\r\n")
      .slice(1, -1)
      .map((line) => Number(/"(-?)￥([\d,.]+)"(?=,[^,]+,[^,]+$)/.exec(line)!.slice(1, 3).join("").replace(/,/g, "")));
    const total = written.reduce((s, x) => s + Math.round(x * 100), 0) / 100;
    const read = (await engine.query("SELECT sum(金额) AS total, min(下单日期) AS first FROM 订单明细")).rows()[0];
    expect(read.total).toBeCloseTo(total, 2);
    expect(read.first).toBe(Date.UTC(2023, 0, 2));
    expect(written.some((x) => x < 0)).toBe(true);
  });

  it("maps the Chinese headers to roles, confidently", () => {
    const hints = (r: LoadReport) => r.columns.map((c) => ({ name: c.name, type: c.type }));
    expect(guessTableKind(hints(orders)).kind).toBe("transactions");
    expect(guessTableKind(hints(customers)).kind).toBe("customers");
    const tx = guessRoles(hints(orders), "transactions");
    expect(tx.roles).toMatchObject({ customer_id: "客户编号", date: "下单日期", amount: "金额", order_id: "订单编号" });
    expect(tx.questions).toEqual([]);
    const cu = guessRoles(hints(customers), "customers");
    expect(cu.roles).toMatchObject({ customer_id: "客户编号", name: "客户名称", region: "区域", size: "客户规模" });
    expect(cu.roles.first_contact_date).toBe("建档日期");
  });
});

describe("recipes on the Chinese tables (CJK table and column names, bound by the guessed roles)", () => {
  it.each(["rfm", "abc", "pyramid"])(
    "%s runs, results non-empty, its checks counting the purchases",
    async (id) => {
      const hints = (r: LoadReport) => r.columns.map((c) => ({ name: c.name, type: c.type }));
      const tables = {
        transactions: { table: "订单明细", roles: guessRoles(hints(orders), "transactions").roles },
        customers: { table: "客户档案", roles: guessRoles(hints(customers), "customers").roles },
      };
      const out = await runRecipe(engine, id, { tables });
      for (const [name, rows] of Object.entries(out.rows)) expect([name, rows.length > 0]).toEqual([name, true]);
      const purchases = generated.orders.split("\r\n").filter((l) => l.startsWith("SO")).length;
      expect(out.rows[`${id.replace(/-/g, "_")}_checks`][0]).toMatchObject({ rows: purchases });
    },
    60_000,
  );
});
