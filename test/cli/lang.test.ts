// The command line speaks the user's language: `--lang zh-CN`, or LANG/LC_ALL from the environment.
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { cliLocale } from "../../src/cli/language";

const root = resolve(__dirname, "../..");
const tsx = resolve(root, "node_modules/.bin/tsx");

function cli(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const base = { ...process.env, INIT_CWD: root, LC_ALL: "", LC_MESSAGES: "", LANG: "" };
    execFile(tsx, ["src/cli/main.ts", ...args], { cwd: root, env: { ...base, ...env }, timeout: 180_000 }, (e, o, s) =>
      done({ code: e ? (typeof e.code === "number" ? e.code : -1) : 0, stdout: o, stderr: s }),
    );
  });
}

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
    const run = await cli({}, "run", "notebooks/customer-review.md", "--lang", "zh-CN");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/已加载 customers <- .*（1,200 行）/);
    expect(run.stdout).toMatch(/已运行 \d+ 个单元格，0 个失败/);
    expect(run.stdout).not.toMatch(/\bcells? ran\b|\bloaded\b/);
    const help = await cli({}, "--help", "--lang", "zh-CN");
    expect(help.stdout).toMatch(/^用法：npm run notebook -- run <notebook.md>/);
    const bad = await cli({}, "run", "notebooks/does-not-exist.md", "--lang", "zh-CN");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/找不到笔记本：notebooks\/does-not-exist\.md/);
  }, 240_000);

  it("takes Chinese from LANG and English when told so or by default", async () => {
    const zh = await cli({ LANG: "zh_CN.UTF-8" }, "run");
    expect(zh.stderr).toMatch(/^请指定要运行的笔记本/);
    const en = await cli({ LANG: "zh_CN.UTF-8" }, "run", "--lang", "en");
    expect(en.stderr).toMatch(/^Name the notebook to run/);
    const plain = await cli({}, "run");
    expect(plain.stderr).toMatch(/^Name the notebook to run/);
  }, 120_000);
});
