import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { busyPercent, closingLine, cpuTicks, groupSteps, playwrightCounts, selectSteps, stepOutcome, summarise, vitestCounts, type StepOutcome } from '../../scripts/lib/test-summary.ts';

const steps = [{ name: 'build' }, { name: 'vitest' }, { name: 'playwright' }];

describe('npm test counts what happened', () => {
  it('refuses an unknown step name instead of running nothing', () => {
    expect(() => selectSteps(steps, ['vitset'])).toThrow(/Unbekannter Testschritt: „vitset“/);
    expect(selectSteps(steps, []).map((s) => s.name)).toEqual(['build', 'vitest', 'playwright']);
    expect(selectSteps(steps, ['playwright', 'build']).map((s) => s.name)).toEqual(['build', 'playwright']);
  });

  it('runs a step alongside the one it names when that runs just before it, and alone otherwise', () => {
    const named = [{ name: 'check' }, { name: 'lint', alongside: 'check' }, { name: 'build' }, { name: 'html', alongside: 'build' }, { name: 'vnu', alongside: 'build' }];
    expect(groupSteps(named).map((group) => group.map((s) => s.name))).toEqual([['check', 'lint'], ['build', 'html', 'vnu']]);
    // npm test -- lint build: lint without check runs alone.
    expect(groupSteps(selectSteps(named, ['lint', 'build'])).map((group) => group.map((s) => s.name))).toEqual([['lint'], ['build']]);
    expect(groupSteps([{ name: 'lint', alongside: 'check' }, { name: 'check' }]).map((group) => group.map((s) => s.name))).toEqual([['lint'], ['check']]);
  });

  it('lists steps that never ran as not run, not as passed', () => {
    const outcomes = new Map<string, StepOutcome>([
      ['build', { status: 'failed' }],
      ['vitest', { status: 'not-run' }],
      ['playwright', { status: 'not-run' }],
    ]);
    const summary = summarise(outcomes);
    expect(summary).toMatchObject({ passed: 0, failed: 1, skipped: 0, notRun: ['vitest', 'playwright'], failedSteps: ['build'] });
  });

  it('counts a failed step as at least one failure when its report shows none', () => {
    const outcomes = new Map<string, StepOutcome>([['vitest', { status: 'failed', report: { passed: 12, failed: 0, skipped: 0 } }]]);
    expect(closingLine(summarise(outcomes))).toBe('12 passed, 1 failed, 0 skipped');
  });

  it('adds up passed, failed and skipped tests of the reports and one per step without a report', () => {
    const outcomes = new Map<string, StepOutcome>([
      ['eslint', { status: 'passed' }],
      ['vitest', { status: 'passed', report: vitestCounts({ numPassedTests: 40, numFailedTests: 0, numPendingTests: 2, numTodoTests: 1 }) }],
      ['playwright', { status: 'failed', report: playwrightCounts({ stats: { expected: 20, unexpected: 1, flaky: 1, skipped: 4 } }) }],
    ]);
    expect(closingLine(summarise(outcomes))).toBe('61 passed, 2 failed, 7 skipped');
  });

  it('takes a step\'s status from its exit code and its counts from its report', () => {
    expect(stepOutcome(true)).toEqual({ status: 'passed' });
    expect(stepOutcome(false, () => undefined)).toEqual({ status: 'failed' });
    expect(stepOutcome(true, () => ({ passed: 3, failed: 0, skipped: 1 }))).toEqual({ status: 'passed', report: { passed: 3, failed: 0, skipped: 1 } });
  });

  it('counts a step whose report cannot be read as failed instead of crashing', () => {
    const unreadable = () => JSON.parse('{"numPassedTests": 4') as never;
    for (const exitedOk of [false, true]) {
      const outcome = stepOutcome(exitedOk, unreadable);
      expect(outcome).toMatchObject({ status: 'failed', reportError: expect.stringContaining('JSON') });
      expect(outcome).not.toHaveProperty('report');
      const summary = summarise(new Map<string, StepOutcome>([['eslint', { status: 'passed' }], ['vitest', outcome]]));
      expect(summary).toMatchObject({ failedSteps: ['vitest'] });
      expect(closingLine(summary)).toBe('1 passed, 1 failed, 0 skipped');
    }
  });

  it('the real runner exits 2 on a misspelt step name without running anything', () => {
    const root = resolve(import.meta.dirname, '../..');
    const result = spawnSync(process.execPath, ['scripts/test.ts', 'playwrigth'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unbekannter Testschritt: „playwrigth“');
    expect(result.stdout).not.toContain('passed');
  });
});

describe('how busy the cores were during a step', () => {
  it('reads the cpu line of /proc/stat: idle and iowait are not busy', () => {
    const stat = (user: number, idle: number) => `cpu  ${user} 0 100 ${idle} 50 0 10 0 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n`;
    expect(cpuTicks(stat(1000, 3000))).toEqual({ busy: 1110, total: 4160 });
    expect(busyPercent({ busy: 1110, total: 4160 }, cpuTicks(stat(1500, 3000)) ?? { busy: 0, total: 0 })).toBe(100);
    expect(busyPercent({ busy: 1110, total: 4160 }, cpuTicks(stat(1500, 3500)) ?? { busy: 0, total: 0 })).toBe(50);
    expect(cpuTicks('intr 1 2 3')).toBeNull();
  });

  it('counts the CPU a child used (Linux)', () => {
    const now = () => cpuTicks(readFileSync('/proc/stat', 'utf8')) ?? { busy: Number.NaN, total: Number.NaN };
    const before = now();
    spawnSync(process.execPath, ['-e', 'while (process.cpuUsage().user < 400_000);']);
    // Clock ticks of 1/100 s: the child's 0.4 s, whatever else the machine did.
    expect(now().busy - before.busy).toBeGreaterThanOrEqual(30);
  });
});
