// The DuckDB lockdown of security.md, run right after instantiation and before any notebook SQL:
// no extension or file may come from anywhere but the registered /data/ files, and it cannot be undone.
import { quoteString } from "../load/sql";

/** Where user files are registered; the only directory DuckDB may read. */
export const dataDirectory = "/data/";

/** The lockdown statements, in order; `extensionRepository` is a URL on the app's own origin. */
export function lockdownStatements(extensionRepository: string): string[] {
  return [
    // First, so that nothing below can make DuckDB reach the public extension site.
    `SET custom_extension_repository = ${quoteString(extensionRepository)}`,
    "SET autoload_known_extensions = false",
    "SET autoinstall_known_extensions = false",
    "SET allow_community_extensions = false",
    `SET allowed_directories = [${quoteString(dataDirectory)}]`,
    "SET enable_external_access = false",
    "SET lock_configuration = true",
  ];
}
