// The error a recipe raises when it cannot be built: missing roles, bad parameters, unsafe names.

/** A recipe could not be built; `problems` lists every reason, each a complete sentence for the user. */
export class RecipeError extends Error {
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[] = [message]) {
    super(message);
    this.name = "RecipeError";
    this.problems = problems;
  }
}
