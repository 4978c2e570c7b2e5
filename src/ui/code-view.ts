// The CodeMirror 6 editor behind CodeEditor.svelte, in a module of its own so that CodeMirror is a
// separate chunk the page fetches only once an editor is focused or the page is idle (editor-loader.ts).
import {
  EditorView,
  keymap,
  lineNumbers,
  highlightActiveLine,
  drawSelection,
  placeholder as placeholderExt,
} from "@codemirror/view";
import { EditorState, Compartment } from "@codemirror/state";
import { syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput } from "@codemirror/language";
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  closeCompletion,
  completionKeymap,
  completionStatus,
  type CompletionSource,
} from "@codemirror/autocomplete";
import { sql, schemaCompletionSource, PostgreSQL } from "@codemirror/lang-sql";
import { javascript } from "@codemirror/lang-javascript";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { errorMarks, markError, type ErrorAt } from "./error-mark";
import { wordCompletion } from "./word-completion";

/** The editor's language: SQL completes tables, cells and columns from `schema`. */
export interface CodeLanguage {
  readonly language: "sql" | "ts" | "none";
  readonly schema: Record<string, string[]>;
}

/** What an editor is made with; the callbacks are read at call time, so they may change later. */
export interface CodeViewOptions extends CodeLanguage {
  readonly doc: string;
  /** Where the selection starts (anchor) and ends (head, the caret); default: the start of the text. */
  readonly selection?: { readonly anchor: number; readonly head: number };
  readonly readonly: boolean;
  readonly placeholder: string;
  readonly label: string;
  readonly onchange: (text: string) => void;
  readonly onrun: () => void;
  readonly onrunhere: () => void;
  /** Leaves the editor; false when there is nowhere to go (Esc then does nothing). */
  readonly onescape: () => boolean;
}

/** A live editor: the calls CodeEditor.svelte makes when its props change. */
export interface CodeView {
  /** The language, and the tables and columns completion offers from now on. */
  setLanguage(language: CodeLanguage): void;
  markError(at: ErrorAt | undefined): void;
  /** Replaces the text, unless the user is typing in it (an older echo must not undo newer keys). */
  setText(text: string): void;
  focus(): void;
  destroy(): void;
}

type Schema = CodeLanguage["schema"];

/**
 * A completion source that stays the same function while the schema changes under it (a cell's run changes its
 * columns). A source swapped by reconfiguring would leave a completion list that is open at that moment dead:
 * its options belong to the old source, and a click or Enter on them does nothing.
 */
function onCurrentSchema(schema: () => Schema, build: (schema: Schema) => CompletionSource): CompletionSource {
  let built: { of: Schema; source: CompletionSource } | undefined;
  return (context) => {
    const now = schema();
    if (built?.of !== now) built = { of: now, source: build(now) };
    return built.source(context);
  };
}

function languageExtension(language: CodeLanguage["language"], schema: () => Schema) {
  if (language === "sql")
    return [
      sql({ dialect: PostgreSQL, upperCaseKeywords: true }),
      PostgreSQL.language.data.of({
        autocomplete: onCurrentSchema(schema, (now) => schemaCompletionSource({ dialect: PostgreSQL, schema: now })),
      }),
      PostgreSQL.language.data.of({ autocomplete: onCurrentSchema(schema, wordCompletion) }),
    ];
  return language === "ts" ? javascript({ typescript: true }) : [];
}

/** Creates an editor in `parent`. */
export function createCodeView(parent: HTMLElement, options: CodeViewOptions): CodeView {
  const languageConf = new Compartment();
  // The language is reconfigured only when it changes; new tables or columns are read by the same sources.
  let current: CodeLanguage = { language: options.language, schema: options.schema };
  const schema = () => current.schema;
  const runKey = keymap.of([
    { key: "Shift-Enter", preventDefault: true, run: (target) => (closeCompletion(target), options.onrun(), true) },
    { key: "Mod-Enter", preventDefault: true, run: (target) => (closeCompletion(target), options.onrunhere(), true) },
    // Esc first closes an open completion list; a second Esc leaves the editor.
    { key: "Escape", run: (target) => completionStatus(target.state) === null && options.onescape() },
  ]);
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      selection: options.selection,
      extensions: [
        runKey,
        lineNumbers(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        autocompletion(),
        history(),
        keymap.of([...closeBracketsKeymap, ...completionKeymap, ...historyKeymap, ...defaultKeymap, indentWithTab]),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        placeholderExt(options.placeholder),
        EditorView.lineWrapping,
        EditorState.readOnly.of(options.readonly),
        EditorView.editable.of(!options.readonly),
        EditorView.contentAttributes.of({ "aria-label": options.label }),
        languageConf.of(languageExtension(current.language, schema)),
        errorMarks,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onchange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setLanguage(next) {
      const changed = next.language !== current.language;
      current = { language: next.language, schema: next.schema };
      if (changed) view.dispatch({ effects: languageConf.reconfigure(languageExtension(next.language, schema)) });
    },
    markError: (at) => markError(view, at),
    setText(text) {
      if (!view.hasFocus && view.state.doc.toString() !== text)
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
