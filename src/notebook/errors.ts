// The one error the notebook reader throws: the file cannot be read as a notebook at all.
// Problems inside one cell are not errors here; they surface when the cell is compiled.

/** A notebook file that cannot be read (broken front matter, a newer format version), with the 1-based file line when known. */
export class NotebookError extends Error {
  readonly line?: number;

  constructor(message: string, line?: number) {
    super(message);
    this.name = "NotebookError";
    this.line = line;
  }
}
