/**
 * How `npm test` counts (scripts/test.ts): which steps to run, and the closing line
 * "N passed, N failed, N skipped" from the steps' exit codes and the runners' JSON reports.
 *
 * - A step name that does not exist is an error, not an empty run.
 * - A step that never ran (a required step before it failed) is listed as not run, not passed.
 * - A failed step counts as at least one failure, even when its report lists no failed test
 *   (a crash before the first test, a syntax error, a failing global set-up).
 * - A step without a test report counts as one test: passed or failed by its exit code.
 * - A report that cannot be read (the runner was killed while writing it) is left out, and the
 *   step counts as failed, as one test: the run still ends with its closing line.
 */

/** Counts of one runner's report. */
export interface ReportCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export type StepOutcome =
  | { readonly status: 'passed' | 'failed'; readonly report?: ReportCounts; /** Why the report could not be read. */ readonly reportError?: string }
  | { readonly status: 'not-run' };

export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly failedSteps: readonly string[];
  readonly notRun: readonly string[];
}

/** The steps to run for the names given on the command line (none: all); throws on an unknown name. */
export function selectSteps<S extends { readonly name: string }>(steps: readonly S[], requested: readonly string[]): S[] {
  const names = steps.map((s) => s.name);
  const unknown = requested.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new Error(`Unbekannter Testschritt: ${unknown.map((n) => `„${n}“`).join(', ')}. Vorhanden: ${names.join(', ')}.`);
  }
  return requested.length === 0 ? [...steps] : steps.filter((s) => requested.includes(s.name));
}

/**
 * The selected steps in the groups they run in: a step with `alongside` joins the group of the step
 * of that name when that group is the one just before it, and otherwise runs on its own.
 */
export function groupSteps<S extends { readonly name: string; readonly alongside?: string }>(steps: readonly S[]): S[][] {
  const groups: S[][] = [];
  for (const step of steps) {
    const last = groups.at(-1);
    if (step.alongside !== undefined && last?.some((s) => s.name === step.alongside)) last.push(step);
    else groups.push([step]);
  }
  return groups;
}

/**
 * The outcome of a step that ran, from its exit code and its report (read by `readReport`, which
 * returns undefined when there is none). A report that throws on reading fails the step.
 */
export function stepOutcome(exitedOk: boolean, readReport?: () => ReportCounts | undefined): StepOutcome {
  const status = exitedOk ? 'passed' : 'failed';
  let report: ReportCounts | undefined;
  try {
    report = readReport?.();
  } catch (error) {
    return { status: 'failed', reportError: error instanceof Error ? error.message : String(error) };
  }
  return report === undefined ? { status } : { status, report };
}

export function summarise(outcomes: ReadonlyMap<string, StepOutcome>): Summary {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failedSteps: string[] = [];
  const notRun: string[] = [];
  for (const [name, outcome] of outcomes) {
    if (outcome.status === 'not-run') {
      notRun.push(name);
      continue;
    }
    const report = outcome.report;
    if (outcome.status === 'failed') failedSteps.push(name);
    if (report === undefined) {
      if (outcome.status === 'passed') passed += 1;
      else failed += 1;
      continue;
    }
    passed += report.passed;
    skipped += report.skipped;
    failed += outcome.status === 'failed' ? Math.max(1, report.failed) : report.failed;
  }
  return { passed, failed, skipped, failedSteps, notRun };
}

/** The closing line, e.g. "305 passed, 0 failed, 2 skipped". */
export function closingLine(summary: Summary): string {
  return `${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`;
}

/** Counts of a vitest JSON report (`--reporter=json`). */
export function vitestCounts(report: { numPassedTests: number; numFailedTests: number; numPendingTests?: number; numTodoTests?: number }): ReportCounts {
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) };
}

/** Counts of a Playwright JSON report; a flaky test (passed only on retry) counts as failed. */
export function playwrightCounts(report: { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }): ReportCounts {
  return { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky, skipped: report.stats.skipped };
}

/** The machine's CPU time (all cores, in clock ticks) from the first line of /proc/stat: busy and in all. */
export interface CpuTicks {
  readonly busy: number;
  readonly total: number;
}

/**
 * Reads the "cpu" line of /proc/stat: user, nice, system, idle, iowait, irq, softirq, steal; idle and
 * iowait count as not busy. Null for anything else.
 */
export function cpuTicks(procStat: string): CpuTicks | null {
  const [label, ...values] = (procStat.split('\n')[0] ?? '').trim().split(/\s+/);
  const ticks = values.slice(0, 8).map(Number);
  if (label !== 'cpu' || ticks.length < 8 || ticks.some((t) => !Number.isFinite(t))) return null;
  const total = ticks.reduce((sum, t) => sum + t, 0);
  return { busy: total - (ticks[3] ?? 0) - (ticks[4] ?? 0), total };
}

/**
 * How busy the machine's cores were between two readings, in percent of all of them: what a step of
 * `npm test` left unused (a step at 100 % cannot go faster by running more at once).
 */
export function busyPercent(before: CpuTicks, after: CpuTicks): number {
  const total = after.total - before.total;
  return total > 0 ? (100 * (after.busy - before.busy)) / total : 0;
}
