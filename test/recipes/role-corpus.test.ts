import { describe, expect, it } from "vitest";
import { HEADER_SETS as TUNED } from "./role-corpus/headers";
import { HELD_OUT_SETS } from "./role-corpus/held-out";
import { hintOf, judge } from "./role-corpus/score";
import { guessRoles } from "../../src/recipes/roles";

const HEADER_SETS = [...TUNED, ...HELD_OUT_SETS];
const languages = (s: string) => (/\p{Script=Han}/u.test(s) ? "zh" : "latin");

describe("the role guesser on real exports (test/recipes/role-corpus/)", () => {
  const verdicts = judge(HEADER_SETS);
  const required = verdicts.filter((v) => v.required);
  const share = required.filter((v) => v.right).length / required.length;

  it("has at least 60 header sets from every table kind, in Chinese and Latin-script languages", () => {
    expect(HEADER_SETS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(HEADER_SETS.map((s) => s.kind)).size).toBe(5);
    expect(new Set(HEADER_SETS.flatMap((s) => s.columns.map(languages)))).toEqual(new Set(["zh", "latin"]));
  });

  it("gets at least 95 % of the required roles right and prints the share", () => {
    const all = verdicts.filter((v) => v.right).length;
    const questions = verdicts.filter((v) => v.got?.question).length;
    console.log(
      `role corpus: ${HEADER_SETS.length} header sets, required roles right ${required.filter((v) => v.right).length}/${required.length}` +
        ` (${(share * 100).toFixed(1)} %), all judged roles ${all}/${verdicts.length}, shown as questions ${questions}`,
    );
    for (const v of verdicts.filter((x) => !x.right))
      console.log(`  wrong: ${v.source}: ${v.role} -> ${v.got?.column ?? "(none)"}, want ${v.want.join(" | ")}`);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it("makes no confident wrong guess", () => {
    expect(verdicts.filter((v) => v.confidentWrong).map((v) => `${v.source}: ${v.role} -> ${v.got?.column}`)).toEqual(
      [],
    );
  });
});

describe("guesses the issue named", () => {
  const guess = (kind: "transactions", ...columns: string[]) => guessRoles(columns.map(hintOf), kind);

  it("takes no unit price or surcharge as the amount, and no order or line id as the customer", () => {
    const uci = guess(
      "transactions",
      "InvoiceNo",
      "Quantity|BIGINT",
      "InvoiceDate|TIMESTAMP",
      "UnitPrice|DOUBLE",
      "CustomerID|DOUBLE",
    );
    expect(uci.roles).toEqual({
      customer_id: "CustomerID",
      date: "InvoiceDate",
      quantity: "Quantity",
      unit_price: "UnitPrice",
      order_id: "InvoiceNo",
    });
    // amount = Quantity × UnitPrice is derived, so nothing required is missing.
    expect(uci.missing).toEqual([]);
    const lines = guess(
      "transactions",
      "detail_id|BIGINT",
      "order_id|BIGINT",
      "amounts|BIGINT",
      "add_inprice|BIGINT",
      "emp_id|BIGINT",
    );
    expect([lines.roles.customer_id, lines.roles.amount, lines.roles.order_id]).toEqual([
      "emp_id",
      "amounts",
      "order_id",
    ]);
  });

  it("reads Chinese amounts, *_payable, masterid and cust_no", () => {
    expect(
      guess(
        "transactions",
        "订单号",
        "会员号",
        "下单时间|TIMESTAMP",
        "单价|DOUBLE",
        "应付金额|DOUBLE",
        "实付金额|DOUBLE",
      ).roles,
    ).toMatchObject({ customer_id: "会员号", date: "下单时间", amount: "实付金额", order_id: "订单号" });
    expect(guess("transactions", "cust_no", "order_date|DATE", "消费金额|DOUBLE").roles).toMatchObject({
      customer_id: "cust_no",
      amount: "消费金额",
    });
    expect(guess("transactions", "masterid|BIGINT", "date|DATE", "accounts_payable|DOUBLE").roles).toEqual({
      customer_id: "masterid",
      date: "date",
      amount: "accounts_payable",
    });
  });

  it("states a strong guess as a fact and a weak one as a question", () => {
    const g = guess("transactions", "Customer ID", "Order Date|DATE", "Amount|DOUBLE", "emp_id|BIGINT");
    expect(g.guesses.map((x) => [x.role, x.question])).toEqual([
      ["customer_id", false],
      ["date", false],
      ["amount", false],
    ]);
    const weak = guess("transactions", "emp_id|BIGINT", "date|BIGINT", "Amount|DOUBLE");
    expect(weak.roles).toEqual({ customer_id: "emp_id", date: "date", amount: "Amount" });
    expect(weak.questions).toEqual(["customer_id", "date"]);
  });
});
