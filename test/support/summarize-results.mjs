// Sums vitest JSON reports into the one closing line CI reads: "N passed, N failed".
// A missing or unreadable report counts as a failure, so a run that never happened shows.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    if (report.numTotalTests === 0) {
      console.log(`${file}: ran no test`);
      failed += 1;
    }
    // vitest's numFailedTestSuites counts describe blocks too; a file that failed to run is one
    // marked failed without a failed test in it (an import error, a hook that threw)
    const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && !file.assertionResults?.some((test) => test.status === 'failed'));
    if (brokenFiles.length > 0) {
      console.log(`${file}: ${brokenFiles.length} test file(s) failed to run: ${brokenFiles.map((f) => f.name).join(', ')}`);
      failed += brokenFiles.length;
    }
  } catch (err) {
    console.log(`${file}: no report (${err.message})`);
    failed += 1;
  }
}
console.log(skipped ? `${passed} passed, ${failed} failed, ${skipped} skipped` : `${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
