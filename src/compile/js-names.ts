// Finds the names a piece of JavaScript may read from other cells: a tokenizer-level
// over-approximation (the graph keeps only names that are cells), plus the relations named in the
// text of `sql` tagged templates, so `sql\`FROM rfm\`` depends on the cell `rfm`.
import { compileSql } from "./sql";

const KEYWORDS = new Set(
  (
    "await break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof let new null of return static super switch this throw true try typeof var void " +
    "while with yield async get set undefined arguments interface"
  ).split(" "),
);

/** Words after which a name is declared (TypeScript's enums included). */
const DECLARING = ["const", "let", "var", "function", "class", "enum"];

/** The type after `as` or `satisfies`: a name, its type arguments and array brackets. */
const CAST_TYPE = /^\s+[A-Za-z_$][\w$.]*(<[^;\n=()]*>)?(\[\])*/;

/** Tokens after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = /[(,=:[!&|?{};+\-*%<>~^]$/;

/** What `scanJsNames` found: free-looking identifiers, names declared in the code, and SQL relation names. */
export interface JsNames {
  /** Identifiers not after `.`, not object keys, not keywords; first occurrence first. */
  readonly identifiers: string[];
  /** Names declared by `const`/`let`/`var`/`function`/`class` anywhere in the code. */
  readonly declared: Set<string>;
  /** Lower-cased relation names read by `sql\`...\`` templates. */
  readonly sqlNames: string[];
}

/** Scans JavaScript or TypeScript (type names count as names: the graph keeps only cells) for the names it may read. */
export function scanJsNames(code: string): JsNames {
  const identifiers: string[] = [];
  const declared = new Set<string>();
  const sqlNames: string[] = [];
  let i = 0;
  let prev = ""; // the previous significant token
  let prevPrev = "";
  // Open template literals: the brace depth at which each `${` returns to its template.
  const templateStack: number[] = [];
  let braces = 0;
  const push = (token: string) => {
    prevPrev = prev;
    prev = token;
  };

  /** Reads template text from `i` (just after ` or }) to the next ${ or closing `; returns the text. */
  const templateText = (): { text: string; closed: boolean } => {
    let text = "";
    while (i < code.length) {
      const c = code[i];
      if (c === "\\") {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (c === "`") return (i++, { text, closed: true });
      else if (c === "$" && code[i + 1] === "{") return ((i += 2), { text, closed: false });
      else text += code[i++];
    }
    return { text, closed: true };
  };
  // Per open template: whether it is tagged `sql`, and the text parts so far.
  const templates: { sql: boolean; parts: string[] }[] = [];
  const endTemplate = (t: { sql: boolean; parts: string[] }) => {
    if (!t.sql) return;
    for (const name of compileSql(t.parts.join(" 0 ")).references) if (!sqlNames.includes(name)) sqlNames.push(name);
  };
  const readTemplate = (sql: boolean) => {
    const t = { sql, parts: [] as string[] };
    const { text, closed } = templateText();
    t.parts.push(text);
    if (closed) return endTemplate(t);
    templates.push(t);
    templateStack.push(braces);
  };

  while (i < code.length) {
    const c = code[i];
    if (/\s/.test(c)) i++;
    else if (code.startsWith("//", i)) i = code.indexOf("\n", i) < 0 ? code.length : code.indexOf("\n", i);
    else if (code.startsWith("/*", i)) i = code.indexOf("*/", i + 2) < 0 ? code.length : code.indexOf("*/", i + 2) + 2;
    else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < code.length && code[j] !== c && code[j] !== "\n") j += code[j] === "\\" ? 2 : 1;
      i = j + 1;
      push("str");
    } else if (c === "`") {
      i++;
      readTemplate(prev === "sql" && prevPrev !== ".");
      push("str");
    } else if (c === "}" && templateStack.length && templateStack[templateStack.length - 1] === braces) {
      templateStack.pop();
      i++;
      const t = templates.pop()!;
      const { text, closed } = templateText();
      t.parts.push(text);
      if (closed) endTemplate(t);
      else {
        templates.push(t);
        templateStack.push(braces);
      }
      push("str");
    } else if (/[A-Za-z_$\u0080-\uFFFF]/.test(c)) {
      let j = i + 1;
      while (j < code.length && /[A-Za-z0-9_$\u0080-\uFFFF]/.test(code[j])) j++;
      const word = code.slice(i, j);
      i = j;
      // The code is scanned before its types are stripped: an interface or type alias reads no cell.
      const typeName = prev === "." || prev === "?." ? undefined : declaredType(word, code.slice(i, i + 200));
      if (typeName) {
        declared.add(typeName);
        i = typeDeclarationEnd(code, i, word === "interface");
        push(";");
        continue;
      }
      const next = /^\s*(.)/.exec(code.slice(i, i + 40))?.[1];
      const isKey = next === ":" && (prev === "{" || prev === ",");
      const declaring = DECLARING.includes(prev);
      const cast = (word === "as" || word === "satisfies") && /^(\w+|[)\]]|str|num)$/.test(prev);
      // `x as Row[]`: a type follows, which reads no name.
      if (cast) i += CAST_TYPE.exec(code.slice(i))?.[0].length ?? 0;
      else if (prev !== "." && prev !== "?." && !isKey && !KEYWORDS.has(word) && !identifiers.includes(word))
        identifiers.push(word);
      push(word);
      if (declaring) {
        declared.add(word);
        if (next === ":") i = annotationEnd(code, i); // `const n: number = ...`
      }
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < code.length && /[0-9A-Za-z_.]/.test(code[j])) j++;
      i = j;
      push("num");
    } else if (c === "/" && (prev === "" || BEFORE_REGEX.test(prev) || KEYWORDS.has(prev))) {
      // A regular expression literal: skip to its closing slash (classes may hold a slash).
      let j = i + 1;
      let inClass = false;
      while (j < code.length && code[j] !== "\n") {
        if (code[j] === "\\") j++;
        else if (code[j] === "[") inClass = true;
        else if (code[j] === "]") inClass = false;
        else if (code[j] === "/" && !inClass) break;
        j++;
      }
      i = j + 1;
      while (i < code.length && /[a-z]/.test(code[i])) i++;
      push("re");
    } else {
      if (code.startsWith("?.", i) && !/[0-9]/.test(code[i + 2] ?? "")) {
        i += 2;
        push("?.");
      } else {
        if (c === "{") braces++;
        else if (c === "}") braces--;
        i++;
        push(c);
      }
    }
  }
  return { identifiers, declared, sqlNames };
}

