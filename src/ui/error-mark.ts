// A cell error marked inside its CodeMirror editor: the word at the error's line and column is
// underlined (with the message as its title) and the line tinted, until the text is edited.
import { StateEffect, StateField, type EditorState, type Extension } from "@codemirror/state";
import { Decoration, EditorView, type DecorationSet } from "@codemirror/view";

/** An error position in the editor's text (1-based line and column, as cell errors carry them). */
export interface ErrorAt {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

const setError = StateEffect.define<ErrorAt | undefined>();

/** The range to mark: the word starting at the position, else one character (the line's end: the last one). */
export function errorRange(state: EditorState, error: ErrorAt): { from: number; to: number; line: number } | undefined {
  if (error.line === undefined || error.line < 1 || error.line > state.doc.lines) return undefined;
  const line = state.doc.line(error.line);
  const at = Math.min(line.from + Math.max(0, (error.column ?? 1) - 1), line.to);
  const word = /^[\w$."]+/.exec(state.doc.sliceString(at, line.to))?.[0].length ?? 0;
  if (word > 0) return { from: at, to: at + word, line: line.from };
  if (at < line.to) return { from: at, to: at + 1, line: line.from };
  return line.to > line.from ? { from: line.to - 1, to: line.to, line: line.from } : undefined;
}

const marks = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    for (const effect of tr.effects) {
      if (!effect.is(setError)) continue;
      const range = effect.value && errorRange(tr.state, effect.value);
      if (!range || !effect.value) return Decoration.none;
      const attributes = { title: effect.value.message, "data-role": "error-mark" };
      return Decoration.set([
        Decoration.line({ class: "cm-error-line" }).range(range.line),
        Decoration.mark({ class: "cm-error-mark", attributes }).range(range.from, range.to),
      ]);
    }
    // Once the text changes, the position no longer points at what failed.
    return tr.docChanged ? Decoration.none : value;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The editor extension that holds the mark. */
export const errorMarks: Extension = marks;

/** Marks `error` in the editor (or clears the mark when undefined). */
export function markError(view: EditorView, error: ErrorAt | undefined): void {
  view.dispatch({ effects: setError.of(error) });
}
