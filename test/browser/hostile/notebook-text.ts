// Small builders for the hostile notebooks' text, so each case reads as its cells.

/** A fenced cell (tilde fences, so cell bodies may hold backticks). */
export const cell = (info: string, ...lines: string[]) => `~~~${info}\n${lines.join("\n")}\n~~~`;

/** A whole notebook: front matter (plus `extra` YAML lines) and the given parts, Markdown or cells. */
export const notebook = (parts: string[], extra: string[] = []) =>
  ["---", "notebook: 1", "title: Hostile", ...extra, "---", "", parts.join("\n\n"), ""].join("\n");

/** A ts cell line reading the first client's secret (the canary) into `s`. */
export const SECRET = "const s = (await sql`SELECT secret FROM clients LIMIT 1`)[0].secret;";

/** A ts cell line that waits `ms` milliseconds (time for a request to go out). */
export const pause = (ms: number) => `await new Promise((r) => setTimeout(r, ${ms}));`;

/** A ts cell that runs one SQL statement and returns 1 (it must be refused). */
export const statement = (name: string, sql: string) => cell(`ts ${name}`, `await sql\`${sql}\`;`, "return 1;");
