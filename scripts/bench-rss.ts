// Peak memory of the browser: samples the resident set of every process this bench started (Chromium's
// browser, renderer, GPU and utility processes), summed, a few times a second (Linux /proc).
import { readFileSync, readdirSync } from "node:fs";

const PAGE = 4096;

/** Every process below `root` (its descendants, not itself) with its resident bytes. */
function descendants(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces and parentheses: fields are counted after its closing ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), Number(fields[21]) * PAGE);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const below = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  let total = 0;
  for (const [pid, bytes] of rss) if (below(pid)) total += bytes;
  return total;
}

/** Starts sampling the summed resident set of this process's children; `stop` returns the peak in bytes. */
export function sampleChildRss(everyMs = 200): { stop(): number } {
  let peak = descendants(process.pid);
  const timer = setInterval(() => (peak = Math.max(peak, descendants(process.pid))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, descendants(process.pid));
    },
  };
}
