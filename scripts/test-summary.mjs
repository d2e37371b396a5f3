#!/usr/bin/env node
// Prints one closing line for the whole run: "Total: N passed, N failed" (with skipped when any).
import { readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const [vitestFile, e2eFile] = process.argv.slice(2);

const vitest = JSON.parse(readFileSync(vitestFile, "utf8"));
passed += vitest.numPassedTests;
failed += vitest.numFailedTests;
skipped += vitest.numPendingTests + vitest.numTodoTests;

const e2e = JSON.parse(readFileSync(e2eFile, "utf8"));
passed += e2e.stats.expected;
failed += e2e.stats.unexpected + e2e.stats.flaky;
skipped += e2e.stats.skipped;

console.log(`Total: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
