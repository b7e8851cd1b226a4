/**
 * Page weight of every page in dist/sitemap-0.xml, measured by scripts/lib/page-weight.ts (the same
 * code the byte budgets in tests/e2e/budgets.spec.ts assert with).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGET, pageWeight, scriptKind, type Kind, type PageWeight } from '../lib/page-weight.ts';
import { bytes, rawGzip, verdict, type Row } from './report.ts';
import { ROOT } from './processes.ts';

export const DIST = join(ROOT, 'dist');


/**
 * Makes sure dist/ holds a build: builds with `npm run build` when it is missing or `force` is set;
 * with `never` a missing build is an error. Returns when dist/index.html was written.
 */
export function ensureDist(mode: 'auto' | 'force' | 'never'): Date {
  const index = join(DIST, 'index.html');
  if (mode === 'force' || (mode === 'auto' && !existsSync(index))) {
    console.error(`▶ npm run build (${mode === 'force' ? '--build' : 'dist/ fehlt'}) …`);
    const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error('astro build ist fehlgeschlagen.');
  }
  if (!existsSync(index)) throw new Error('dist/index.html fehlt. Bauen Sie mit `npm run build` oder lassen Sie --no-build weg.');
  return statSync(index).mtime;
}

const LABEL: Record<Kind, string> = { html: 'HTML', css: 'CSS', js: 'JS', font: 'Fonts', image: 'Images' };

function jsRow(section: string, weight: PageWeight, dist: string): Row {
  const js = weight.kinds.js;
  const base = { section, subject: weight.path, value: rawGzip(js.raw, js.gzip), number: js.gzip };
  const kind = scriptKind(dist, weight.path);
  if (kind === 'form-island') {
    return { ...base, figure: 'JS (form island)', target: `≤ ${bytes(BUDGET.formJsGzip)} gzip`, verdict: verdict(js.gzip <= BUDGET.formJsGzip) };
  }
  if (kind === 'copy-button') {
    return {
      ...base,
      figure: 'JS (inline copy button)',
      target: `0 B; copy button ≤ ${bytes(BUDGET.copyButtonJsGzip)} gzip`,
      verdict: verdict(js.gzip <= BUDGET.copyButtonJsGzip),
    };
  }
  return { ...base, figure: 'JS', target: '0 B', verdict: verdict(js.raw === 0), number: js.raw };
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
      jsRow(section, weight, dist),
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
