/**
 * `npm test`: every check, in the order a change can break them. Type check and lint, build the site
 * from the real content (dist/) and from the fixture content (dist-fixtures/, tests/fixtures/), unit
 * and server tests, HTML validation of both builds (html-validate; the W3C Nu checker on dist/), the
 * browser tests (content-independent checks on dist/, behaviour on dist-fixtures/), and the walk
 * through the editors' guide on a copy of the project. `npm test -- vitest playwright` runs only the
 * named steps.
 * Closes with "N passed, N failed, N skipped" (counting rules: scripts/lib/test-summary.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { COMPILE_CACHE, compileCacheDir } from './lib/compile-cache.ts';
import { busyPercent, closingLine, cpuTicks, playwrightCounts, selectSteps, stepOutcome, summarise, vitestCounts, type ReportCounts, type StepOutcome } from './lib/test-summary.ts';

interface Step {
  readonly name: string;
  readonly command: readonly string[];
  /** Later steps need this one (the build): when it fails, they do not run. */
  readonly required?: boolean;
  /** The runner's JSON report, read after the step. */
  readonly report?: () => ReportCounts | undefined;
  /** Settings for this step only, e.g. the fixture site's. */
  readonly env?: Readonly<Record<string, string>>;
}

function readJson<T>(path: string): T | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

/** A vitest run (`vitestArgs` after `vitest run`) whose JSON report goes to `reportPath` and is read from there. */
function vitestStep(name: string, vitestArgs: readonly string[], reportPath: string): Step {
  return {
    name,
    command: ['npx', 'vitest', 'run', ...vitestArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${reportPath}`],
    report: () => {
      const report = readJson<Parameters<typeof vitestCounts>[0]>(reportPath);
      return report && vitestCounts(report);
    },
  };
}

const steps: Step[] = [
  // Type check, lint and both builds run their npm scripts, exactly as a developer or an operator
  // does (package.json has their one definition).
  { name: 'astro check', command: ['npm', 'run', 'check'] },
  { name: 'eslint', command: ['npm', 'run', 'lint'] },
  { name: 'build', command: ['npm', 'run', 'build'], required: true },
  { name: 'build fixtures', command: ['npm', 'run', 'build'], env: parseEnv(readFileSync('tests/fixtures/fixture.env', 'utf8')) as Record<string, string>, required: true },
  vitestStep('vitest', [], 'test-results/unit.json'),
  { name: 'html-validate', command: ['npx', 'html-validate', 'dist', 'dist-fixtures'] },
  { name: 'vnu', command: ['node', 'scripts/vnu.ts'] },
  {
    name: 'playwright',
    command: ['npx', 'playwright', 'test'],
    // Where playwright.config.ts writes its JSON report.
    report: () => {
      const report = readJson<Parameters<typeof playwrightCounts>[0]>('test-results/e2e.json');
      return report && playwrightCounts(report);
    },
  },
  vitestStep('editors walk', ['--config', 'tests/walk/vitest.config.ts'], 'test-results/walk.json'),
];

/** The machine's CPU time so far (Linux), to print how busy its cores were during each step. */
const cpuNow = () => {
  try {
    return cpuTicks(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return null;
  }
};

let selected: Step[];
try {
  selected = selectSteps(steps, process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

// No colour codes in CI logs (CI=true); elsewhere the runners decide. NO_COLOR alone: together
// with FORCE_COLOR, Node warns that one of them is ignored.
const { FORCE_COLOR: _forceColour, ...withoutForceColour } = process.env;
// Every step's Node processes share one compile cache (scripts/lib/compile-cache.ts).
const cache = { [COMPILE_CACHE]: compileCacheDir(process.cwd()) };
const stepEnv = process.env['CI'] ? { ...withoutForceColour, ...cache, NO_COLOR: '1' } : { ...process.env, ...cache };
const outcomes = new Map<string, StepOutcome>();
let stopped = false;
for (const step of selected) {
  if (stopped) {
    outcomes.set(step.name, { status: 'not-run' });
    continue;
  }
  const started = Date.now();
  const cpuBefore = cpuNow();
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const [cmd, ...args] = step.command as [string, ...string[]];
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...stepEnv, ...step.env } });
  const ok = result.status === 0;
  const cpuAfter = cpuNow();
  const busy = cpuBefore === null || cpuAfter === null ? '' : `, cores ${busyPercent(cpuBefore, cpuAfter).toFixed(0)} % busy`;
  console.log(`${ok ? '✔' : '✘'} ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s${busy})`);
  const outcome = stepOutcome(ok, step.report);
  if ('reportError' in outcome) console.log(`✘ ${step.name}: report unreadable, the step counts as failed (${outcome.reportError})`);
  outcomes.set(step.name, outcome);
  if (outcome.status === 'failed' && step.required) stopped = true;
}

const summary = summarise(outcomes);
if (summary.failedSteps.length > 0) console.log(`\nFailed: ${summary.failedSteps.join(', ')}`);
if (summary.notRun.length > 0) console.log(`Not run (an earlier required step failed): ${summary.notRun.join(', ')}`);
console.log(`\n${closingLine(summary)}`);
process.exit(summary.failedSteps.length > 0 || summary.notRun.length > 0 ? 1 : 0);
