// Chart cells on the real native engine: the planner runs over the data cell's temp table, so charts are
// exact over every row and small on the wire; raw charts over the cap draw a stated sample; bad specs fail
// on the chart cell with a message naming the field.
import { describe, expect, it } from "vitest";
import { cell, notebookText, sessionWith } from "./helpers";

type Row = Record<string, unknown>;
const valuesOf = (name: string, state: ReturnType<typeof cell>): Row[] => {
  if (state.output?.type !== "chart") throw new Error(`${name} drew no chart: ${state.error?.message}`);
  return (state.output.spec.data as { values: Row[] }).values;
};

const ORDERS = `SELECT range AS id, 'seg' || (range % 7) AS segment, (range % 1000) / 10.0 AS amount,
  DATE '2024-01-01' + CAST(range % 365 AS INTEGER) AS day FROM range(120000)`;

async function runChart(spec: object, data = ORDERS, attrs = "") {
  const text = notebookText([
    ["sql orders", data],
    [`chart c data=orders${attrs}`, JSON.stringify(spec)],
  ]);
  const opened = await sessionWith(text);
  await opened.session.runAll();
  return opened;
}

describe("chart cells over a named result", () => {
  it("counts every one of 120,000 rows by segment, equal to SQL, with no cap note", async () => {
    const { session, engine, close } = await runChart({
      mark: "bar",
      encoding: { x: { field: "segment" }, y: { aggregate: "count" } },
    });
    try {
      const c = cell(session, "c");
      const drawn = valuesOf("c", c).map((r) => [r.segment, r.__count]);
      const sql = await engine.query("SELECT segment, count(*) FROM orders GROUP BY segment ORDER BY segment");
      expect(drawn).toEqual(sql.rows().map((r) => [r.segment, Number(r["count_star()"])]));
      expect(drawn.reduce((s, [, n]) => s + Number(n), 0)).toBe(120000);
      expect(c.output).toMatchObject({ type: "chart", rows: 7 });
      expect(c.output).not.toHaveProperty("note");
    } finally {
      await close();
    }
  });

  it("sums by month over every row, equal to SQL", async () => {
    const { session, engine, close } = await runChart({
      mark: "line",
      encoding: { x: { field: "day", timeUnit: "month" }, y: { aggregate: "sum", field: "amount" } },
    });
    try {
      const drawn = valuesOf("c", cell(session, "c")).map((r) => Number(r.sum_amount));
      const sql = await engine.query("SELECT sum(amount) AS s FROM orders GROUP BY month(day) ORDER BY min(day)");
      expect(drawn).toHaveLength(12);
      expect(drawn).toEqual(sql.rows().map((r) => Number(r.s)));
    } finally {
      await close();
    }
  });

  it("draws a scatter over the cap as a stated, repeatable sample of 5,000 rows", async () => {
    const spec = { mark: "point", encoding: { x: { field: "id" }, y: { field: "amount" } } };
    const { session, close } = await runChart(spec);
    try {
      const first = valuesOf("c", cell(session, "c"));
      expect(first).toHaveLength(5000);
      const output = cell(session, "c").output;
      const note = output?.type === "chart" ? output.note : undefined;
      expect(note).toMatch(/^The data has 120,000 rows, more than a chart receives: .*one mark per row/);
      expect(note).toMatch(/a deterministic sample of 5,000 rows \(seed 42\)/);
      expect(new Set(first.map((r) => r.id)).size).toBe(5000);
      await session.runAll();
      expect(valuesOf("c", cell(session, "c"))).toEqual(first);
    } finally {
      await close();
    }
  });

  it("says on the chart's face that it is a sample, keeping the author's title", async () => {
    const spec = { title: "Amount by id", mark: "point", encoding: { x: { field: "id" }, y: { field: "amount" } } };
    const { session, close } = await runChart(spec);
    try {
      const output = cell(session, "c").output;
      expect(output?.type === "chart" && output.spec.title).toEqual({
        text: "Amount by id",
        subtitle: "Sample: 5,000 of 120,000 rows (deterministic)",
      });
      expect(output?.type === "chart" && output.note).toMatch(/raise the cap with cap=100000 .*\(at most 100,000\)/);
    } finally {
      await close();
    }
  });

  it("takes the cell's cap=: 20,000 raw rows received, never more than asked", async () => {
    const spec = { mark: "point", encoding: { x: { field: "id" }, y: { field: "amount" } } };
    const { session, close } = await runChart(spec, ORDERS, " cap=20000");
    try {
      const c = cell(session, "c");
      expect(valuesOf("c", c)).toHaveLength(20000);
      expect(c.output).toMatchObject({ rows: 20000 });
      expect(c.output?.type === "chart" && c.output.note).toMatch(/^The data has 120,000 rows, .* 20,000 rows/);
      const all = await runChart(spec, ORDERS.replace("range(120000)", "range(20000)"), " cap=20000");
      try {
        const whole = cell(all.session, "c");
        expect(valuesOf("c", whole)).toHaveLength(20000);
        expect(whole.output).not.toHaveProperty("note");
        expect(whole.output?.type === "chart" && whole.output.spec.title).toBeUndefined();
      } finally {
        await all.close();
      }
    } finally {
      await close();
    }
  }, 60_000);

  it("states the first marks on the chart's face when an aggregate has more groups than the cap", async () => {
    const spec = { mark: "bar", encoding: { x: { field: "id" }, y: { aggregate: "count" } } };
    const { session, close } = await runChart(spec, ORDERS, " cap=100");
    try {
      const output = cell(session, "c").output;
      expect(output).toMatchObject({ type: "chart", rows: 100 });
      expect(output?.type === "chart" && output.spec.title).toEqual({
        text: "",
        subtitle: "Only the first 100 marks (cap reached)",
      });
      expect(output?.type === "chart" && output.note).toMatch(/more than 100 marks/);
    } finally {
      await close();
    }
  });

  it("samples a spec that asks for 10,000,000 raw points: 5,000 received, the true count stated", async () => {
    const spec = { mark: "point", encoding: { x: { field: "x" }, y: { field: "y" } } };
    const { session, close } = await runChart(spec, "SELECT range AS x, range % 997 AS y FROM range(10000000)");
    try {
      const c = cell(session, "c");
      expect(valuesOf("c", c)).toHaveLength(5000);
      expect(c.output).toMatchObject({ rows: 5000 });
      expect(c.output?.type === "chart" && c.output.note).toMatch(/^The data has 10,000,000 rows, .* 5,000 rows/);
    } finally {
      await close();
    }
  }, 60_000);

  it.each([
    [
      "a field that is not a column",
      { mark: "bar", encoding: { x: { field: "segmnet" }, y: { aggregate: "count" } } },
      /“segmnet”.*no such column\. Columns: “id”, “segment”, “amount”, “day”\./,
    ],
    [
      "an aggregate over a text field",
      { mark: "bar", encoding: { x: { field: "day" }, y: { aggregate: "sum", field: "segment" } } },
      /sum of “segment”, a VARCHAR column/,
    ],
    [
      "a timeUnit on a non-date",
      { mark: "line", encoding: { x: { field: "amount", timeUnit: "month" }, y: { aggregate: "count" } } },
      /time unit “month” on “amount”, a DOUBLE column: time units need a DATE or TIMESTAMP/,
    ],
  ])("fails the chart cell on %s, with a message naming it", async (_, spec, message) => {
    const { session, close } = await runChart(spec);
    try {
      const c = cell(session, "c");
      expect(c.status).toBe("error");
      expect(c.error?.message).toMatch(message);
      expect(cell(session, "orders").status).toBe("done");
    } finally {
      await close();
    }
  });

  it("says which input cell failed when the chart's data cell fails", async () => {
    const spec = { mark: "bar", encoding: { x: { field: "segment" }, y: { aggregate: "count" } } };
    const { session, close } = await runChart(spec, "SELECT segment FROM no_such_table");
    try {
      expect(cell(session, "orders").status).toBe("error");
      expect(cell(session, "c").status).toBe("error");
      expect(cell(session, "c").error?.message).toBe("depends on orders, which failed");
    } finally {
      await close();
    }
  });
});
