// The DuckDB lockdown of security.md, shared by both engines and run before any notebook SQL: DuckDB
// may open only the loader's few exact staging paths (exact paths, not a directory prefix, so no
// `/./../` escape), fetch no extension, and nothing can be undone.
import { quoteString } from "./load/sql";

/** Where the wasm engine registers the file being loaded (the native engine uses a private temp directory). */
export const dataDirectory = "/data/";

const kinds = ["csv", "json", "parquet"] as const;

/**
 * The one path in `directory` (ending in `/`) where a file with extension `ext` is staged while it loads.
 * Loads run one at a time and notebook SQL never runs during one, so one path per kind is enough.
 */
export function stagingPath(directory: string, ext: string): string {
  const kind = /^parq(uet)?$/i.test(ext) ? "parquet" : /^(jsonl?|ndjson)$/i.test(ext) ? "json" : "csv";
  return `${directory}upload.${kind}`;
}

/** Every staging path in `directory`: the whole of what DuckDB may open. */
export function stagingPaths(directory: string): string[] {
  return kinds.map((kind) => `${directory}upload.${kind}`);
}

/** The lockdown statements, in order; `extensionRepository` is a URL on the app's own origin (wasm). */
export function lockdownStatements(allowedPaths: readonly string[], extensionRepository?: string): string[] {
  return [
    // First, so that nothing below can make DuckDB reach the public extension site.
    ...(extensionRepository ? [`SET custom_extension_repository = ${quoteString(extensionRepository)}`] : []),
    "SET autoload_known_extensions = false",
    "SET autoinstall_known_extensions = false",
    "SET allow_community_extensions = false",
    // DuckDB 1.4.3 (wasm) compares allowed_directories as prefixes before resolving `.`: `/data/./../` passed.
    "SET allowed_directories = []",
    `SET allowed_paths = [${allowedPaths.map(quoteString).join(", ")}]`,
    "SET enable_external_access = false",
    "SET lock_configuration = true",
  ];
}
