// `npm run lint`: Next's rules (React, React hooks with the compiler-based checks, Core Web Vitals), the full
// jsx-a11y recommended set, and typescript-eslint's type-aware recommended rules for every TypeScript file.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores([".next/**", ".next-*/**", "dist/**", "lib/generated/**", ".data/**", "bench-results/**",
    "test-results/**", "playwright-report/**", "coverage/**", "next-env.d.ts"]),
  ...nextVitals,
  ...nextTypescript,
  {
    // Next registers the react-hooks and jsx-a11y plugins but enables only a few a11y rules, as warnings.
    rules: { ...reactHooks.configs.flat.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
  },
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    rules: {
      // A leading underscore marks a parameter kept for its position, and a destructured key is dropped on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // `async` on an implementation of a Promise-returning contract (route handlers, resolvers) turns a throw into a rejection.
      "@typescript-eslint/require-await": "off",
      // String() of a form field or a loosely typed wire value is the intended coercion; zod validates the result.
      "@typescript-eslint/no-base-to-string": "off",
      // Casts to `object` hand a typed record to Prisma's JSON input: `tsc` needs them, the rule judges them unnecessary.
      "@typescript-eslint/no-unnecessary-type-assertion": ["error", { typesToIgnore: ["object", "object | undefined"] }],
      // A focus move into a just-opened dialog's first field (Radix would focus the close button); raw DOM autoFocus still fails.
      "jsx-a11y/no-autofocus": ["error", { ignoreNonDOM: true }],
      // A scrollable region must take focus so keyboard users can scroll it (axe: scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"], allowExpressionValues: true }],
      // A variable a closure declared above reads, then set once further down (what a request was answered for), stays `let`.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ["**/*.test.ts", "**/*.test.tsx", "e2e/**", "test/**"],
    rules: {
      // Tests read JSON bodies (typed `any`) and let expect() judge them.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      // useScratchDirs and the schema diff's use() are test helpers, not React hooks.
      "react-hooks/rules-of-hooks": "off",
    },
  },
  {
    // Every rule that is on fails the run, and a disable comment that no longer hides anything is an error.
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
]);
