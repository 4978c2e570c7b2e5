// Deliberately weakened copies of the built app: each weakening rewrites strings of dist/ to take
// one defence out, so that a hostile case run against it shows that the case can fail. A marker
// that no longer matches throws: a weakening never silently becomes the real build.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * One string rewrite in one built file. `app` is the one chunk of the app's own code under `assets/` that holds
 * the marker: the entry (`main-*.js`) or a chunk split off it (the engine's client, a lazy view).
 */
interface Patch {
  readonly file: "index.html" | "sandbox-entry.js" | "code-sandbox.js" | "app";
  readonly find: string | RegExp;
  readonly replace: string;
}

// One pattern from several, so that long markers stay readable.
const joined = (...parts: RegExp[]) => new RegExp(parts.map((p) => p.source).join(""));
const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
const shellCsp: Patch = { file: "index.html", find: CSP_META, replace: "" };
// The sandbox frame is a srcdoc document: it inherits the shell's policy, so both go.
const sandboxCsp: Patch[] = [
  shellCsp,
  {
    file: "app",
    find: '<html lang="en"><head><meta http-equiv="Content-Security-Policy" content="',
    replace: '<html lang="en"><head><meta name="weakened" content="',
  },
];
// The values put in before parsing: the template gets the values' text and a pattern that never matches.
const markdownValues: Patch = {
  file: "app",
  find: /let\{markdown:([\w$]+),pattern:([\w$]+)\}=([\w$]+)\(([\w$]+)\?\.pieces\?\?\[([\w$]+)\]\)/,
  replace:
    "let{markdown:$1,pattern:$2}=$4?{markdown:$4.pieces.map((p,i)=>i?$4.values[i-1].text+p:p).join(``)," +
    "pattern:/(?!)/g}:$3([$5])",
};
const setting = (name: string): Patch => ({ file: "app", find: `\`SET ${name} = false\``, replace: "`SELECT 1`" });

/** The weakenings, by the defence they take out. */
export const WEAKENINGS = {
  /**
   * Every lockdown statement of src/engine/lockdown.ts (allowed_paths and an empty allowed_directories
   * included), the statement guard of src/engine/statement-guard.ts, and the shell CSP (so DuckDB's
   * requests can go out): both layers, since either alone refuses COPY and ATTACH.
   */
  lockdown: [
    shellCsp,
    { file: "app", find: /`SET custom_extension_repository = \$\{[\w$]+\([\w$]+\)\}`/, replace: "`SELECT 1`" },
    { file: "app", find: "`SET allowed_directories = []`", replace: "`SELECT 1`" },
    {
      file: "app",
      find: /`SET allowed_paths = \[\$\{[\w$]+\.map\([\w$]+\)\.join\(`, `\)\}\]`/,
      replace: "`SELECT 1`",
    },
    setting("autoload_known_extensions"),
    setting("autoinstall_known_extensions"),
    setting("allow_community_extensions"),
    setting("enable_external_access"),
    { file: "app", find: "`SET lock_configuration = true`", replace: "`SELECT 1`" },
    // checkStatement finds no first keyword, so it refuses nothing.
    {
      file: "app",
      find: /(function [\w$]+\(([\w$]+)\)\{let ([\w$]+)=)[\w$]+\(\2\)(;if\(\3\)\{if\(\3\.word===`\/\*`\))/,
      replace: "$1void 0$4",
    },
  ],
  /** The code Worker's removal of network APIs, and the sandbox document's content policies (its own, the shell's). */
  "code-sandbox": [
    ...sandboxCsp,
    {
      file: "code-sandbox.js",
      find: "`fetch`,`XMLHttpRequest`,`WebSocket`,`WebTransport`,`EventSource`,`importScripts`,`Worker`,",
      replace: "",
    },
  ],
  /** `usermeta` removal in the shell (charts/bind.ts) and the sandbox, the refusing loader, the sandbox CSP. */
  vega: [
    ...sandboxCsp,
    // Both the binder and the planner drop it; the planner's is the last of a comma statement.
    { file: "app", find: /delete ([\w$]+)\.usermeta,/, replace: "" },
    { file: "app", find: /,delete ([\w$]+)\.usermeta;/, replace: ";" },
    { file: "sandbox-entry.js", find: /delete [\w$]+\.usermeta[;,]/, replace: "" },
    { file: "sandbox-entry.js", find: /(mode:`vega-lite`,[^}]*?ast:!0,expr:[\w$]+,)loader:[\w$]+,/, replace: "$1" },
  ],
  /** DOMPurify on rendered Markdown (the HTML goes in as marked wrote it), and the shell CSP. */
  markdown: [
    shellCsp,
    {
      file: "app",
      find: /([\w$]+)=[\w$]+\.sanitize\(([\w$]+),\{\.\.\.[\w$]+,RETURN_DOM_FRAGMENT:!0\}\)/,
      replace: "$1=document.createRange().createContextualFragment($2)",
    },
  ],
  /** The in-app confirm (LinkDialog) before an external Markdown link opens: a click opens it at once. */
  "link-confirm": [
    {
      file: "app",
      find: joined(
        /([\w$]+)\.dataset\.link===`external`&&/,
        /[\w$]+\([\w$]+,new URL\([\w$]+\.getAttribute\(`href`\),window\.location\.href\),!0\)/,
      ),
      replace: "$1.dataset.link===`external`&&window.open($1.href)",
    },
  ],
  /** Markdown `${}` values go into the text before it is parsed (src/ui/markdown.ts), as they once did. */
  "markdown-values": [markdownValues],
  /** The prose link classifier (src/ui/link.ts): every same-site link followed as written; values inlined too. */
  "link-classifier": [
    markdownValues,
    {
      file: "app",
      find: joined(
        /return ([\w$]+)\.pathname!==[\w$]+\.pathname\|\|![\w$]+\|\|[\w$]+===null\|\|![\w$]+\.has\([\w$]+\)\?\{kind:`inert`\}:/,
        /\{kind:`internal`,href:`\?\$\{new URLSearchParams\(\{notebook:[\w$]+\}\)\}`\}/,
      ),
      replace: "return{kind:`internal`,href:$1.search}",
    },
  ],
  /** The same-site checks of `?notebook=` and of declared data files (src/ui/link.ts), and the shell CSP. */
  "notebook-link": [
    shellCsp,
    { file: "app", find: "/^[a-z][a-z0-9+.-]*:/i.test(", replace: "/^$/.test(" },
    { file: "app", find: "/^[\\\\/]/.test(", replace: "/^$/.test(" },
    { file: "app", find: /[\w$]+\.origin===new URL\([\w$]+\)\.origin\?/, replace: "!0?" },
    { file: "app", find: "/%(2f|5c)/i.test(", replace: "/^$/.test(" },
    {
      file: "app",
      find: /[\w$]+\.origin===[\w$]+\.origin&&[\w$]+\.pathname\.startsWith\([\w$]+\)\?([\w$]+):null/,
      replace: "$1",
    },
  ],
  /** The trust gate: a notebook opened from disk counts as trusted. */
  "trust-gate": [
    {
      file: "app",
      find: /openText\(([\w$]+),([\w$]+)\.name,!1\)/,
      replace: "openText($1,$2.name,!0)",
    },
  ],
  /** A fresh Worker per run (src/sandbox/code-main.ts): one Worker serves every run, and Stop no longer ends it. */
  "fresh-worker": [
    {
      file: "code-sandbox.js",
      find: /([\w$]+)\?\.terminate\(\),\1=([\w$]+)\?\?([\w$]+)\(\),\2=\3\(\),\1\.postMessage\(null,\[([\w$]+)\]\)/,
      replace: "$1??=$2??$3(),$1.postMessage(null,[$4])",
    },
    {
      file: "code-sandbox.js",
      find: /([\w$]+\([\w$]+\.data\)&&\()([\w$]+)\?\.terminate\(\),\2=void 0\)/,
      replace: "$1void 0)",
    },
  ],
  /** Rows cross from the code Worker as plain objects, not as one transferred Arrow buffer (src/code/). */
  "arrow-rows": [
    {
      file: "code-sandbox.js",
      find: /[\w$]+\((await [\w$]+\([\w$]+,[\w$]+,[\w$]+,[\w$]+\)),[\w$]+\.rows===!0\)/,
      replace: "{value:$1}",
    },
  ],
  /** The sandbox frames' opaque origin: both kinds get `allow-same-origin` (the shell's DOM and storage open). */
  "frame-origin": [
    { file: "app", find: "`sandbox`,`allow-scripts`", replace: "`sandbox`,`allow-scripts allow-same-origin`" },
    {
      file: "app",
      find: '<iframe sandbox="allow-scripts"',
      replace: '<iframe sandbox="allow-scripts allow-same-origin"',
    },
  ],
  /** The shell's refusal of eval: its policy gets 'unsafe-eval' (the sandbox's own policy still has none). */
  "shell-eval": [{ file: "index.html", find: "'wasm-unsafe-eval'", replace: "'unsafe-eval'" }],
  /** The sandbox frame ignores its code Worker's own messages: it relays them to the shell instead. */
  "worker-relay": [
    {
      file: "code-sandbox.js",
      find: /let ([\w$]+)=new Worker\(([\w$]+)\);return \1\.onmessage=null,\1\}/,
      replace: "let $1=new Worker($2);return $1.onmessage=e=>parent.postMessage(e.data,`*`),$1}",
    },
  ],
  /** `options_from` choices are saved only with `"remember": true` (src/compile/input.ts): every input remembers. */
  remember: [{ file: "app", find: /([\w$]+)\.remember===!0&&\(([\w$]+)\.remember=!0\)/, replace: "$2.remember=!0" }],
} satisfies Record<string, Patch[]>;

/** The name of a weakening. */
export type Weakening = keyof typeof WEAKENINGS;

// A copy of `from` made of symlinks, so that only the patched files take space.
function mirror(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    const source = join(from, entry);
    if (statSync(source).isDirectory()) mirror(source, join(to, entry));
    else symlinkSync(source, join(to, entry));
  }
}

