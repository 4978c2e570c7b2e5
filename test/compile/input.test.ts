import { describe, expect, it } from "vitest";
import { checkInputValue, compileInput, parseInputText } from "../../src/compile/input";
import type { InputSpec } from "../../src/compile/types";

describe("compileInput(source)", () => {
  it("reads every input type", () => {
    const ok = (json: string) => {
      const out = compileInput(json);
      expect(out.error, json).toBeUndefined();
      return out.body!.spec;
    };
    expect(ok('{ "type": "range", "min": 1, "max": 20, "step": 1, "value": 3, "label": "Min orders" }')).toMatchObject({
      type: "range",
      value: 3,
      label: "Min orders",
    });
    expect(ok('{ "type": "number", "value": 2.5 }').value).toBe(2.5);
    expect(ok('{ "type": "select", "options": ["a", "b"], "value": "b" }').options).toEqual(["a", "b"]);
    expect(ok('{ "type": "multiselect", "options": [1, 2, 3], "value": [1, 3] }').value).toEqual([1, 3]);
    expect(ok('{ "type": "daterange", "value": ["2024-01-01", "2024-06-30"], "min": "2023-01-01" }').min).toBe(
      "2023-01-01",
    );
    expect(ok('{ "type": "text", "value": "" }').value).toBe("");
    expect(ok('{ "type": "checkbox", "value": true }').value).toBe(true);
    const from = compileInput('{ "type": "select", "options_from": "regions.name", "value": "North" }');
    expect(from.references).toEqual(["regions"]);
    expect(from.body!.spec.optionsFrom).toEqual({ cell: "regions", column: "name" });
    expect(from.body!.spec.remember).toBeUndefined();
    const kept = compileInput('{ "type": "select", "options_from": "regions", "value": "", "remember": true }');
    expect(kept.body!.spec.remember).toBe(true);
  });

  it("points at JSON mistakes with line and column", () => {
    expect(compileInput('{\n  "type": "range",\n  "min": 1\n  "max": 2 }').error).toMatchObject({
      line: 4,
      column: 3,
      message: expect.stringContaining("not valid JSON"),
    });
  });

  it("says what is wrong with a spec", () => {
    const message = (json: string) => compileInput(json).error?.message;
    expect(message('{ "type": "slider", "value": 1 }')).toMatch(/not an input type.*range/);
    expect(message('{ "type": "range", "value": 1 }')).toMatch(/needs "min" and "max"/);
    expect(message('{ "type": "range", "min": 1, "max": 5, "value": 9 }')).toMatch(/outside the allowed range/);
    expect(message('{ "type": "select", "value": "a" }')).toMatch(/needs "options"/);
    expect(message('{ "type": "select", "options": ["a"], "value": "z" }')).toMatch(/not one of the input's options/);
    expect(message('{ "type": "checkbox", "value": "yes" }')).toMatch(/true or false/);
    expect(message('{ "type": "select", "options_from": "r", "value": "", "remember": "yes" }')).toMatch(
      /"remember" must be true or false/,
    );
    expect(message('{ "type": "text", "value": "x", "colour": 1 }')).toMatch(/Unknown key “colour”/);
    expect(message('{ "type": "daterange", "value": ["2024-05-01", "2024-01-01"] }')).toMatch(/starts after it ends/);
    expect(compileInput('{ "type": "checkbox", "value": "yes" }').error).toMatchObject({ line: 1 });
  });
});

describe("parseInputText(spec, text) and checkInputValue(spec, value)", () => {
  it("types command-line text by the input's type", () => {
    const spec = (s: object) => s as InputSpec;
    expect(parseInputText(spec({ type: "range" }), "7")).toBe(7);
    expect(parseInputText(spec({ type: "checkbox" }), "false")).toBe(false);
    expect(parseInputText(spec({ type: "multiselect", options: [1, 2] }), "1,2")).toEqual([1, 2]);
    expect(parseInputText(spec({ type: "daterange" }), "2024-01-01..2024-02-01")).toEqual(["2024-01-01", "2024-02-01"]);
    expect(parseInputText(spec({ type: "text" }), "'; DROP TABLE x; --")).toBe("'; DROP TABLE x; --");
    expect(
      checkInputValue(spec({ type: "range", min: 1, max: 3 }), parseInputText(spec({ type: "range" }), "abc")),
    ).toMatch(/must be a number/);
  });
});
