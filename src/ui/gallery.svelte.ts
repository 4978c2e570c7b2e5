// The recipe gallery's state: open or not, the picked recipe with its table choices and form values, and
// inserting it: build the cells, save the role mappings they read, insert them where the user was, run them.
// A slot takes a loaded table or a named cell's result (whose cell must have run, for its columns).
import { tick } from "svelte";
import type { Recipe } from "../recipes/recipe";

/** The recipe registry module, loaded on demand so it stays out of the first page load. */
export type Registry = typeof import("../recipes/registry");
import type { Workbench } from "./workbench.svelte";
import { galleryText } from "../messages/gallery";
import type { RoleProblem } from "../recipes/recipe";
import type { TableMapping } from "./mapping";
import { cellRelations } from "./cell-relations";
import type { FieldValue, RecipeCheck } from "./recipe-form";

/** The recipe form's logic, loaded with the registry (it reads the recipes' own modules). */
type RecipeForm = typeof import("./recipe-form");

/** The gallery: which recipe is picked and how it is set up. */
export class Gallery {
  private readonly bench: Workbench;
  open = $state(false);
  /** The recipe catalogue, loaded (as its own chunk) the first time the gallery opens. */
  registry: Registry | undefined = $state.raw(undefined);
  private form: RecipeForm | undefined;
  recipeId: string | undefined = $state(undefined);
  /** Slot -> the chosen table or cell result ("" for none). */
  slots: Record<string, string> = $state({});
  values: Record<string, FieldValue> = $state({});
  /** The prefix of the cell names. */
  name = $state("");
  /** Problems the last insert ran into. */
  errors: string[] = $state([]);
  /** The cell the user last worked in (name or id), so cells are inserted after it. */
  lastCell: string | undefined = undefined;

  constructor(bench: Workbench) {
    this.bench = bench;
  }

  /** The picked recipe. */
  get recipe(): Recipe | undefined {
    return this.recipeId ? this.registry?.findRecipe(this.recipeId) : undefined;
  }

  /** Opens the gallery (on the recipe picked before, if any). */
  async show(): Promise<void> {
    await this.load();
    if (this.recipe) this.refreshSlots();
    this.open = true;
  }

  /** Fetches what the gallery needs to open ahead of the first click (a failure is met again by `show`). */
  preload(): void {
    this.load().catch(() => undefined);
  }

  /** The catalogue, the form's logic and the role mappings: chunks of their own, loaded once. */
  private async load(): Promise<void> {
    const [registry, form] = await Promise.all([
      this.registry ?? import("../recipes/registry"),
      this.form ?? import("./recipe-form"),
      this.bench.loadRoles(),
    ]);
    this.form = form;
    this.registry = registry;
  }

  /** Closes the gallery; the picked recipe and its settings are kept for next time. */
  close(): void {
    this.open = false;
  }

  /** Picks a recipe: tables by kind, parameters at their defaults, a free cell-name prefix. */
  pick(id: string): void {
    const recipe = this.registry?.findRecipe(id);
    const form = this.form;
    if (!recipe || !form) return;
    this.recipeId = id;
    this.slots = form.defaultSlots(recipe, this.mappings());
    this.values = form.formDefaults(recipe.params);
    this.name = form.freePrefix(recipe, this.takenNames());
    this.errors = [];
  }

  /**
   * Whether inserted cells run at once: in a trusted or new notebook. A notebook from elsewhere runs only on
   * the user's word ("Run this notebook"), so its new cells wait with the rest.
   */
  get runsOnInsert(): boolean {
    const state = this.bench.state;
    return state.trusted || !state.cells.some((c) => c.cell.kind !== "markdown");
  }

  /** The checks of the picked recipe as set up now (recomputed when tables, mappings or values change). */
  check(): RecipeCheck | undefined {
    const { recipe, registry, form } = this;
    if (!recipe || !registry || !form) return undefined;
    const tables = form.slotBindings(recipe, this.slots, this.sources());
    const attrs = form.formAttrs(recipe.params, this.values);
    const checked = form.checkRecipe(recipe, tables, attrs, this.name.trim(), registry.buildRecipe);
    const waiting = this.waitingSlots();
    if (!waiting.length) return checked;
    // A cell result without columns yet: say which cell to run, not that the slot has no table.
    const others = checked.roles.filter((p) => !waiting.some((w) => w.slot === p.slot));
    return { ...checked, roles: [...waiting, ...others], cells: undefined };
  }

