import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "../../src/cli/args";

describe("parseArgs(argv)", () => {
  it("reads a run with data, json and limit in either option form", () => {
    expect(
      parseArgs([
        "run",
        "nb.md",
        "--data",
        "orders=o.csv",
        "--data=customers=c.csv",
        "--json",
        "out.json",
        "--limit=5",
        "--set",
        "n=3",
        "--set=who=a=b",
      ]),
    ).toEqual({
      command: "run",
      notebook: "nb.md",
      data: new Map([
        ["orders", "o.csv"],
        ["customers", "c.csv"],
      ]),
      json: "out.json",
      limit: 5,
      lang: "en",
      set: new Map([
        ["n", "3"],
        ["who", "a=b"],
      ]),
      encoding: new Map(),
      dateOrder: new Map(),
    });
  });

  it("defaults the limit to 1000 and leaves json out", () => {
    expect(parseArgs(["run", "nb.md"])).toEqual({
      command: "run",
      notebook: "nb.md",
      data: new Map(),
      set: new Map(),
      encoding: new Map(),
      dateOrder: new Map(),
      limit: 1000,
      lang: "en",
    });
  });

  it("reads --encoding per table as the encoding's standard name", () => {
    const args = parseArgs(["run", "nb.md", "--encoding", "orders=Shift_JIS", "--encoding=people=latin1"]);
    expect(args.command === "run" && args.encoding).toEqual(
      new Map([
        ["orders", "shift_jis"],
        ["people", "windows-1252"],
      ]),
    );
  });

  it("reads --date-order per table", () => {
    const args = parseArgs(["run", "nb.md", "--date-order", "orders=mdy", "--date-order=people=dmy"]);
    expect(args.command === "run" && args.dateOrder).toEqual(
      new Map([
        ["orders", "mdy"],
        ["people", "dmy"],
      ]),
    );
  });

  it("answers --help anywhere", () => {
    expect(parseArgs(["run", "--help"])).toEqual({ command: "help" });
  });

  it.each([
    [[], /Say what to do/],
    [["check", "nb.md"], /Unknown command "check"/],
    [["run"], /Name the notebook/],
    [["run", "nb.md", "--data", "orders"], /--data takes <table>=<path>/],
    [["run", "nb.md", "--limit", "-1"], /--limit takes a whole number/],
    [["run", "nb.md", "--set", "=3"], /--set takes <input>=<value>/],
    [["run", "nb.md", "--json"], /--json needs a value/],
    [["run", "nb.md", "--encoding", "orders"], /--encoding takes <table>=<encoding>/],
    [["run", "nb.md", "--encoding", "orders=klingon-8"], /--encoding orders: Unknown text encoding "klingon-8"/],
    [["run", "nb.md", "--date-order", "orders=ymd"], /--date-order takes <table>=dmy or <table>=mdy, not "orders=ymd"/],
    [["run", "nb.md", "--date-order", "mdy"], /--date-order takes <table>=dmy/],
    [["run", "nb.md", "--frobnicate"], /Unknown option --frobnicate/],
    [["run", "a.md", "b.md"], /Unexpected argument "b.md"/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseArgs(argv as string[])).toThrow(message);
  });
});

describe("parseArgs(argv) for report", () => {
  it("reads a report with its options, and the defaults", () => {
    const argv = ["report", "nb.md", "--data", "orders=o.csv", "--out", "r.html", "--rows=7", "--code", "show"];
    argv.push("--lang", "zh-CN");
    expect(parseArgs(argv)).toEqual({
      command: "report",
      notebook: "nb.md",
      data: new Map([["orders", "o.csv"]]),
      set: new Map(),
      encoding: new Map(),
      dateOrder: new Map(),
      out: "r.html",
      rows: 7,
      code: "show",
      lang: "zh-CN",
    });
    expect(parseArgs(["report", "nb.md", "--out", "r.html"])).toMatchObject({ rows: 50, code: "hide", lang: "en" });
  });

  it.each([
    [["report", "nb.md"], /Say where to write the report/],
    [["report", "nb.md", "--out", "r.html", "--rows", "x"], /--rows takes a whole number/],
    [["report", "nb.md", "--out", "r.html", "--code", "maybe"], /--code takes show or hide, not "maybe"/],
    [["report", "nb.md", "--out", "r.html", "--lang", "de"], /--lang takes en or zh-CN, not "de"/],
    [["report", "nb.md", "--out", "r.html", "--json", "x.json"], /Unknown option --json/],
    [["run", "nb.md", "--out", "r.html"], /Unknown option --out/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(message);
  });
});
