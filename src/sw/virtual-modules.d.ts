// Modules the service worker bundle gets from the build (vite.config.ts), not from a file.

declare module "virtual:offline-manifest" {
  /** A hash of every built file: a new deployment is a new version (and a new sw.js, so browsers see it). */
  export const version: string;
  /** The built files to keep offline (see offline-files.ts), relative to the app's folder. */
  export const files: readonly string[];
}
