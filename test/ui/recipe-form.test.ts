// The gallery's form logic without a browser: defaults and attribute text, slot defaults by table kind,
// the checks shown before inserting, and free cell-name prefixes.
import { describe, expect, it } from "vitest";
import { buildRecipe, findRecipe } from "../../src/recipes/registry";
import type { TableMapping } from "../../src/ui/roles.svelte";
import {
  checkRecipe,
  defaultSlots,
  formAttrs,
  formDefaults,
  freePrefix,
  mappedOnly,
  readiness,
  slotBindings,
} from "../../src/ui/recipe-form";

const abc = findRecipe("abc")!;
const segments = findRecipe("attribute-segments")!;

const mapping = (
  table: string,
  kind: TableMapping["kind"],
  roles: Record<string, string>,
  columns: string[],
): TableMapping => ({
  table,
  kind,
  roles,
  columns: columns.map((name) => ({ name, type: "VARCHAR", nulls: 0 })),
  status: "guessed",
  check: { missing: [], unknownColumns: [], unknownRoles: [], messages: [] },
});

const orders = mapping(
  "orders",
  "transactions",
  { customer_id: "Kunde", date: "Datum", amount: "Umsatz", margin: "" },
  ["Kunde", "Datum", "Umsatz", "Marge"],
);
const clients = mapping("clients", "customers", { customer_id: "Kunde", industry: "Branche" }, ["Kunde", "Branche"]);

describe("formDefaults(specs) and formAttrs(specs, values)", () => {
  it("shows automatic values as empty fields and writes them back as auto", () => {
    const values = formDefaults(abc.params);
    expect(values).toMatchObject({ analysis_date: "", measure: "revenue", a_share: "80", b_share: "95", months: "0" });
    expect(formAttrs(abc.params, values)).toEqual({
      analysis_date: "auto",
      measure: "revenue",
      a_share: "80",
      b_share: "95",
      months: "0",
    });
  });
});

describe("defaultSlots(recipe, mappings) and slotBindings(...)", () => {
  it("fills each slot with a table of its kind and binds only mapped roles", () => {
    const slots = defaultSlots(segments, [orders, clients]);
    expect(slots).toEqual({ customers: "clients", transactions: "orders" });
    expect(slotBindings(segments, slots, [orders, clients]).transactions).toEqual({
      table: "orders",
      roles: { customer_id: "Kunde", date: "Datum", amount: "Umsatz" },
      columns: ["Kunde", "Datum", "Umsatz", "Marge"],
    });
    expect(defaultSlots(segments, [orders]).customers).toBe("");
  });
});

describe("checkRecipe(recipe, tables, attrs, name, build)", () => {
  it("builds the cells when everything is there", () => {
    const tables = slotBindings(abc, { transactions: "orders" }, [orders]);
    const check = checkRecipe(abc, tables, formAttrs(abc.params, formDefaults(abc.params)), "abc", buildRecipe);
    expect(check.params).toEqual([]);
    expect(check.roles).toEqual([]);
    expect(check.cells?.map((c) => c.name)).toContain("abc_chart");
  });

  it("names the role a parameter needs, and the parameter that is wrong", () => {
    const tables = slotBindings(abc, { transactions: "orders" }, [orders]);
    const byMargin = checkRecipe(
      abc,
      tables,
      { ...formAttrs(abc.params, formDefaults(abc.params)), measure: "margin" },
      "abc",
      buildRecipe,
    );
    expect(byMargin.cells).toBeUndefined();
    expect(byMargin.roles.map((p) => p.roles)).toEqual([["margin", "cost"]]);
    expect(byMargin.roles[0].table).toBe("orders");
    const bad = checkRecipe(
      abc,
      tables,
      { ...formAttrs(abc.params, formDefaults(abc.params)), a_share: "lots" },
      "abc",
      buildRecipe,
    );
    expect(bad.params).toHaveLength(1);
    expect(bad.params[0]).toContain("lots");
  });

  it("says a required table is missing", () => {
    expect(new Set(readiness(segments, [orders]).map((p) => p.slot))).toEqual(new Set(["customers"]));
    expect(readiness(segments, [orders, clients])).toEqual([]);
  });
});

describe("freePrefix(recipe, taken)", () => {
  it("numbers the prefix when a cell or table already uses it", () => {
    expect(freePrefix(abc, ["orders"])).toBe("abc");
    expect(freePrefix(abc, ["abc", "abc_classes"])).toBe("abc_2");
    expect(freePrefix(abc, ["ABC_curve", "abc_2_chart"])).toBe("abc_3");
  });
});

describe("mappedOnly(roles)", () => {
  it("drops unmapped roles", () => {
    expect(mappedOnly({ a: "x", b: "" })).toEqual({ a: "x" });
  });
});
