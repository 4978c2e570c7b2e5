import { describe, expect, it } from "vitest";
import { compileMarkdown } from "../../src/compile/markdown";

describe("compileMarkdown(text)", () => {
  it("splits ${expr} interpolations and finds the names they read", () => {
    const out = compileMarkdown("We have ${rfm.length} customers, ${fmt(total)} in sales.");
    expect(out.body?.interpolation).toMatchObject({
      pieces: ["We have ", " customers, ", " in sales."],
      expressions: ["rfm.length", "fmt(total)"],
    });
    expect(out.references).toEqual(["rfm", "fmt", "total"]);
  });

  it("leaves \\${ and inline code alone, and plain text has no code", () => {
    expect(compileMarkdown("Write `${name}` or \\${x}.").body).toEqual({
      type: "markdown",
      text: "Write `${name}` or \\${x}.",
    });
  });

  it("handles braces and strings inside an expression", () => {
    expect(compileMarkdown("${ [1, 2].map((x) => { return x }).join('}') }").body?.interpolation?.expressions).toEqual([
      " [1, 2].map((x) => { return x }).join('}') ",
    ]);
  });

  it("reports an unclosed ${ and a syntax error with their position", () => {
    expect(compileMarkdown("Line one\nsee ${rfm.length").error).toMatchObject({ line: 2, column: 5 });
    expect(compileMarkdown("a\nb ${rfm.}").error).toMatchObject({
      line: 2,
      message: expect.stringContaining("syntax error"),
    });
  });
});
