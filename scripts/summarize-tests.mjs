// Prints one closing line over all suites: "Tests by kind: …" then "N passed, N failed".
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? '.vouch/test-results';
const kinds = [];
let passed = 0;
let failed = 0;
let skipped = 0;

for (const kind of ['unit', 'integration']) {
  const file = path.join(dir, `${kind}.json`);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  kinds.push(`${kind} ${report.numPassedTests}`);
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
const e2eFile = path.join(dir, 'e2e.json');
if (existsSync(e2eFile)) {
  const stats = JSON.parse(readFileSync(e2eFile, 'utf8')).stats;
  kinds.push(`end-to-end ${stats.expected}`);
  passed += stats.expected;
  failed += stats.unexpected;
  skipped += stats.skipped;
}
console.log(`Tests by kind: ${kinds.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
