/**
 * `npm test`: every check, in the order a change can break them. Type check and lint, build the site,
 * unit and server tests, HTML validation of the build (html-validate and the W3C Nu checker), then the
 * browser tests against the built site. Prints one closing line "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  command: string[];
  /** Later steps need this one (the build). */
  required?: boolean;
}

const only = process.argv.slice(2);
const steps: Step[] = [
  { name: 'astro check', command: ['npx', 'astro', 'check', '--minimumFailingSeverity', 'hint'] },
  { name: 'eslint', command: ['npx', 'eslint', '--max-warnings', '0', '.'] },
  { name: 'build', command: ['npx', 'astro', 'build'], required: true },
  {
    name: 'vitest',
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'],
  },
  { name: 'html-validate', command: ['npx', 'html-validate', 'dist'] },
  { name: 'vnu', command: ['node', 'scripts/vnu.ts'] },
  { name: 'playwright', command: ['npx', 'playwright', 'test'] },
];

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const failedSteps: string[] = [];
let passed = 0;
let failed = 0;

for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name)) continue;
  const started = Date.now();
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const [cmd, ...args] = step.command as [string, ...string[]];
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) {
    failedSteps.push(step.name);
    if (step.required) break;
  }
}

// Count individual tests from the runners' JSON reports; a check without a report counts as one test.
const counted = new Set<string>();
if (existsSync('test-results/unit.json')) {
  const unit = JSON.parse(readFileSync('test-results/unit.json', 'utf8')) as { numPassedTests: number; numFailedTests: number };
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  counted.add('vitest');
}
if (existsSync('test-results/e2e.json')) {
  const e2e = JSON.parse(readFileSync('test-results/e2e.json', 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
  counted.add('playwright');
}
for (const step of steps) {
  if (counted.has(step.name) || (only.length > 0 && !only.includes(step.name))) continue;
  if (failedSteps.includes(step.name)) failed++;
  else passed++;
}

if (failedSteps.length > 0) console.log(`\nFailed: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 ? 1 : 0);