/** The name `X` when `word`, followed by `rest`, starts a TypeScript `interface X` or `type X =` declaration. */
function declaredType(word: string, rest: string): string | undefined {
  if (word === "interface") return /^\s+([A-Za-z_$][\w$]*)/.exec(rest)?.[1];
  return word === "type" ? /^[ \t]+([A-Za-z_$][\w$]*)\s*(=|<)/.exec(rest)?.[1] : undefined;
}

/**
 * Where the type declaration whose name follows `from` ends: an interface after its closing brace,
 * an alias at a `;` or at a line end that does not continue it (brackets balanced, `=>` no bracket).
 */
function typeDeclarationEnd(code: string, from: number, isInterface: boolean): number {
  let depth = 0;
  let opened = false;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if ("([{<".includes(c)) {
      depth++;
      opened ||= c === "{";
    } else if (")]}".includes(c) || (c === ">" && code[i - 1] !== "=")) depth--;
    if (depth > 0) continue;
    if (isInterface && opened) return i + 1;
    if (isInterface) continue;
    if (c === ";") return i + 1;
    if (c === "\n" && !/[=|&,:]\s*$/.test(code.slice(from, i)) && !/^\s*[|&]/.test(code.slice(i + 1, i + 80))) return i;
  }
  return code.length;
}

/** Where the type annotation of a declared name (`from` is at its `:`) ends: at its `=`, `;`, `,` or line end. */
function annotationEnd(code: string, from: number): number {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if ("([{<".includes(c)) depth++;
    else if (")]}".includes(c) || (c === ">" && code[i - 1] !== "=")) depth--;
    else if (depth === 0 && ((c === "=" && code[i + 1] !== ">") || c === ";" || c === "," || c === "\n")) return i;
  }
  return code.length;
}
