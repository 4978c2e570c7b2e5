// typedPlaceholders: integer parameters get a BIGINT cast at their own `?`, nowhere else.
import { describe, expect, it } from "vitest";
import { typedPlaceholders } from "../../../src/engine/wasm/placeholders";

describe("typedPlaceholders(sql, params)", () => {
  it("casts the placeholders of whole numbers only", () => {
    expect(typedPlaceholders("SELECT ?, ?, ?, ? LIMIT ?", ["a", 1.5, null, true, 10])).toBe(
      "SELECT ?, ?, ?, ? LIMIT (?::BIGINT)",
    );
  });
  it("skips question marks in strings, quoted names and comments", () => {
    const sql = `SELECT '?', 'it''s ?', "a?b", ? -- what?\n/* ? */ FROM t WHERE x = ?`;
    expect(typedPlaceholders(sql, [1, 2])).toBe(
      `SELECT '?', 'it''s ?', "a?b", (?::BIGINT) -- what?\n/* ? */ FROM t WHERE x = (?::BIGINT)`,
    );
  });
  it("leaves SQL without integer parameters untouched", () => {
    expect(typedPlaceholders("SELECT ?", ["x"])).toBe("SELECT ?");
  });
});
