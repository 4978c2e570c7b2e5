// Finds where JSON text first goes wrong, so a chart spec error can point at a line and column
// (JSON.parse's own messages differ between engines and do not always give a position).

/** The offset and reason of the first JSON syntax error in `text`, or undefined when it is valid JSON. */
export function jsonError(text: string): { offset: number; reason: string } | undefined {
  let i = 0;
  const space = () => {
    while (i < text.length && /[ \t\n\r]/.test(text[i])) i++;
  };
  class Stop {
    constructor(
      readonly reason: string,
      readonly offset = i,
    ) {}
  }
  const expect = (what: string): never => {
    throw new Stop(
      i >= text.length
        ? `the text ends where ${what} was expected`
        : `expected ${what} but found ${JSON.stringify(text[i])}`,
    );
  };
  const string = () => {
    const start = i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") {
        const esc = /^\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(text.slice(i));
        if (!esc) throw new Stop('a backslash in a string must start an escape such as \\n or \\"');
        i += esc[0].length;
      } else if (text.charCodeAt(i) < 0x20) throw new Stop("a string cannot span lines (write \\n instead)");
      else i++;
    }
    if (i >= text.length) throw new Stop("this string has no closing double quote", start);
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{") {
      i++;
      space();
      if (text[i] === "}") return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') expect("a property name in double quotes");
        string();
        space();
        if (text[i] !== ":") expect("':'");
        i++;
        value();
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else expect("',' or '}'");
      }
    } else if (c === "[") {
      i++;
      space();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else expect("',' or ']'");
      }
    } else if (c === '"') string();
    else {
      const literal = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/.exec(text.slice(i));
      if (!literal) expect("a value");
      i += literal![0].length;
    }
  };
  try {
    value();
    space();
    if (i < text.length) expect("the end of the spec");
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, reason: e.reason };
    throw e;
  }
}
