import { describe, it, expect } from "vitest";
import { compileChart } from "../../src/compile/chart";
import { jsonError } from "../../src/compile/json";

describe("compileChart(data, source)", () => {
  it("parses the spec and records data as a reference", () => {
    expect(compileChart("Sales", '{ "mark": "bar" }')).toEqual({
      references: ["sales"],
      body: { type: "chart", data: "Sales", spec: { mark: "bar" } },
    });
  });

  it("requires data= with a valid name", () => {
    expect(compileChart(undefined, "{}").error?.message).toContain("data=");
    expect(compileChart("", "{}").error?.message).toContain("data=");
    expect(compileChart("a-b", "{}").error?.message).toContain("data=a-b is not a cell name");
  });

  it("takes cap= as the chart's row cap, and refuses a cap that is not a row count from 1 to 100,000", () => {
    expect(compileChart("s", "{}", "20000").body).toEqual({ type: "chart", data: "s", spec: {}, rowCap: 20000 });
    for (const bad of ["0", "-5", "1e4", "lots", "100001", ""]) {
      const out = compileChart("s", "{}", bad);
      expect(out.body, bad).toBeUndefined();
      expect(out.error?.message, bad).toBe(
        `The chart's cap=${bad} is not a row count: write a whole number from 1 to 100,000, e.g. cap=20000.`,
      );
    }
  });

  it("points at the line and column of a JSON mistake", () => {
    const out = compileChart("s", '{\n  "mark": "bar",\n  "encoding": { "x": 1, }\n}');
    expect(out.error).toMatchObject({ line: 3, column: 25, message: expect.stringContaining("property name") });
    expect(out.body).toBeUndefined();
    expect(out.references).toEqual(["s"]);
  });

  it("points at an unclosed string and at text after the spec", () => {
    expect(compileChart("s", '{ "mark": "bar }').error).toMatchObject({ line: 1, column: 11 });
    expect(compileChart("s", "{}\n}").error).toMatchObject({ line: 2, column: 1 });
  });

  it("refuses a spec that is not an object", () => {
    expect(compileChart("s", "\n [1, 2]").error).toMatchObject({
      line: 2,
      column: 2,
      message: expect.stringContaining("JSON object"),
    });
  });
});

describe("jsonError(text)", () => {
  it("accepts what JSON.parse accepts and rejects what it rejects", () => {
    const valid = ['{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"]}', " [] ", '"s"', "0"];
    const invalid = ["", "{", "[1,]", "01", "{'a':1}", '"a\nb"', "tru", "{} {}", '{"a" 1}'];
    for (const text of valid) expect(jsonError(text), text).toBeUndefined();
    for (const text of invalid) {
      expect(jsonError(text), text).toBeDefined();
      expect(() => JSON.parse(text)).toThrow();
    }
  });
});