function builtPath(root: string, patch: Patch, label: string): string {
  if (patch.file !== "app") return join(root, patch.file);
  // duckdb-wasm's prebuilt workers are not the app's code: no weakening rewrites them.
  const chunks = readdirSync(join(root, "assets")).filter((f) => f.endsWith(".js") && !f.startsWith("duckdb-browser-"));
  const holders = chunks.filter((f) => hasMarker(readFileSync(join(root, "assets", f), "utf8"), patch));
  if (holders.length !== 1) {
    const where = holders.length ? `in ${holders.length} chunks (${holders.join(", ")})` : "in no chunk";
    throw new Error(`weakening ${label}: marker ${String(patch.find)} found ${where} of the app`);
  }
  return join(root, "assets", holders[0]);
}

const hasMarker = (text: string, patch: Patch) =>
  typeof patch.find === "string" ? text.includes(patch.find) : patch.find.test(text);

/** Rewrites `text` with one patch, throwing when its marker is not there. */
export function applyPatch(text: string, patch: Patch, label: string): string {
  if (!hasMarker(text, patch))
    throw new Error(`weakening ${label}: marker ${String(patch.find)} not found in ${patch.file}`);
  const global = typeof patch.find === "string" ? patch.find : new RegExp(patch.find.source, "g");
  return typeof global === "string" ? text.split(global).join(patch.replace) : text.replace(global, patch.replace);
}

/** Makes `to` a copy of the built app `dist` with `extra` files added and the weakening's rewrites applied. */
export function buildVariant(
  dist: string,
  to: string,
  weakening: Weakening | null,
  extra: Record<string, string> = {},
): void {
  rmSync(to, { recursive: true, force: true });
  mirror(dist, to);
  for (const [path, text] of Object.entries(extra)) {
    mkdirSync(join(to, path, ".."), { recursive: true });
    writeFileSync(join(to, path), text);
  }
  const patches: readonly Patch[] = weakening ? WEAKENINGS[weakening] : [];
  for (const patch of patches) {
    const path = builtPath(to, patch, weakening ?? "");
    const text = applyPatch(readFileSync(path, "utf8"), patch, weakening ?? "");
    rmSync(path);
    writeFileSync(path, text);
  }
}
