import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childCpuSeconds, closingLine, playwrightCounts, selectSteps, stepOutcome, summarise, vitestCounts, type StepOutcome } from '../../scripts/lib/test-summary.ts';

const steps = [{ name: 'build' }, { name: 'vitest' }, { name: 'playwright' }];

describe('npm test counts what happened', () => {
  it('refuses an unknown step name instead of running nothing', () => {
    expect(() => selectSteps(steps, ['vitset'])).toThrow(/Unbekannter Testschritt: „vitset“/);
    expect(selectSteps(steps, []).map((s) => s.name)).toEqual(['build', 'vitest', 'playwright']);
    expect(selectSteps(steps, ['playwright', 'build']).map((s) => s.name)).toEqual(['build', 'playwright']);
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

describe('the CPU time of a step', () => {
  it('reads cutime and cstime of a /proc stat line, whatever the command name holds', () => {
    const fields = ['S', '1', '2', '3', '0', '-1', '4194560', '10', '20', '0', '0', '7', '3', '1234', '566', '20', '0', '1', '0', '42'];
    expect(childCpuSeconds(`4711 (node) ${fields.join(' ')}`)).toBe(18);
    expect(childCpuSeconds(`4711 (a (b) c) ${fields.join(' ')}`)).toBe(18);
    expect(childCpuSeconds('4711 (node) S 1 2')).toBeNull();
  });

  it('grows by the CPU a finished child used (Linux)', () => {
    const now = () => childCpuSeconds(readFileSync('/proc/self/stat', 'utf8')) ?? Number.NaN;
    const before = now();
    spawnSync(process.execPath, ['-e', 'while (process.cpuUsage().user < 400_000);']);
    expect(now() - before).toBeGreaterThanOrEqual(0.3);
  });
});
