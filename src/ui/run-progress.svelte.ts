// "Run all" progress as the session tells it ("progress" events): how many of the cells it runs have
// finished, out of how many, and which one is running now.
import type { SessionEvent } from "../session/types";

/** The progress of the current "Run all", if one is going. */
export class RunProgress {
  active = $state(false);
  total = $state(0);
  done = $state(0);
  /** The name (or id) of the cell running now. */
  running: string | undefined = $state(undefined);

  /** Starts showing a run of the whole notebook (its numbers come with the session's events). */
  start(): void {
    this.total = 0;
    this.done = 0;
    this.running = undefined;
    this.active = true;
  }

  /** Takes one of the session's "progress" events. */
  observe(event: Extract<SessionEvent, { type: "progress" }>): void {
    this.done = event.done;
    this.total = event.total;
    this.running = event.running;
  }

  /** Ends the run (it finished or stopped). */
  stop(): void {
    this.active = false;
    this.running = undefined;
  }
}
