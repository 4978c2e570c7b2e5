// ESLint for the whole repo: the recommended JavaScript, TypeScript and Svelte sets, without type-aware
// rules (they need a full type check per run; svelte-check already does that in `npm run check`).
import js from "@eslint/js";
import ts from "typescript-eslint";
import svelte from "eslint-plugin-svelte";
import globals from "globals";
import { defineConfig } from "eslint/config";

export default defineConfig(
  { ignores: ["dist/", "coverage/", "public/", "notebooks/", ".bench/", ".scratch/", "test-results/"] },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  svelte.configs.prettier,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { extraFileExtensions: [".svelte"] },
    },
  },
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    rules: {
      // `const { omitted: _, ...rest } = value` is how a key is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      // UI state replaces whole Maps/Sets held in $state.raw, and local lookups are never reactive.
      "svelte/prefer-svelte-reactivity": "off",
    },
  },
);
