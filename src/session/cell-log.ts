// The `log(...)` lines of one run of a cell. A cell can log in a loop, and every line ends up in the
// session state (re-published, drawn, written to the CLI report), so what is kept is capped; the rest
// is counted and said in one closing note instead of being dropped silently. `RunLogs` keeps the latest
// run's log of each cell.
import { sessionMessages as m } from "../messages/session";

/** Most lines kept per run. */
export const LOG_LINE_CAP = 200;
/** Most characters kept per run (the lines together). */
export const LOG_CHAR_CAP = 20_000;

/** Collects one run's log lines up to the caps. */
export interface CellLog {
  /** Adds the text of one `log(...)` call; text with line breaks counts as several lines. */
  add(text: string): void;
  /** The kept lines, plus a closing "… N more lines" note when some were cut. */
  lines(): readonly string[];
}

/** A fresh, empty log for one run. */
export function createCellLog(maxLines = LOG_LINE_CAP, maxChars = LOG_CHAR_CAP): CellLog {
  const kept: string[] = [];
  let chars = 0;
  let more = 0;
  let snapshot: readonly string[] = Object.freeze([]);
  let changed = false;
  return {
    add(text) {
      for (const line of text.split(/\r?\n/)) {
        changed = true;
        // Once something was cut, later lines are cut too, so the log never has a hole in the middle.
        if (more > 0 || kept.length >= maxLines || chars >= maxChars) more++;
        else if (chars + line.length > maxChars) {
          // One huge line keeps its start rather than vanishing whole.
          kept.push(`${line.slice(0, maxChars - chars)}…`);
          chars = maxChars;
        } else {
          kept.push(line);
          chars += line.length;
        }
      }
    },
    lines() {
      // The state snapshot is rebuilt often; an unchanged log keeps the same (frozen) array.
      if (changed) snapshot = Object.freeze(more ? [...kept, m.logMore(more)] : [...kept]);
      changed = false;
      return snapshot;
    },
  };
}

/** The log of each cell's latest run, by cell id. */
export interface RunLogs {
  /** Starts a run's empty log; returns what the run logs through (lines of a stopped or superseded run are dropped). */
  start(cellId: string, label: string, signal: AbortSignal): (text: string) => void;
  /** The latest run's lines, or undefined when it logged nothing. */
  lines(cellId: string): readonly string[] | undefined;
  /** Forgets every log (another notebook was opened). */
  clear(): void;
}

/** Run logs that call `changed` (at most every `publishMs`) when lines arrive and pass each line to `onLog`. */
export function createRunLogs(
  changed: () => void,
  onLog?: (cell: string, text: string) => void,
  publishMs = 50,
): RunLogs {
  const logs = new Map<string, CellLog>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    start(cellId, label, signal) {
      // Each run starts an empty log, so a re-run replaces the lines of the one before.
      const log = createCellLog();
      logs.set(cellId, log);
      return (text) => {
        if (signal.aborted || logs.get(cellId) !== log) return;
        log.add(text);
        onLog?.(label, text);
        // A chatty loop re-publishes at most every `publishMs`.
        timer ??= setTimeout(() => ((timer = undefined), changed()), publishMs);
      };
    },
    lines(cellId) {
      const lines = logs.get(cellId)?.lines();
      // A run that has logged nothing yet shows no log (and keeps the cell's state object).
      return lines?.length ? lines : undefined;
    },
    clear: () => logs.clear(),
  };
}
