/**
 * `npm test`: every check, in the order a change can break them. Type check and lint (side by
 * side), build the site from the real content (dist/) and from the fixture content (dist-fixtures/,
 * tests/fixtures/), unit and server tests, HTML validation of both builds (html-validate, and
 * beside it the W3C Nu checker on dist/), the browser tests (content-independent checks on dist/,
 * behaviour on dist-fixtures/), and the walk through the editors' guide on a copy of the project.
 * `npm test -- vitest playwright` runs only the named steps. Closes with "N passed, N failed, N
 * skipped" (counting rules: scripts/lib/test-summary.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { COMPILE_CACHE, compileCacheDir } from './lib/compile-cache.ts';
import { busyPercent, closingLine, cpuTicks, groupSteps, playwrightCounts, selectSteps, stepOutcome, summarise, vitestCounts, type ReportCounts, type StepOutcome } from './lib/test-summary.ts';

interface Step {
  readonly name: string;
  readonly command: readonly string[];
  /** Later steps need this one (the build): when it fails, they do not run. */
  readonly required?: boolean;
  /** The runner's JSON report, read after the step. */
  readonly report?: () => ReportCounts | undefined;
  /** Settings for this step only, e.g. the fixture site's. */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * The step this one runs at the same time as, when that runs just before it: both only read the
   * project and neither keeps the two cores busy on its own.
   */
  readonly alongside?: string;
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
  { name: 'eslint', command: ['npm', 'run', 'lint'], alongside: 'astro check' },
  { name: 'build', command: ['npm', 'run', 'build'], required: true },
  { name: 'build fixtures', command: ['npm', 'run', 'build'], env: parseEnv(readFileSync('tests/fixtures/fixture.env', 'utf8')) as Record<string, string>, required: true },
  vitestStep('vitest', [], 'test-results/unit.json'),
  { name: 'html-validate', command: ['npx', 'html-validate', 'dist', 'dist-fixtures'] },
  { name: 'vnu', command: ['node', 'scripts/vnu.ts'], alongside: 'html-validate' },
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
/**
 * Runs a step's command. The first step of a group writes to the terminal as it runs; the others
 * (alongside it) keep their output and print it when they end, so that no two outputs mix.
 */
function run(step: Step, live: boolean): Promise<{ ok: boolean; seconds: number; output: string }> {
  const started = Date.now();
  const [cmd, ...args] = step.command as [string, ...string[]];
  const child = spawn(cmd, args, { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...stepEnv, ...step.env } });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    // A command that cannot start emits 'error' (its message goes into the output) before 'close'.
    const end = (ok: boolean) => resolve({ ok, seconds: (Date.now() - started) / 1000, output });
    child.on('error', (error) => {
      output += `${error.message}\n`;
      end(false);
    });
    child.on('close', (code) => end(code === 0));
  });
}

const outcomes = new Map<string, StepOutcome>();
let stopped = false;
for (const group of groupSteps(selected)) {
  if (stopped) {
    for (const step of group) outcomes.set(step.name, { status: 'not-run' });
    continue;
  }
  const cpuBefore = cpuNow();
  for (const [index, step] of group.entries()) console.log(`\n▶ ${step.name}${index > 0 ? ` (alongside ${group[0]?.name}, its output when it ends)` : ''}: ${step.command.join(' ')}`);
  const results = await Promise.all(group.map((step, index) => run(step, index === 0)));
  const cpuAfter = cpuNow();
  const busy = cpuBefore === null || cpuAfter === null ? '' : `, cores ${busyPercent(cpuBefore, cpuAfter).toFixed(0)} % busy${group.length > 1 ? ` for ${group.map((s) => s.name).join(' and ')}` : ''}`;
  for (const [index, step] of group.entries()) {
    const { ok, seconds, output } = results[index]!;
    if (output !== '') process.stdout.write(`\n${step.name}:\n${output}`);
    console.log(`${ok ? '✔' : '✘'} ${step.name} (${seconds.toFixed(1)} s${busy})`);
    const outcome = stepOutcome(ok, step.report);
    if ('reportError' in outcome) console.log(`✘ ${step.name}: report unreadable, the step counts as failed (${outcome.reportError})`);
    outcomes.set(step.name, outcome);
    if (outcome.status === 'failed' && step.required) stopped = true;
  }
}

const summary = summarise(outcomes);
if (summary.failedSteps.length > 0) console.log(`\nFailed: ${summary.failedSteps.join(', ')}`);
if (summary.notRun.length > 0) console.log(`Not run (an earlier required step failed): ${summary.notRun.join(', ')}`);
console.log(`\n${closingLine(summary)}`);
process.exit(summary.failedSteps.length > 0 || summary.notRun.length > 0 ? 1 : 0);
