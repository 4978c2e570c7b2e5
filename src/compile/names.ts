// What a cell name may be: an identifier usable unquoted in SQL and, later, in TypeScript cells.

/** Whether `name` is a valid cell name: letters, digits and _, not starting with a digit. */
export function isCellName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
