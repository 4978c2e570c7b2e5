// The command line speaks the user's language: `--lang zh-CN`, or LANG/LC_ALL from the environment.
import { describe, expect, it } from "vitest";
import { cliLocale } from "../../src/cli/language";
import { runCli, spawnCli } from "./run-cli";

// No locale from the machine: each case sets its own.
const NONE = { LC_ALL: "", LC_MESSAGES: "", LANG: "" };

describe("the command line's language", () => {
  it("is --lang when given, else LC_ALL, LC_MESSAGES or LANG, else English", () => {
    expect(cliLocale(["run", "a.md", "--lang", "zh-CN"], { LANG: "en_US.UTF-8" })).toBe("zh-CN");
    expect(cliLocale(["run", "a.md", "--lang=en"], { LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(cliLocale(["run", "a.md"], { LC_ALL: "zh_CN.GBK", LANG: "en_US" })).toBe("zh-CN");
    expect(cliLocale(["run", "a.md"], { LC_MESSAGES: "zh_TW.UTF-8" })).toBe("zh-CN");
    expect(cliLocale(["run", "a.md"], { LANG: "C.UTF-8" })).toBe("en");
    expect(cliLocale(["run", "a.md", "--lang", "de"], {})).toBe("en");
  });

  it("prints Chinese with --lang zh-CN: the loads and run summary, a missing notebook and the help", async () => {
    const run = await runCli(NONE, "run", "notebooks/customer-review.md", "--lang", "zh-CN");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/已加载 customers <- .*（1,200 行）/);
    expect(run.stdout).toMatch(/已运行 \d+ 个单元格，0 个失败/);
    expect(run.stdout).not.toMatch(/\bcells? ran\b|\bloaded\b/);
    const help = await runCli(NONE, "--help", "--lang", "zh-CN");
    expect(help.stdout).toMatch(/^用法：npm run notebook -- run <notebook.md>/);
    const bad = await runCli(NONE, "run", "notebooks/does-not-exist.md", "--lang", "zh-CN");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/找不到笔记本：notebooks\/does-not-exist\.md/);
  }, 240_000);

  it("takes Chinese from LANG and English when told so or by default", async () => {
    // The real entry point, as a process: it reads LANG from its own environment.
    const zh = await spawnCli({ ...NONE, LANG: "zh_CN.UTF-8" }, "run");
    expect(zh.stderr).toMatch(/^请指定要运行的笔记本/);
    const en = await runCli({ ...NONE, LANG: "zh_CN.UTF-8" }, "run", "--lang", "en");
    expect(en.stderr).toMatch(/^Name the notebook to run/);
    const plain = await runCli(NONE, "run");
    expect(plain.stderr).toMatch(/^Name the notebook to run/);
  }, 120_000);
});
