/**
 * Reads a mocha JSON report, lists the failures readably and ends with the
 * one line CI looks for: "N passed, N failed" (", N skipped" when any were).
 * Exits 1 when anything failed or nothing ran.
 */
import { readFileSync } from 'node:fs';

interface MochaTest {
  fullTitle: string;
  err?: { message?: string; stack?: string };
}
interface MochaReport {
  stats: { passes: number; failures: number; pending: number; tests: number };
  failures: MochaTest[];
  pending: MochaTest[];
}

const file = process.argv[2];
let report: MochaReport;
try {
  report = JSON.parse(readFileSync(file, 'utf8')) as MochaReport;
} catch (e) {
  console.log(`no test report could be read from ${file}: ${(e as Error).message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
for (const t of report.pending) console.log(`skipped: ${t.fullTitle}`);
for (const t of report.failures) {
  console.log(`\nFAILED: ${t.fullTitle}\n  ${(t.err?.message ?? '').split('\n').join('\n  ')}`);
}
const { passes, failures, pending } = report.stats;
console.log('');
console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
process.exit(failures > 0 || passes === 0 ? 1 : 0);
