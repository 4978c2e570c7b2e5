// A valid cell name close to what the user wrote, suggested in the compile messages of every locale.

/** A valid name close to what the user wrote, for the error message. */
export function suggestName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (cleaned === "") return "my_cell";
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}
