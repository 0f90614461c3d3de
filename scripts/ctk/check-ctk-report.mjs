#!/usr/bin/env node
// Fails (exit 1) unless a newman JSON report shows a clean run: newman's exit code alone is not
// enough (a script that crashes on a non-JSON body is counted apart from failed assertions).
// Usage: node check-ctk-report.mjs <report.json>
import { readFileSync } from 'node:fs';

const [reportPath] = process.argv.slice(2);
const { run } = JSON.parse(readFileSync(reportPath, 'utf8'));
const s = run.stats;
const problems = [];
if (!s.assertions.total) problems.push('no assertions were executed');
for (const key of ['iterations', 'requests', 'testScripts', 'prerequestScripts', 'assertions']) {
  if (s[key]?.failed) problems.push(`${key}.failed = ${s[key].failed}`);
}
if (run.failures.length) problems.push(`${run.failures.length} entries in run.failures`);
for (const f of run.failures.slice(0, 20)) {
  console.error(`  - ${f.source?.name ?? '?'}: ${f.error?.test ?? f.error?.name ?? ''} ${f.error?.message ?? ''}`);
}
if (problems.length) {
  console.error(`CTK FAILED: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(`CTK OK: ${s.requests.total} requests, ${s.assertions.total} assertions, 0 failed`);
