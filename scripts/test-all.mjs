/**
 * `npm test`: every check AdTally has, in order, each counted: type-check, lint, build, web-ext lint of the
 * Firefox build, the Vitest unit tests (in Node, then the layout-reading ones in real Chromium), and the
 * Playwright e2e tests in real Chromium and Firefox.
 * Ends with one line "N passed, N failed" summing them all; exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
mkdirSync('test-results', { recursive: true });

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${name}: exit ${status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return status === 0;
}

/** A check that is one pass or one fail. */
function check(name, command, args) {
  const ok = run(name, command, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

/** A test suite whose JSON report gives its counts; a crash with no report counts as one failure. */
function suite(name, command, args, report, count, env) {
  rmSync(report, { force: true });
  const ok = run(name, command, args, env);
  if (!existsSync(report)) {
    results.push({ name, passed: 0, failed: 1 });
    return;
  }
  const { passed, failed, flaky = 0 } = count(JSON.parse(readFileSync(report, 'utf8')));
  // A runner that exits non-zero with nothing failed (a crash after the report) still fails the run.
  results.push({ name, passed, failed: failed || (ok ? 0 : 1), flaky });
}

check('typecheck', 'npx', ['tsc', '--noEmit']);
check('lint', 'npx', ['eslint', '.']);
const built = check('build', 'node', ['scripts/build.mjs']);
if (built) check('web-ext lint (Firefox)', 'npx', ['web-ext', 'lint', '-s', 'dist/firefox']);
/** Counts from a Vitest JSON report; a file that failed to load counts as one failure. */
const vitestCounts = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) });
suite('unit (Vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'],
  'test-results/unit.json', vitestCounts);
suite('unit in Chromium (Vitest browser tier)', 'npx',
  ['vitest', 'run', '--config', 'vitest.browser.config.ts', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit-browser.json'],
  'test-results/unit-browser.json', vitestCounts);
if (built) {
  suite('e2e (Playwright: Chromium, Firefox)', 'npx', ['playwright', 'test', '--reporter=list,json'], 'test-results/e2e.json',
    (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, flaky: r.stats.flaky }),
    { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json' });
}

console.log('\nSummary');
for (const r of results) {
  const flaky = r.flaky ? ` (${r.flaky} passed only on retry: flaky, see the list above)` : '';
  console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed${flaky}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
