// Shared setup for session tests: a session on the real native engine, with notebook text and sample data.
import { resolve } from "node:path";
import { nativeEngine } from "../../src/engine/native/native-engine";
import { fileSourceFromPath } from "../../src/engine/node-file";
import type { Engine } from "../../src/engine/engine";
import { openSession } from "../../src/session/session";
import type { CellState, Session, SessionOptions } from "../../src/session/types";

export const root = resolve(__dirname, "../..");
export const sample = (file: string) => fileSourceFromPath(resolve(root, "public/notebooks", file));

/** A notebook file from front matter `data` lines and fenced cells given as [info, body]. */
export function notebookText(cells: [string, string][], data: string[] = []): string {
  const fm = ["---", "notebook: 1", ...(data.length ? ["data:", ...data.map((d) => `  ${d}`)] : []), "---", ""];
  return (
    fm.join("\n") +
    cells.map(([info, body]) => (info === "md" ? body : "```" + info + "\n" + body + "\n```")).join("\n\n") +
    "\n"
  );
}

/** Opens a trusted session on a fresh native engine; `close` releases the engine. */
export async function sessionWith(
  text: string,
  options: { trusted?: boolean } & SessionOptions = {},
): Promise<{ session: Session; engine: Engine; close: () => Promise<void> }> {
  const engine = await nativeEngine();
  const session = openSession(engine, options);
  session.open(text, { trusted: options.trusted ?? true });
  return { session, engine, close: () => engine.close() };
}

/** The state of the cell named `name`. */
export function cell(session: Session, name: string): CellState {
  const found = session.getState().cells.find((c) => c.cell.name === name);
  if (!found) throw new Error(`no cell ${name}`);
  return found;
}

/** The rows of a table output, as plain objects. */
export function rowsOf(state: CellState): Record<string, unknown>[] {
  if (state.output?.type !== "table") throw new Error(`${state.cell.name} has no table output`);
  return state.output.table.rows().map((r) => ({ ...r }));
}
