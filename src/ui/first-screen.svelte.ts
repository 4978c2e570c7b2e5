// A notebook just opened is drawn a screen first: its first cells render in the task that opens it, the rest
// once the browser has painted those (issue 15: a page readable at once). Building every cell's view, Markdown
// and highlighted code before the first paint made the reader wait for cells far below the fold.

/** How many cells a notebook shows before its first paint: a screen's worth, and the first chart in the tour. */
export const FIRST_SCREEN_CELLS = 5;

/** How many of the open notebook's cells are rendered (all but just after an open). */
export class FirstScreen {
  /** The number of leading cells to render. */
  limit = $state(Infinity);
  private opening = 0;

  /** A notebook was opened: render its first screen now and the rest after the next paint. */
  opened(): void {
    const opening = ++this.opening;
    this.limit = FIRST_SCREEN_CELLS;
    const rest = () => {
      if (opening === this.opening) this.limit = Infinity;
    };
    // After the frame that paints the first screen; the timer also ends it where frames do not come (a hidden tab).
    requestAnimationFrame(() => setTimeout(rest));
    setTimeout(rest, 500);
  }
}
