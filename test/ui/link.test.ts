// What a link in notebook prose may be (issue 10, item 2), without a browser: another origin is external
// (confirmed first), only `?notebook=<a shipped notebook>` is internal, and every other same-site address is inert.
import { describe, expect, it } from "vitest";
import { addressParts, classifyLink, resolveDataFile } from "../../src/ui/link";

const page = "https://app.example/tools/clientbook/?notebook=notebooks/customer-review.md";
const shipped = new Set(["notebooks/customer-review.md", "notebooks/live-inputs.md"]);
const kind = (href: string) => classifyLink(href, page, shipped);

describe("classifyLink(href, page, shipped)", () => {
  it("calls another origin or scheme external, with its full address", () => {
    const hrefs = ["http://x.example/d?c=1", "https://app.example:8443/", "//evil.example/x", "mailto:a@b.example?s"];
    for (const href of [...hrefs, "http://app.example/"]) {
      const link = kind(href);
      expect(link.kind, href).toBe("external");
      if (link.kind === "external") expect(link.url.href).toBe(new URL(href, page).href);
    }
  });

  it("keeps a notebook link to a shipped notebook, rebuilt to carry that parameter only", () => {
    const live = { kind: "internal", href: "?notebook=notebooks%2Flive-inputs.md" };
    const tour = { kind: "internal", href: "?notebook=notebooks%2Fcustomer-review.md" };
    expect(kind("?notebook=notebooks/live-inputs.md")).toEqual(live);
    expect(kind("./?notebook=notebooks%2Fcustomer-review.md")).toEqual(tour);
    // An empty address is this page, whose own notebook parameter names a shipped notebook.
    expect(kind("")).toEqual(tour);
    expect(new URL(live.href, page).searchParams.get("notebook")).toBe("notebooks/live-inputs.md");
  });

  it("makes every other same-site address inert: extra parameters, other notebooks, other paths, fragments", () => {
    for (const href of [
      "?notebook=notebooks/customer-review.md&ref=CANARY",
      "?ref=CANARY&notebook=notebooks/customer-review.md",
      "?notebook=notebooks/customer-review.md&notebook=notebooks/live-inputs.md",
      "?notebook=notebooks/not-shipped.md",
      "?notebook=../notebooks/customer-review.md",
      "?notebook=notebooks/customer-review.md#CANARY",
      "?x=CANARY",
      "orders.csv?c=CANARY",
      "/tools/clientbook/index.html?notebook=notebooks/customer-review.md",
      "https://app.example/other/?notebook=notebooks/customer-review.md",
      "#section",
    ]) {
      expect(kind(href), href).toEqual({ kind: "inert" });
    }
  });
});

describe("addressParts(url)", () => {
  it("splits the address into what comes before the query, the query and the fragment", () => {
    const parts = (href: string) => Object.values(addressParts(new URL(href)));
    expect(parts("http://x.example/d/e?c=CANARY&x=1#top")).toEqual(["http://x.example/d/e", "?c=CANARY&x=1", "#top"]);
    expect(parts("https://x.example/")).toEqual(["https://x.example/", "", ""]);
    expect(parts("mailto:a@b.example?subject=CANARY")).toEqual(["mailto:a@b.example", "?subject=CANARY", ""]);
  });
});

describe("resolveDataFile(file, notebook)", () => {
  const notebook = new URL("https://app.example/clientbook/notebooks/review.md");
  it("resolves a file in the notebook's folder or below it", () => {
    expect(resolveDataFile("orders.csv", notebook)?.href).toBe("https://app.example/clientbook/notebooks/orders.csv");
    expect(resolveDataFile("./data/orders.csv", notebook)?.href).toBe(
      "https://app.example/clientbook/notebooks/data/orders.csv",
    );
    expect(resolveDataFile("data/../orders.csv", notebook)?.pathname).toBe("/clientbook/notebooks/orders.csv");
  });
  it("refuses a file on another site or out of the notebook's folder", () => {
    for (const file of [
      "https://evil.example/x.csv",
      "//evil.example/x.csv",
      "/x.csv",
      "../x.csv",
      "../../x.csv",
      "data/../../x.csv",
      "%2e%2e/x.csv",
      "..%2fx.csv",
      "..%5Cx.csv",
      "..\\x.csv",
    ])
      expect(resolveDataFile(file, notebook), file).toBeNull();
  });
});
