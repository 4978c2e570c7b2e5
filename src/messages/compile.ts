// Wording for problems found when compiling cells and ordering them (names, SQL, chart specs, cycles).

const q = (name: string) => `“${name}”`;

/** User-facing messages of compile/ and graph/. */
export const compileMessages = {
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
  badParam: () =>
    "Write a value reference as ${name}, with the name of an input or cell inside, e.g. ${min_orders}.",
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
  unknownParam: (name: string) => `\${${name}} names no cell in this notebook. Use the name of an input or ts cell.`,
  upstreamError: (name: string) => `Waiting on ${q(name)}, which has an error.`,
  upstreamNotRunnable: (name: string, kind: string) =>
    `Reads ${q(name)}, ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} cell, which this version of Clientbook cannot run yet.`,
} as const;

/** A valid name close to what the user wrote, for the error message. */
function suggestName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (cleaned === "") return "my_cell";
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}
