/**
 * A bench that cannot rot: `npm run bench -- --tiny` runs every section (page weight, Lighthouse,
 * start-up, build scale with one generated offer, load and export on both stores) at a tiny size on
 * the build of the real content (the build step of `npm test` made it). Correctness only: every
 * section returns its rows and none fails; no timing or verdict is asserted (the bench's figures mean
 * something only at full size on a quiet machine).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../scripts/lib/temp-dir.ts';

const SECTIONS = ['weight', 'lighthouse', 'startup', 'scale', 'load', 'export'];

interface BenchJson {
  readonly options: { readonly sections: string[]; readonly tiny: boolean };
  readonly rows: { readonly section: string; readonly subject: string; readonly figure: string; readonly value: string }[];
  readonly failures: string[];
}

describe('npm run bench -- --tiny', () => {
  const out = tempDir('kv-bench-tiny-');
  afterAll(() => out.remove());

  it('runs every section to the end, each with its rows', { timeout: 600_000 }, () => {
    const run = spawnSync('node', ['scripts/bench/run.ts', '--tiny', '--no-build', `--out=${out.path}`], { encoding: 'utf8', timeout: 580_000 });
    const bench = JSON.parse(readFileSync(join(out.path, 'bench.json'), 'utf8')) as BenchJson;
    expect(bench.failures, run.stderr.slice(-3000)).toEqual([]);
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
    expect(bench.options).toMatchObject({ sections: SECTIONS, tiny: true });
    // Each section's rows, recognised by their section titles.
    const titles = { weight: /^Page weight/, lighthouse: /^Lighthouse/, startup: /^Start-up/, scale: /^Build scale/, load: /^Form backend under load|^Bare Fastify/, export: /^Export of 200 rows/ };
    for (const [section, title] of Object.entries(titles)) {
      expect(bench.rows.filter((row) => title.test(row.section)).length, `rows of ${section}`).toBeGreaterThan(0);
    }
    expect(bench.rows.filter((row) => row.figure === 'section failed')).toEqual([]);
    expect(bench.rows.filter((row) => row.value.trim() === '').map((row) => `${row.section}: ${row.figure}`)).toEqual([]);
    // The generated offer passes the build's rules, and the build of the copy warns about nothing.
    expect(bench.rows.find((row) => /^Build scale/.test(row.section) && row.figure === 'Warnings in the build log')?.value).toBe('0');
    // Both stores' exports, CSV and XLSX.
    expect(bench.rows.filter((row) => /^Export of 200 rows/.test(row.section) && row.figure === 'Rows per second').map((row) => `${row.section.includes('SQLite') ? 'sqlite' : 'postgres'} ${row.subject}`)).toEqual([
      'sqlite CSV',
      'sqlite XLSX',
      'postgres CSV',
      'postgres XLSX',
    ]);
  });
});
