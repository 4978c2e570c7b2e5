// CPU time of the Chromium this process launched, by process and thread (Linux /proc), for benches on a shared
// machine: CPU seconds are comparable between runs where wall time is not (issue 15).
import { readdirSync, readFileSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux.

/** The ids of this process's descendants: the Chromium it launched, with its renderers, GPU and utility processes. */
export function browserPids(): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parent.get(pid); p; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  return [...parent.keys()].filter(ours);
}

/** CPU ms per `<process>/<thread>` of this process's descendants: the page's renderer (the one running DuckDB's worker) is `page`, other renderers `frames`. */
export function browserCpu(): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of browserPids()) {
    try {
      const type = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, "utf8"))?.[1] ?? "browser";
      const threads = readdirSync(`/proc/${pid}/task`).map((tid) => {
        const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return { comm, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
      });
      const kind =
        type !== "renderer" ? type : threads.some((t) => t.comm.startsWith("DedicatedWorker")) ? "page" : "frames";
      for (const t of threads) {
        // Thread names: one key per kind (the pool threads' numbers dropped).
        const key = `${kind}/${t.comm.replace(/[0-9]+$/, "")}`;
        out.set(key, (out.get(key) ?? 0) + t.ms);
      }
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/** The CPU ms spent between two `browserCpu()` readings, by key (only keys that grew), largest first. */
export function cpuSpent(before: Map<string, number>, after: Map<string, number>): [string, number][] {
  return [...after]
    .map(([key, ms]): [string, number] => [key, ms - (before.get(key) ?? 0)])
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1]);
}
