import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Pages and components never talk to the database directly (STYLE.md §2).
const NO_DATABASE = {
  group: ["@/lib/db/client", "@/lib/generated/prisma/*"],
  importNames: ["db"],
  message: "Pages and components read through lib/<domain> functions, not the Prisma client.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "lib/generated/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { patterns: [NO_DATABASE] }],
    },
  },
  {
    // Staff pages link with StaffLink, which never prefetches (components/ui/staff-link.tsx).
    files: ["app/(desk)/**", "app/(auth)/**", "components/desk/**", "components/auth/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "next/link", message: "Staff pages link with StaffLink (components/ui/staff-link.tsx): never prefetched." }],
          patterns: [NO_DATABASE],
        },
      ],
    },
  },
  {
    files: ["lib/**", "scripts/**", "e2e/**", "prisma/**", "*.config.*", "instrumentation.ts"],
    rules: { "no-restricted-imports": "off" },
  },
]);
