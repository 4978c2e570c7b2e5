// The hostile-notebook suite of security.md: every case runs in real Chromium against the production
// build, with an attacker server beside it and Chromium's net log, then once against a build with the
// case's defence patched out, which must be caught; the cases aimed at the engine (see cases.ts)
// run a third time on a cross-origin isolated page (DuckDB's threaded build). Two lanes run the cases side
// by side, so that two browsers share the machine: each lane has its own attacker, browser and net log, and
// takes the next case from one queue when it is free, so both end together whatever the cases cost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { dist } from "../app-fixture";
import { serveDirectory, type StaticServer } from "../harness";
import { startAttacker, type Attacker } from "./attacker";
import { launchHostileChromium, readNetLogHosts } from "./browser";
import { hostileCases } from "./cases";
import { linkedPath, newBuildContext, newThreadedContext, runCase, withEvil, type CaseRun } from "./run-case";
import { buildVariant, type Weakening } from "./weaken";

/** The run tag (`n3`, `w3`, `t3`) in an attacker host name such as `w3.evil.test`. */
const RUN_TAG = /(?:^|\.)([nwt]\d+)\.evil\.test$/;

/** How many browsers run cases at once: one per core of the 2-core machine npm test is budgeted on. */
const LANES = 2;

/** Runs every hostile case (in lanes, see above) as one self-contained suite. */
export function hostileSuite(): void {
  // HOSTILE_CASES="<text>|<text>" runs only the cases whose name holds one of them (for working on a case).
  const only = process.env.HOSTILE_CASES?.split("|");
  const cases = hostileCases.filter((c) => !only || only.some((part) => c.name.includes(part)));
  const runs = new Map<string, { real: CaseRun; weakened: CaseRun; threaded?: CaseRun }>();
  const work = mkdtempSync(join(tmpdir(), "clientbook-hostile-"));
  const servers: StaticServer[] = [];
  const attackers: Attacker[] = [];

  /** The served notebooks of the `link` cases, for both runs of each. */
  function linkedNotebooks(): Record<string, string> {
    const files: Record<string, string> = {};
    cases.forEach((c, i) => {
      if (c.open !== "link" || !c.notebook) return;
      for (const tag of [`n${i}`, `w${i}`, `t${i}`]) files[linkedPath(tag)] = withEvil(c.notebook, `${tag}.evil.test`);
    });
    return files;
  }

  async function serveVariant(weakening: Weakening | null): Promise<string> {
    const dir = join(work, weakening ?? "real");
    buildVariant(dist, dir, weakening, linkedNotebooks());
    // Cacheable, as a static host serves it: a context's later pages take DuckDB's wasm from the HTTP cache.
    const server = await serveDirectory(dir, { cacheable: true });
    servers.push(server);
    return server.origin;
  }

  /** Adds what a lane's attacker and net log saw during (or naming) each run of the lane's cases (by index)
   *  to that run's findings. */
  function attribute(attacker: Attacker, netLog: string, laneCases: readonly number[]): void {
    const hosts = readNetLogHosts(netLog);
    for (const i of laneCases) {
      const both = runs.get(cases[i].name);
      if (!both) continue;
      const pairs: [CaseRun, string][] = [
        [both.real, `n${i}`],
        [both.weakened, `w${i}`],
        ...(both.threaded ? [[both.threaded, `t${i}`] as [CaseRun, string]] : []),
      ];
      for (const [run, tag] of pairs) {
        // A host naming a run belongs to that run whenever it arrives (a late favicon fetch of a page a
        // weakened run left open must not count against the run after it); an unnamed one goes by time.
        const mine = (at: number, host: string) => {
          const named = RUN_TAG.exec(host)?.[1];
          return named ? named === tag : at >= run.start && at <= run.end;
        };
        for (const hit of attacker.hits.filter((h) => mine(h.at, h.host.replace(/:\d+$/, "")))) {
          run.findings.push(`the attacker received ${hit.method} ${hit.host}${hit.url}`);
        }
        const events = new Map<string, Set<string>>();
        for (const seen of hosts.filter((h) => mine(h.at, h.host))) {
          events.set(seen.host, (events.get(seen.host) ?? new Set()).add(seen.event));
        }
        for (const [host, kinds] of events) {
          run.findings.push(`Chromium reached for ${host} (net log: ${[...kinds].join(", ")})`);
        }
      }
    }
  }

  /**
   * One lane: its own attacker, Chromium and net log, running the cases `next` hands it (by index) until it
   * has none left; its runs' findings are complete when it returns.
   */
  async function runLane(origins: Map<Weakening | null, string>, next: () => number | undefined): Promise<void> {
    const attacker = await startAttacker();
    attackers.push(attacker);
    const netLog = join(work, `netlog-${attackers.length}.json`);
    const browser: Browser = await launchHostileChromium(attacker.port, netLog);
    // One context per build, made when the lane's first case of it runs.
    const contexts = new Map<Weakening | null, BrowserContext>();
    const contextOf = async (weakening: Weakening | null) => {
      const made = contexts.get(weakening) ?? (await newBuildContext(browser));
      contexts.set(weakening, made);
      return made;
    };
    const heard = (evil: string) => attacker.hits.some((h) => h.host.replace(/:\d+$/, "").endsWith(evil));
    // The real build once more, its pages isolated by the service worker: made with the first threaded case.
    let threadedContext: BrowserContext | undefined;
    const laneCases: number[] = [];
    try {
      for (let i = next(); i !== undefined; i = next()) {
        laneCases.push(i);
        const c = cases[i];
        const real = await runCase(await contextOf(null), origins.get(null)!, c, `n${i}`, heard);
        const weakened = await runCase(await contextOf(c.weaken), origins.get(c.weaken)!, c, `w${i}`, heard);
        if (c.threaded) threadedContext ??= await newThreadedContext(browser, origins.get(null)!);
        const threaded = c.threaded
          ? await runCase(threadedContext!, origins.get(null)!, c, `t${i}`, heard, true)
          : undefined;
        runs.set(c.name, { real, weakened, threaded });
      }
    } finally {
      await browser.close();
    }
    attribute(attacker, netLog, laneCases);
  }

  beforeAll(async () => {
    if (!existsSync(join(dist, "index.html"))) throw new Error("dist/ is missing: run `npx vite build` first");
    const origins = new Map<Weakening | null, string>([[null, await serveVariant(null)]]);
    for (const c of cases) if (!origins.has(c.weaken)) origins.set(c.weaken, await serveVariant(c.weaken));
    // The threaded cases all go to the first lane, first, so that only it pays for the threaded context's
    // offline copy; every other case goes, in list order, to whichever lane is free first.
    const indices = (threaded: boolean) => cases.flatMap((c, i) => (Boolean(c.threaded) === threaded ? [i] : []));
    const threadedQueue = indices(true);
    const queue = indices(false);
    const lanes = Array.from({ length: LANES }, (_, lane) =>
      runLane(origins, () => (lane === 0 ? threadedQueue.shift() : undefined) ?? queue.shift()),
    );
    // Every lane ends (its browser closed) before a failure of one is reported.
    const failed = (await Promise.allSettled(lanes)).find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    // HOSTILE_TIMES=1 prints each run's seconds and findings (for measuring the suite and reading a failure).
    if (process.env.HOSTILE_TIMES) {
      for (const [name, { real, weakened, threaded }] of runs) {
        const secs = (r: CaseRun) => ((r.end - r.start) / 1000).toFixed(1);
        console.log(
          `${secs(real)} s / ${secs(weakened)} s  ${name}\n  real: ${real.findings.join(" | ")}` +
            `\n  weakened: ${weakened.findings.join(" | ")}` +
            (threaded ? `\n  threaded (${secs(threaded)} s): ${threaded.findings.join(" | ")}` : ""),
        );
      }
    }
  }, 1_800_000);

  afterAll(async () => {
    await Promise.all([...servers, ...attackers].map((s) => s.close()));
    rmSync(work, { recursive: true, force: true });
  });

  describe("hostile notebooks against the production build", () => {
    it.each(cases)("$name: nothing leaves", (c) => {
      expect(runs.get(c.name)?.real.findings).toEqual([]);
    });
  });

  describe("the same notebooks on an isolated page, DuckDB on threads", () => {
    const threaded = cases.filter((c) => c.threaded);
    // HOSTILE_CASES may pick no threaded case; the suite then says so instead of having an empty table.
    it("every threaded case ran threaded", () => {
      expect(threaded.filter((c) => !runs.get(c.name)?.threaded).map((c) => c.name)).toEqual([]);
    });
    it.each(threaded)("$name: nothing leaves", (c) => {
      expect(runs.get(c.name)?.threaded?.findings).toEqual([]);
    });
  });

  describe("the same notebooks against a build with their defence patched out", () => {
    it.each(cases)("$name: the leak is caught ($weaken)", (c) => {
      expect(runs.get(c.name)?.weakened.findings.length).toBeGreaterThan(0);
    });
  });
}
