// Modules the sandbox bundle gets from the build (vite.config.ts), not from a file.

declare module "virtual:code-worker" {
  /** The code Worker's classic script (src/sandbox/code-worker.ts bundled as an IIFE), as text. */
  const source: string;
  export default source;
}
