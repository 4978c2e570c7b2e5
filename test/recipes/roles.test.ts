import { describe, expect, it } from "vitest";
import { guessRoles, guessTableKind, normalizeHeader } from "../../src/recipes/roles";
import { bindingFor, checkMapping, saveRoles } from "../../src/recipes/bindings";
import { parseNotebook } from "../../src/notebook/parse";
import { serializeNotebook } from "../../src/notebook/serialize";

const cols = (...spec: [string, string, string[]?][]) => spec.map(([name, type, samples]) => ({ name, type, samples }));

describe("guessRoles(columns, kind)", () => {
  it("reads Chinese headers", () => {
    const g = guessRoles(
      cols(["客户编号", "VARCHAR"], ["日期", "DATE"], ["金额", "DOUBLE"], ["毛利", "DOUBLE"], ["订单号", "VARCHAR"]),
    );
    expect(g.kind).toBe("transactions");
    expect(g.roles).toEqual({
      customer_id: "客户编号",
      date: "日期",
      amount: "金额",
      margin: "毛利",
      order_id: "订单号",
    });
    expect(g.missing).toEqual([]);
  });

  it("reads German headers, compounds included", () => {
    const g = guessRoles(
      cols(
        ["Kunden-Nr", "VARCHAR"],
        ["Rechnungsdatum", "DATE"],
        ["Umsatz", "DECIMAL(18,2)"],
        ["Deckungsbeitrag", "DOUBLE"],
      ),
      "transactions",
    );
    expect(g.roles).toEqual({
      customer_id: "Kunden-Nr",
      date: "Rechnungsdatum",
      amount: "Umsatz",
      margin: "Deckungsbeitrag",
    });
  });

  it("reads French and Spanish headers, text dates judged by their samples", () => {
    const fr = guessRoles(
      cols(
        ["N° client", "VARCHAR"],
        ["Date de commande", "VARCHAR", ["2024-01-03", "2024-02-11"]],
        ["Montant HT", "DOUBLE"],
      ),
    );
    expect([fr.kind, fr.roles]).toEqual([
      "transactions",
      { customer_id: "N° client", date: "Date de commande", amount: "Montant HT" },
    ]);
    const es = guessRoles(
      cols(["ID cliente", "BIGINT"], ["Fecha", "DATE"], ["Importe", "DOUBLE"], ["Margen", "DOUBLE"]),
    );
    expect(es.roles).toEqual({ customer_id: "ID cliente", date: "Fecha", amount: "Importe", margin: "Margen" });
  });

  it("does not take a text column whose samples are not dates as the date", () => {
    const g = guessRoles(
      cols(["customer", "VARCHAR"], ["date", "VARCHAR", ["soon", "later"]], ["amount", "DOUBLE"]),
      "transactions",
    );
    expect(g.roles.date).toBeUndefined();
    expect(g.missing).toEqual(["date"]);
  });

  it("maps the sample customers file and tells it from a transactions file", () => {
    const customers = cols(
      ["customer_id", "VARCHAR"],
      ["name", "VARCHAR"],
      ["industry", "VARCHAR"],
      ["size", "VARCHAR"],
      ["region", "VARCHAR"],
      ["country", "VARCHAR"],
      ["first_contact_date", "DATE"],
    );
    expect(guessTableKind(customers).kind).toBe("customers");
    expect(guessRoles(customers).roles).toMatchObject({
      customer_id: "customer_id",
      industry: "industry",
      size: "size",
      region: "region",
      first_contact_date: "first_contact_date",
    });
  });

  it("normalizes headers: case, accents, camelCase, punctuation", () => {
    expect(normalizeHeader("Numéro_de-Client")).toBe("numero de client");
    expect(normalizeHeader("orderDate")).toBe("order date");
    expect(normalizeHeader("Größe")).toBe("grosse");
  });
});

describe("checkMapping(kind, table, mapping, columns)", () => {
  it("says which required roles are missing and what to map", () => {
    const check = checkMapping("transactions", "orders", { customer_id: "Kunden-Nr" }, ["Kunden-Nr", "Datum"]);
    expect(check.missing).toEqual(["date", "amount"]);
    expect(check.messages[0]).toContain('"date", "amount" on table "orders"');
  });

  it("reports columns that do not exist and roles that are not roles", () => {
    const check = checkMapping(
      "transactions",
      "orders",
      { customer_id: "Kunde", date: "Datum", amount: "Umsatz", colour: "x" },
      ["Kunde", "Datum"],
    );
    expect(check.unknownColumns).toEqual([
      { role: "amount", column: "Umsatz" },
      { role: "colour", column: "x" },
    ]);
    expect(check.unknownRoles).toEqual(["colour"]);
    expect(check.missing).toEqual([]);
  });
});

describe("saveRoles(nb, table, mapping)", () => {
  it("writes data.<table>.roles into the front matter and reads it back as a binding", () => {
    const nb = parseNotebook("---\nnotebook: 1\ndata:\n  orders:\n    file: orders.csv\n---\n\n# Hi\n");
    const saved = saveRoles(nb, "orders", { customer_id: "客户编号", date: "日期", amount: "金额", margin: "" });
    const text = serializeNotebook(saved);
    expect(text).toContain("roles:");
    const again = parseNotebook(text);
    expect(again.frontMatter.data.orders.roles).toEqual({ customer_id: "客户编号", date: "日期", amount: "金额" });
    expect(bindingFor(again, "orders", ["客户编号"])).toEqual({
      table: "orders",
      roles: { customer_id: "客户编号", date: "日期", amount: "金额" },
      columns: ["客户编号"],
    });
  });
});
