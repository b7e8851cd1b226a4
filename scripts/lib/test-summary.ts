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

/**
 * The CPU seconds (user and system) of the finished children of a process, from its
 * /proc/<pid>/stat line (fields 16 and 17, cutime and cstime, in clock ticks of 1/100 s): what a step
 * of `npm test` cost the machine, beside its wall time. A child counts once it was waited for, with
 * the children it waited for; a daemon that detached itself (the tests' PostgreSQL server) does not.
 */
export function childCpuSeconds(statLine: string): number | null {
  const fields = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 of the line (the state).
  const cutime = Number(fields[13]);
  const cstime = Number(fields[14]);
  return Number.isFinite(cutime) && Number.isFinite(cstime) && fields.length > 15 ? (cutime + cstime) / 100 : null;
}
