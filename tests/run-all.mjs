// Runs every check and test Headroom has, then prints one closing line: "N passed, N failed".
// Steps: type check (app, pure layers, service worker, tests), lint, production build, and all Vitest
// projects (node, browser, e2e). Each non-Vitest step counts as one check; Vitest's counts come from its
// JSON reporter.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  ['type check: app', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['type check: pure layers (no DOM)', bin('tsc'), ['-p', 'tsconfig.pure.json', '--noEmit']],
  ['type check: service worker', bin('tsc'), ['-p', 'tsconfig.sw.json', '--noEmit']],
  ['type check: tests and config', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']],
  ['lint and format (Biome)', bin('biome'), ['ci', '.']],
  ['production build', bin('vite'), ['build', '--logLevel', 'warn']],
];

let passed = 0;
let failed = 0;
const failures = [];
for (const [label, cmd, args] of steps) {
  process.stdout.write(`\n▶ ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status === 0) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

const out = '.vitest-results/results.json';
rmSync(out, { force: true });
mkdirSync('.vitest-results', { recursive: true });
process.stdout.write('\n▶ tests: node, browser (Chromium) and end-to-end\n');
const vitest = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
  {
    stdio: 'inherit',
  },
);
if (existsSync(out)) {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that failed to load has no tests to count: count it as a failure so it cannot pass silently.
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
      failed++;
      failures.push(`test file failed to run: ${file.name}`);
    }
  }
  if (report.numFailedTests > 0) failures.push(`${report.numFailedTests} test(s)`);
} else {
  failed++;
  failures.push(`vitest produced no report (exit ${vitest.status})`);
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