  /** What a slot can read: the loaded tables, then the named cell results that have run. */
  sources(): TableMapping[] {
    return [...this.mappings(), ...(this.bench.roles?.results() ?? [])];
  }

  /** The loaded tables' mappings (none before the gallery first opens: `show` loads them). */
  private mappings(): TableMapping[] {
    return this.bench.roles?.all() ?? [];
  }

  /** A problem per slot set to a cell result whose cell has not run (or failed), naming the cell. */
  private waitingSlots(): RoleProblem[] {
    const relations = cellRelations(this.bench.state);
    return Object.entries(this.slots).flatMap(([slot, name]) => {
      const relation = relations.find((r) => r.name === name);
      if (!relation || relation.columns) return [];
      const message = relation.failed ? galleryText.cellFailed(name) : galleryText.runCellFirst(name);
      return [{ slot, roles: [], message }];
    });
  }

  /** Builds the recipe, saves the mappings it reads, inserts its cells after the current cell and runs them. */
  async insert(): Promise<void> {
    const { recipe, form } = this;
    const checked = this.check();
    if (!recipe || !form || !checked?.cells) {
      this.errors = checked ? [...checked.params, ...checked.roles.map((p) => p.message), ...checked.build] : [];
      return;
    }
    const taken = new Set(this.takenNames().map((n) => n.toLowerCase()));
    const clash = checked.cells.find((c) => c.name && taken.has(c.name.toLowerCase()));
    if (clash?.name) {
      this.name = form.freePrefix(recipe, taken);
      this.errors = [galleryText.nameTaken(clash.name, this.name)];
      return;
    }
    this.errors = [];
    const mayRun = this.runsOnInsert;
    let ids: string[];
    try {
      // The cells name only their tables; the roles they read must be in the front matter.
      for (const table of new Set(Object.values(this.slots).filter(Boolean))) {
        if (!this.bench.roles?.ensureSaved(table)) return;
      }
      const at = this.insertionIndex();
      ids = checked.cells.map((cell, i) => this.bench.session.insertCell(at + i, cell));
    } catch (error) {
      this.errors = [error instanceof Error ? error.message : String(error)];
      return;
    }
    this.open = false;
    this.name = form.freePrefix(recipe, this.takenNames());
    this.lastCell = checked.cells[checked.cells.length - 1]?.name;
    await tick();
    const first = checked.cells[0]?.name;
    if (first)
      document
        .querySelector(`[data-cell="${CSS.escape(first)}"]`)
        ?.scrollIntoView({ block: "start", behavior: "smooth" });
    if (mayRun) for (const id of ids) await this.bench.run(id);
  }

  /** Keeps the slot choices valid when tables come and go: a vanished table is replaced by the default. */
  private refreshSlots(): void {
    const { recipe, form } = this;
    if (!recipe || !form) return;
    const loaded = new Set([
      ...this.bench.state.tables.map((t) => t.name),
      ...cellRelations(this.bench.state).map((r) => r.name),
    ]);
    const defaults = form.defaultSlots(recipe, this.mappings());
    const slots = { ...this.slots };
    for (const slot of recipe.inputs)
      if (!slots[slot.name] || !loaded.has(slots[slot.name])) slots[slot.name] = defaults[slot.name];
    this.slots = slots;
  }

  /** After the cell the user last worked in, else at the end. */
  private insertionIndex(): number {
    const cells = this.bench.state.cells;
    const i = this.lastCell === undefined ? -1 : cells.findIndex((c) => (c.cell.name ?? c.cell.id) === this.lastCell);
    return i < 0 ? cells.length : i + 1;
  }

  private takenNames(): string[] {
    const s = this.bench.state;
    return [
      ...s.cells.flatMap((c) => (c.cell.name ? [c.cell.name] : [])),
      ...s.tables.map((t) => t.name),
      ...Object.keys(s.notebook.frontMatter.data),
    ];
  }
}
