// Which cells are on screen now (or within half a screen below it, the first thing scrolled to: a tour's first
// chart just under the fold), from one IntersectionObserver over every cell view, so "Run all" can run them
// first and cells further down do not hold them up.

/** The cell views on screen or just below it, by cell id. */
export class VisibleCells {
  private readonly shown = new Set<string>();
  private readonly idOf = new WeakMap<Element, string>();
  private observer: IntersectionObserver | undefined;

  /** Follows `element` (the view of cell `id`) until the returned function is called. */
  observe(element: Element, id: string): () => void {
    this.observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const cell = this.idOf.get(entry.target);
          if (cell === undefined) continue;
          if (entry.isIntersecting) this.shown.add(cell);
          else this.shown.delete(cell);
        }
      },
      { rootMargin: "0px 0px 50% 0px" },
    );
    this.idOf.set(element, id);
    this.observer.observe(element);
    return () => {
      this.observer?.unobserve(element);
      this.shown.delete(id);
    };
  }

  /** The ids of the cells on screen, in the order given by `ids` (the notebook's). */
  in(ids: readonly string[]): string[] {
    return ids.filter((id) => this.shown.has(id));
  }
}
