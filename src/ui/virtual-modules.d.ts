// Modules the app gets from the build (vite.config.ts), not from a file.

declare module "virtual:shipped-notebooks" {
  /** The SHA-256 (hex) of each shipped notebook's UTF-8 text, by its path (`notebooks/<file>.md`). */
  const hashes: Readonly<Record<string, string>>;
  export default hashes;
}
