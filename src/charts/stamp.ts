// States on a chart's face that it does not draw every row (a sample, or the first marks up to the cap):
// a subtitle line added to the spec's title, so the statement travels with the spec into reports and exports.

type Spec = Record<string, unknown>;

/** A copy of `spec` whose title carries `line` as a (further) subtitle line; the author's title stays. */
export function withSubtitle(spec: Spec, line: string): Spec {
  const title = spec.title;
  if (typeof title === "object" && title !== null && !Array.isArray(title)) {
    const t = title as Spec;
    const before = t.subtitle === undefined ? [] : Array.isArray(t.subtitle) ? t.subtitle : [t.subtitle];
    return { ...spec, title: { ...t, subtitle: [...before, line] } };
  }
  // A title given as text (or a list of lines) keeps its text; no title gets an empty one to hang the line on.
  return { ...spec, title: { text: title ?? "", subtitle: line } };
}
