/**
 * `npm test`: every check, in the order a change can break them. Type check and lint, build the site
 * from the real content (dist/) and from the fixture content (dist-fixtures/, tests/fixtures/), unit
 * and server tests, HTML validation of both builds (html-validate; the W3C Nu checker on dist/), the
 * browser tests (content-independent checks on dist/, behaviour on dist-fixtures/), and the walk
 * through the editors' guide on a copy of the project. `npm test -- vitest playwright` runs only the
 * named steps.
 * Closes with "N passed, N failed, N skipped" (counting rules: scripts/lib/test-summary.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { parseEnv } from 'node:util';
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
  /**
   * Steps next to each other with the same group run at the same time, each on one core, their
   * output printed step by step when all have ended. Only for steps that write nothing another one
   * reads (the builds and `astro check` all write .astro/, so they never share a group).
   */
  readonly group?: string;
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
  { name: 'astro check', command: ['npm', 'run', 'check'], group: 'static checks' },
  { name: 'eslint', command: ['npm', 'run', 'lint'], group: 'static checks' },
  { name: 'build', command: ['npm', 'run', 'build'], required: true },
  { name: 'build fixtures', command: ['npm', 'run', 'build'], env: parseEnv(readFileSync('tests/fixtures/fixture.env', 'utf8')) as Record<string, string>, required: true },
  vitestStep('vitest', [], 'test-results/unit.json'),
  { name: 'html-validate', command: ['npx', 'html-validate', 'dist', 'dist-fixtures'], group: 'html' },
  { name: 'vnu', command: ['node', 'scripts/vnu.ts'], group: 'html' },
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
const stepEnv = process.env['CI'] ? { ...withoutForceColour, NO_COLOR: '1' } : process.env;
const outcomes = new Map<string, StepOutcome>();

/** One step run on its own, its output straight to the terminal. */
function runAlone(step: Step): boolean {
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const [cmd, ...args] = step.command as [string, ...string[]];
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...stepEnv, ...step.env } }).status === 0;
}

/** A step run beside others: its output kept, to print when the group has ended. */
function runBeside(step: Step): Promise<{ ok: boolean; output: string; seconds: number }> {
  const started = Date.now();
  const [cmd, ...args] = step.command as [string, ...string[]];
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...stepEnv, ...step.env } });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ ok: false, output: String(error), seconds: (Date.now() - started) / 1000 }));
    child.on('close', (code) => resolve({ ok: code === 0, output: Buffer.concat(chunks).toString('utf8'), seconds: (Date.now() - started) / 1000 }));
  });
}

function record(step: Step, ok: boolean, seconds: string): void {
  console.log(`${ok ? '✔' : '✘'} ${step.name} (${seconds})`);
  const outcome = stepOutcome(ok, step.report);
  if ('reportError' in outcome) console.log(`✘ ${step.name}: report unreadable, the step counts as failed (${outcome.reportError})`);
  outcomes.set(step.name, outcome);
  if (outcome.status === 'failed' && step.required) stopped = true;
}

let stopped = false;
for (let i = 0; i < selected.length; ) {
  const first = selected[i] as Step;
  // The step and the ones right after it in its group.
  let end = i + 1;
  while (first.group !== undefined && end < selected.length && selected[end]?.group === first.group) end++;
  const batch = selected.slice(i, end);
  i = end;
  if (stopped) {
    for (const step of batch) outcomes.set(step.name, { status: 'not-run' });
    continue;
  }
  const started = Date.now();
  const cpuBefore = cpuNow();
  const cpuOf = (): string => {
    const cpuAfter = cpuNow();
    return cpuBefore === null || cpuAfter === null ? '' : `, cores ${busyPercent(cpuBefore, cpuAfter).toFixed(0)} % busy`;
  };
  if (batch.length === 1) {
    const ok = runAlone(first);
    record(first, ok, `${((Date.now() - started) / 1000).toFixed(1)} s${cpuOf()}`);
    continue;
  }
  const results = await Promise.all(batch.map(runBeside));
  const cpu = cpuOf();
  for (const [index, step] of batch.entries()) {
    const result = results[index] as Awaited<ReturnType<typeof runBeside>>;
    console.log(`\n▶ ${step.name}: ${step.command.join(' ')} (beside ${batch.filter((other) => other !== step).map((other) => other.name).join(', ')})`);
    process.stdout.write(result.output);
    record(step, result.ok, `${result.seconds.toFixed(1)} s`);
  }
  console.log(`  ${batch.map((step) => step.name).join(' + ')}: ${((Date.now() - started) / 1000).toFixed(1)} s together${cpu}`);
}

const summary = summarise(outcomes);
if (summary.failedSteps.length > 0) console.log(`\nFailed: ${summary.failedSteps.join(', ')}`);
if (summary.notRun.length > 0) console.log(`Not run (an earlier required step failed): ${summary.notRun.join(', ')}`);
console.log(`\n${closingLine(summary)}`);
process.exit(summary.failedSteps.length > 0 || summary.notRun.length > 0 ? 1 : 0);
