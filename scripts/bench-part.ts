// What a part of `npm run bench` is: a name, one line saying what it measures, and a function from the
// run's context to rows of the table. scripts/bench.ts runs a list of them; a new measure is a new part.
import type { Args } from "./bench-browser";
import type { Row } from "./bench-table";

/** What every part gets from the run. */
export interface BenchContext {
  readonly args: Args;
  /** Rows of the orders file the load and interaction parts use (--rows). */
  readonly rows: number;
  /** Whether the 20M-row measures are skipped (--skip-20m). */
  readonly skip20m: boolean;
  /** Repetitions of each timed interaction (--moves). */
  readonly repeat: number;
  /** The app build the browser parts time: built once per run (or reused with --no-build). */
  dist(): string;
  /** A progress line (stderr). */
  log(line: string): void;
}

/** One part of the bench: its rows become one section of the printed table. */
export interface Part {
  readonly name: string;
  readonly about: string;
  run(ctx: BenchContext): Promise<readonly Row[]>;
}
