// The cells a recipe writes and the info-string attributes that let the gallery re-generate them:
// every cell carries `recipe=<id>`; the first also the table bindings and every parameter value.
import { CHART_ROW_CAP } from "../charts/bind";
import type { NewCell } from "../notebook/types";
import { encodeParam, type ParamReader } from "./params";
import type { Recipe, RecipeContext } from "./recipe";

/** A `sql` cell. */
export function sqlCell(name: string, source: string, attrs: Readonly<Record<string, string>>): NewCell {
  return { kind: "sql", name, source: source.trim() + "\n", attrs };
}

/** A `chart` cell drawing the rows of the result `data` with a Vega-Lite spec. */
export function chartCell(
  name: string,
  data: string,
  spec: Record<string, unknown>,
  attrs: Readonly<Record<string, string>>,
): NewCell {
  const body = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", ...spec };
  return { kind: "chart", name, source: formatSpec(body) + "\n", attrs: { data, ...attrs } };
}

/** Pretty-prints JSON with every part that fits in `width` characters kept on one line, for reading in the cell. */
export function formatSpec(value: unknown, indent = "", width = 100): string {
  const line = inline(value);
  if (line.length + indent.length <= width || value === null || typeof value !== "object") return line;
  const inner = indent + "  ";
  const parts = Array.isArray(value)
    ? value.map((v) => inner + formatSpec(v, inner, width))
    : Object.entries(value as Record<string, unknown>).map(
        ([k, v]) => `${inner}${JSON.stringify(k)}: ${formatSpec(v, inner, width - k.length - 4)}`,
      );
  return Array.isArray(value) ? `[\n${parts.join(",\n")}\n${indent}]` : `{\n${parts.join(",\n")}\n${indent}}`;
}

/** JSON on one line with a space after each `,` and `:` between items (never inside strings). */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  if (value !== null && typeof value === "object" && !Object.keys(value).length) return "{}";
  if (value !== null && typeof value === "object")
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`)
      .join(", ")} }`;
  return JSON.stringify(value);
}

/** The SQL of a scatter's data cell: a fixed sample (by hash of the customer id) of at most 5,000 customers of `cell`. */
export function scatterSample(cell: string): string {
  return `-- At most ${CHART_ROW_CAP.toLocaleString("en")} customers for the scatter, the same ones on every run (ordered by a hash of the id);
-- the tables above count everyone.
SELECT * FROM "${cell}" ORDER BY hash(customer_id), customer_id LIMIT ${CHART_ROW_CAP}`;
}

/** A `ts` cell (TypeScript run in the sandbox). */
export function tsCell(name: string, source: string, attrs: Readonly<Record<string, string>>): NewCell {
  return { kind: "ts", name, source: source.trim() + "\n", attrs };
}

/** A Markdown cell. */
export function markdownCell(text: string): NewCell {
  return { kind: "markdown", source: text.trim() + "\n" };
}

/** The attributes of a recipe's first cell: the recipe id, the table per slot, then each parameter. */
export function recipeAttrs(recipe: Recipe, ctx: RecipeContext): Record<string, string> {
  const attrs: Record<string, string> = { recipe: recipe.id };
  for (const slot of recipe.inputs) {
    const binding = ctx.tables[slot.name];
    if (binding) attrs[slot.name] = binding.table;
  }
  for (const spec of recipe.params) attrs[spec.name] = encodeParam(spec, ctx.params.values[spec.name]);
  return attrs;
}

/** A recipe invocation read back from a cell's attributes: id, table per slot, parameter texts. */
export interface RecipeCall {
  readonly recipe: string;
  readonly tables: Record<string, string>;
  readonly params: Record<string, string>;
}

/** Reads the recipe invocation from a cell's attributes, or undefined when the cell is not a recipe's first cell. */
export function readRecipeCall(recipe: Recipe, attrs: Readonly<Record<string, string>>): RecipeCall | undefined {
  if (attrs.recipe !== recipe.id) return undefined;
  const tables: Record<string, string> = {};
  const params: Record<string, string> = {};
  for (const slot of recipe.inputs) if (attrs[slot.name] !== undefined) tables[slot.name] = attrs[slot.name];
  for (const spec of recipe.params) if (attrs[spec.name] !== undefined) params[spec.name] = attrs[spec.name];
  return { recipe: recipe.id, tables, params };
}

/** Collects a recipe's cells with shared naming: `cell("segments")` is `<prefix>_segments`. */
export class CellWriter {
  readonly cells: NewCell[] = [];
  private first = true;

  constructor(
    private readonly recipe: Recipe,
    private readonly ctx: RecipeContext,
  ) {}

  /** The name of a part: the prefix itself for the main part, `<prefix>_<part>` otherwise. */
  name(part?: string): string {
    return part ? `${this.ctx.name}_${part}` : this.ctx.name;
  }

  private attrs(): Record<string, string> {
    if (!this.first) return { recipe: this.recipe.id };
    this.first = false;
    return recipeAttrs(this.recipe, this.ctx);
  }

  /** Adds a SQL cell named after `part` and returns its name. */
  sql(part: string | undefined, source: string): string {
    const name = this.name(part);
    this.cells.push(sqlCell(name, source, this.attrs()));
    return name;
  }

  /** Adds a chart cell over the result `data`. */
  chart(part: string, data: string, spec: Record<string, unknown>): string {
    const name = this.name(part);
    this.cells.push(chartCell(name, data, spec, this.attrs()));
    return name;
  }

  /** Adds a TypeScript cell. */
  ts(part: string | undefined, source: string): string {
    const name = this.name(part);
    this.cells.push(tsCell(name, source, this.attrs()));
    return name;
  }

  /** Adds a Markdown note. */
  note(text: string): void {
    this.cells.push(markdownCell(text));
  }

  /** The parameters, for convenience. */
  get params(): ParamReader {
    return this.ctx.params;
  }
}
