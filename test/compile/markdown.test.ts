import { describe, expect, it } from "vitest";
import { compileMarkdown, interpolationCode } from "../../src/compile/markdown";

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

  it("reports an unclosed ${ with its position", () => {
    expect(compileMarkdown("Line one\nsee ${rfm.length").error).toMatchObject({ line: 2, column: 5 });
  });

  it("transpiles the expressions when asked for their code, a syntax error at its expression", async () => {
    const text = "a ${n + 1}\nb ${rfm.}";
    const out = compileMarkdown(text);
    expect(out.error).toBeUndefined();
    expect(out.body?.interpolation?.offsets).toEqual([4, 15]);
    await expect(interpolationCode(text, out.body!.interpolation!)).rejects.toMatchObject({
      line: 2,
      column: 5,
      message: expect.stringContaining("syntax error"),
    });
    const ok = compileMarkdown("${(n as number) + 1}").body!.interpolation!;
    expect(await interpolationCode("${(n as number) + 1}", ok)).toContain("async () => ((n ) + 1)");
  });
});
