/**
 * Page weight of every page in dist/sitemap-0.xml, measured by scripts/lib/page-weight.ts (the same
 * code the byte budgets in tests/e2e/budgets.spec.ts assert with).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGET, jsBudget, pageWeight, type Kind, type PageWeight } from '../lib/page-weight.ts';
import { compiledServer } from '../lib/server-process.ts';
import { bytes, rawGzip, verdict, type Row } from './report.ts';
import { ROOT } from './processes.ts';

export const DIST = join(ROOT, 'dist');


/**
 * Makes sure dist/ and dist-server/ hold a build: builds with `npm run build` when one is missing or
 * `force` is set; with `never` a missing build is an error. Returns when dist/index.html was written.
 */
export function ensureDist(mode: 'auto' | 'force' | 'never'): Date {
  const index = join(DIST, 'index.html');
  const built = () => [index, compiledServer()].find((file) => !existsSync(file));
  if (mode === 'force' || (mode === 'auto' && built() !== undefined)) {
    console.error(`▶ npm run build (${mode === 'force' ? '--build' : `${built()} fehlt`}) …`);
    const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error('astro build ist fehlgeschlagen.');
  }
  const missing = built();
  if (missing !== undefined) throw new Error(`${missing} fehlt. Bauen Sie mit \`npm run build\` oder lassen Sie --no-build weg.`);
  return statSync(index).mtime;
}

const LABEL: Record<Kind, string> = { html: 'HTML', css: 'CSS', js: 'JS', font: 'Fonts', image: 'Images' };

function jsRow(section: string, weight: PageWeight): Row {
  const js = weight.kinds.js;
  const budget = jsBudget(weight.scriptKind);
  const measured = js[budget.measure];
  return {
    section,
    subject: weight.path,
    figure: budget.label,
    value: rawGzip(js.raw, js.gzip),
    target: budget.measure === 'raw' ? bytes(budget.max) : `≤ ${bytes(budget.max)} gzip`,
    verdict: verdict(measured <= budget.max),
    number: measured,
  };
}

export function weightRows(paths: readonly string[], dist: string = DIST): { rows: Row[]; pages: PageWeight[] } {
  const section = `Page weight — ${paths.length} pages of dist/sitemap-0.xml, raw / gzip`;
  const rows: Row[] = [];
  const pages: PageWeight[] = [];
  for (const path of paths) {
    const weight = pageWeight(dist, path);
    pages.push(weight);
    const info = (kind: Kind): Row => ({
      section,
      subject: path,
      figure: LABEL[kind],
      value: rawGzip(weight.kinds[kind].raw, weight.kinds[kind].gzip),
      target: '',
      verdict: 'INFO',
      number: weight.kinds[kind].gzip,
    });
    const css = weight.kinds.css;
    rows.push(
      info('html'),
      { section, subject: path, figure: 'CSS', value: rawGzip(css.raw, css.gzip), target: `≤ ${bytes(BUDGET.cssGzip)} gzip`, verdict: verdict(css.gzip <= BUDGET.cssGzip), number: css.gzip },
      jsRow(section, weight),
      info('font'),
      info('image'),
      {
        section,
        subject: path,
        figure: 'First visit (total)',
        value: rawGzip(weight.total.raw, weight.total.gzip),
        target: `≤ ${bytes(BUDGET.firstVisitGzip)} gzip`,
        verdict: verdict(weight.total.gzip <= BUDGET.firstVisitGzip),
        number: weight.total.gzip,
      },
    );
  }
  return { rows, pages };
}
