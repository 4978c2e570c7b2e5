// Wording for problems found when compiling cells and ordering them (names, SQL, chart specs, cycles).
import { localized } from "./locale";
import { suggestName } from "./suggest-name";

const q = (name: string) => `“${name}”`;

const en = {
  missingName: (kind: string) =>
    `A ${kind} cell needs a name after its kind on the first line, e.g. \`\`\`${kind} ${kind === "chart" ? "sales_chart data=sales" : "sales"}. Other cells use the name to refer to it.`,
  badName: (name: string) =>
    `${q(name)} is not a valid cell name: use letters, digits and _, starting with a letter or _ (e.g. ${suggestName(name)}).`,
  emptySql: () => "This sql cell has no query yet. Write a SELECT (or any query that returns rows).",
  secondStatement: () =>
    "A sql cell holds one query, but another statement follows the ; here. Put each query in its own cell.",
  unclosedString: () => "This string has no closing quote (').",
  unclosedIdentifier: () => 'This quoted name has no closing double quote (").',
  unclosedComment: () => "This comment has no closing */.",
  unclosedDollar: (tag: string) => `This ${tag}-quoted string has no closing ${tag}.`,
  badParam: () => "Write a value reference as ${name}, with the name of an input or cell inside, e.g. ${min_orders}.",
  placeholder: (text: string) =>
    `Use \${name} to put a value into a query; ${text} placeholders are not supported in cells.`,
  missingData: () =>
    "A chart cell needs the data it draws on its first line, e.g. ```chart sales_chart data=sales, where sales is a sql cell.",
  badData: (name: string) => `data=${name} is not a cell name: use the name of the sql cell to draw.`,
  badJson: (reason: string) => `The chart spec is not valid JSON: ${reason}.`,
  specNotObject: () => "The chart spec must be a JSON object ({ ... }) holding a Vega-Lite specification.",
  duplicateName: (name: string, count: number) =>
    `${count} cells are named ${q(name)} (names are compared ignoring case). Give each cell its own name.`,
  cycle: (path: readonly string[]) =>
    `This cell is part of a cycle: ${path.join(" -> ")} (each cell reads the next). Break the loop so one of them does not read the others.`,
  unknownData: (name: string) => `data=${name} names no cell in this notebook. Use the name of a sql cell.`,
  tsSyntax: (reason: string) => `TypeScript syntax error: ${reason}.`,
  tsModuleSyntax: () =>
    "A ts cell is the body of a function: import and export do not work here. Use lib.<name> for the recipe library (e.g. lib.kmeans(...)) and other cells by their names.",
  inputJson: (reason: string) => `The input spec is not valid JSON: ${reason}.`,
  inputNotObject: () => 'An input cell holds a JSON object, e.g. { "type": "range", "min": 1, "max": 20, "value": 3 }.',
  inputUnknownKey: (key: string, known: readonly string[]) =>
    `Unknown key ${q(key)} in the input spec. Known keys: ${known.join(", ")}.`,
  inputType: (type: string, types: readonly string[]) =>
    `${q(type)} is not an input type. Use one of: ${types.join(", ")}.`,
  inputLabel: () => 'The input\'s "label" must be text in double quotes.',
  inputRemember: () => 'The input\'s "remember" must be true or false.',
  inputBound: (key: string, what: string) => `The input's "${key}" must be ${what}.`,
  inputRangeBounds: () =>
    'A range input needs "min" and "max", e.g. { "type": "range", "min": 1, "max": 20, "value": 3 }.',
  inputOptionsBoth: () => 'Give either "options" (a list) or "options_from" (a sql cell), not both.',
  inputOptions: () => '"options" must be a list of texts or numbers, e.g. ["North", "South"].',
  inputOptionsFrom: (value: string) =>
    `"options_from" takes a sql cell name, optionally with a column ("regions" or "regions.name"), not ${q(value)}.`,
  inputNoOptions: (type: string) =>
    `A ${type} input needs "options" (a list) or "options_from" (a sql cell, e.g. "regions.name").`,
  inputOptionsNotHere: (type: string) =>
    `A ${type} input has no options; "options" and "options_from" are for select and multiselect.`,
  inputValueType: (type: string, what: string) => `The value of a ${type} input must be ${what}.`,
  inputValueRange: (value: number | string, min?: number | string, max?: number | string) =>
    `The value ${value} is outside the allowed range (${min ?? "…"} to ${max ?? "…"}).`,
  inputNotAnOption: (value: string) => `${q(value)} is not one of the input's options.`,
  inputDateOrder: () => "The date range starts after it ends: put the earlier date first.",
  mdUnclosed: () =>
    "This ${ has no closing }. Write ${name} or ${expression} to show a value, or \\${ for a literal ${.",
  mdEmpty: () => "This ${} is empty: put a cell name or an expression inside, e.g. ${rfm.length}.",
  unknownParam: (name: string) => `\${${name}} names no cell in this notebook. Use the name of an input or ts cell.`,
  upstreamError: (name: string) => `Waiting on ${q(name)}, which has an error.`,
  upstreamNotRunnable: (name: string, kind: string) =>
    `Reads ${q(name)}, ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} cell, which this version of Clientbook cannot run yet.`,
} as const;

/** User-facing messages of compile/ and graph/, in the current locale. */
export const compileMessages = localized(en, "compileMessages");
