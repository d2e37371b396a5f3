#!/usr/bin/env node
// Prints one closing line for the whole run: "Total: N passed, N failed" (with skipped when any),
// and above it every test that did not pass, by name, with the first line of its error: a CI
// log is often read from its end only, and there the runners' own reports have scrolled away.
import { readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const [vitestFile, e2eFile] = process.argv.slice(2);

const firstLine = (text) =>
  String(text ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .find((line) => line.trim())
    ?.trim()
    .slice(0, 300) ?? "";

const vitest = JSON.parse(readFileSync(vitestFile, "utf8"));
passed += vitest.numPassedTests;
failed += vitest.numFailedTests;
skipped += vitest.numPendingTests + vitest.numTodoTests;
for (const file of vitest.testResults ?? []) {
  const name = file.name.replace(`${process.cwd()}/`, "");
  for (const test of file.assertionResults ?? []) {
    if (test.status === "failed")
      failures.push(
        `vitest ${name} › ${test.fullName.trim()}: ${firstLine(test.failureMessages?.[0])}`,
      );
  }
  // A file that failed outside its tests (an import, a hook) has no failed test to name.
  if (
    file.status === "failed" &&
    !(file.assertionResults ?? []).some((test) => test.status === "failed")
  ) {
    failures.push(
      `vitest ${name}: ${firstLine(file.message) || "the file failed outside its tests"}`,
    );
  }
}
// Vitest's own verdict, which also counts errors that belong to no test.
if (vitest.success === false && failures.length === 0)
  failures.push(
    "vitest: the run failed with no failed test named (an error outside the tests; see its report above)",
  );

const e2e = JSON.parse(readFileSync(e2eFile, "utf8"));
passed += e2e.stats.expected;
failed += e2e.stats.unexpected + e2e.stats.flaky;
skipped += e2e.stats.skipped;
const visit = (suite, titles) => {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      if (test.status !== "unexpected" && test.status !== "flaky") continue;
      const error = test.results?.find(
        (result) => result.status !== "passed" && result.status !== "skipped",
      )?.error?.message;
      failures.push(
        `e2e [${test.projectName}] ${[...titles, spec.title].join(" › ")} (${spec.file}:${spec.line}), ${test.status}: ${firstLine(error)}`,
      );
    }
  }
  for (const child of suite.suites ?? [])
    visit(child, suite.title && !suite.title.endsWith(".ts") ? [...titles, suite.title] : titles);
};
for (const suite of e2e.suites ?? []) visit(suite, []);
for (const error of e2e.errors ?? [])
  failures.push(`e2e, outside any test: ${firstLine(error.message)}`);

if (failures.length)
  console.log(`\nNot passed:\n${failures.map((line) => `  - ${line}`).join("\n")}`);
console.log(`Total: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || failures.length > 0 ? 1 : 0);
