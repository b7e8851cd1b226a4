/**
 * The one table `npm run bench` prints: every figure with its budget or target and a verdict.
 * A section adds rows; `formatTable` lays them out, `toJson` writes the same rows plus the raw
 * measurements to bench-results/bench.json.
 */

/** PASS/MISS against a budget or target; INFO for a figure without one. */
export type Verdict = 'PASS' | 'MISS' | 'INFO';

export interface Row {
  /** Section heading, e. g. "Page weight". */
  readonly section: string;
  /** What was measured: a page path, a build size, the server … */
  readonly subject: string;
  readonly figure: string;
  /** The measured value, formatted. */
  readonly value: string;
  /** The budget or target, formatted; "" when there is none. */
  readonly target: string;
  readonly verdict: Verdict;
  /** The measured value as a number (bytes, ms, score …) for the JSON file. */
  readonly number?: number;
}

export const verdict = (pass: boolean): Verdict => (pass ? 'PASS' : 'MISS');

/** Bytes in binary units (1 KB = 1024 B, as the budgets), e. g. "13.9 KB", "15 KB", "1.32 GB". */
export function bytes(n: number): string {
  const unit = (value: number, digits: number, name: string): string => `${value.toFixed(digits).replace(/\.0+$/, '')} ${name}`;
  if (n < 1024) return `${Math.round(n)} B`;
  if (n < 1024 ** 2) return unit(n / 1024, 1, 'KB');
  if (n < 1024 ** 3) return unit(n / 1024 ** 2, 1, 'MB');
  return unit(n / 1024 ** 3, 2, 'GB');
}

export const rawGzip = (raw: number, gzip: number): string => `${bytes(raw)} / ${bytes(gzip)}`;

export function ms(n: number): string {
  const sign = n < 0 ? '−' : '';
  const a = Math.abs(n);
  if (a >= 10_000) return `${sign}${(a / 1000).toFixed(1)} s`;
  if (a >= 1000) return `${sign}${(a / 1000).toFixed(2)} s`;
  return a >= 10 ? `${sign}${Math.round(a)} ms` : `${sign}${a.toFixed(1)} ms`;
}

export const count = (n: number): string => Math.round(n).toLocaleString('en-US');

const HEADER = ['Subject', 'Figure', 'Measured', 'Budget / target', 'Result'] as const;

/** Pads to a display width (counts code points, so „ä“ and „–“ take one column). */
const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - [...text].length));

/** One table: a header, then per section a heading line and its rows. */
export function formatTable(rows: readonly Row[]): string {
  const cells = (r: Row): string[] => [r.subject, r.figure, r.value, r.target, r.verdict];
  const widths = HEADER.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(cells(r)[i] ?? '')].length)));
  const line = (values: readonly string[]): string => `│ ${values.map((v, i) => pad(v, widths[i] ?? 0)).join(' │ ')} │`;
  const rule = (left: string, mid: string, right: string): string => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
  const inner = widths.reduce((sum, w) => sum + w + 3, -1);
  const out = [rule('┌', '┬', '┐'), line(HEADER)];
  let section = '';
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      out.push(rule('├', '┴', '┤'), `│${pad(` ${section}`, inner)}│`, rule('├', '┬', '┤'));
    }
    out.push(line(cells(row)));
  }
  out.push(rule('└', '┴', '┘'));
  const misses = rows.filter((r) => r.verdict === 'MISS').length;
  const passes = rows.filter((r) => r.verdict === 'PASS').length;
  out.push(`${passes} PASS, ${misses} MISS, ${rows.length - passes - misses} INFO`);
  return out.join('\n');
}
