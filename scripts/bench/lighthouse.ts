/**
 * Lighthouse (mobile defaults: emulated phone, simulated slow 4G and 4× CPU slowdown) on Debian's
 * chromium against the site served by the real server: per page the median of several runs and one
 * repeat visit with a warm cache. The rows: lighthouse-report.ts.
 */
import { readFileSync } from 'node:fs';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { lighthouseRows, lighthouseSection, repeatVisitRow, score100, type LighthousePage, type Lhr } from './lighthouse-report.ts';
import type { Row } from './report.ts';
import { builtSitemapPaths } from '../lib/sitemap.ts';
import { CHROMIUM_FLAGS, CHROMIUM_LAUNCHER, DEBIAN_CHROMIUM } from '../lib/chromium.ts';
import { htmlFileFor, scriptKind } from '../lib/page-weight.ts';

const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

/**
 * The pages to measure: with `all`, every page of dist/sitemap-0.xml; otherwise the start page, the
 * first offer on /angebote/, the offer's interest form (the first page it links to with a form
 * island) and the newest news item (first link on /aktuelles/, when there is one). Read from the
 * build, so no code names an offer.
 */
export function lighthousePages(dist: string, all = false): LighthousePage[] {
  const linkOn = (page: string, pattern: RegExp): string | undefined => pattern.exec(readFileSync(htmlFileFor(dist, page), 'utf8'))?.[1];
  const firstLink = (page: string, pattern: RegExp, what: string): string => {
    const found = linkOn(page, pattern);
    if (found === undefined) throw new Error(`dist${page}index.html verlinkt ${what}.`);
    return found;
  };
  const sitemap = builtSitemapPaths(dist);
  const offer = firstLink('/angebote/', /href="(\/angebote\/[^"/]+\/)"/, 'kein Angebot');
  // The offer's interest form: the first page the offer links to that has a form island.
  const linked = [...readFileSync(htmlFileFor(dist, offer), 'utf8').matchAll(/href="(\/[^"#]*\/)"/g)].map((m) => m[1] ?? '');
  const form = [...linked, ...sitemap].find((path) => sitemap.includes(path) && scriptKind(dist, path) === 'form-island');
  if (form === undefined) throw new Error('Keine Seite der Sitemap hat ein Formular.');
  // No news page while every news item is a draft (or there is none): the other pages are measured.
  const news = linkOn('/aktuelles/', /href="(\/aktuelles\/(?!rss)[^"/]+\/)"/);
  const chosen: LighthousePage[] = [
    { label: 'start', path: '/' },
    { label: 'offer', path: offer },
    { label: 'form', path: form },
    ...(news === undefined ? [] : [{ label: 'news', path: news }]),
  ];
  if (!all) return chosen;
  return sitemap.map((path) => chosen.find((page) => page.path === path) ?? { label: 'page', path });
}

export interface LighthouseResult {
  readonly rows: Row[];
  readonly browser: string;
  readonly benchmarkIndex: number;
  readonly reports: Record<string, Lhr>;
}

/**
 * The CPU slowdown that makes this host a mid-tier phone, from the table in Lighthouse's
 * docs/throttling.md: the default 4× assumes a high-end desktop (benchmarkIndex 1500–2000); a
 * low-end desktop or high-end phone (800–1500) needs 2×; a host in the mid-tier mobile range
 * (125–800) needs none.
 */
function calibratedSlowdown(benchmarkIndex: number): number {
  if (benchmarkIndex >= 1500) return 4;
  if (benchmarkIndex >= 800) return 2;
  return 1;
}

interface RunOptions {
  readonly cpuSlowdownMultiplier?: number;
  /** Keep the browser cache of the run before (a repeat visit). */
  readonly repeat?: boolean;
}
type Run = (url: string, options?: RunOptions) => Promise<Lhr>;

/**
 * Several runs of one page; the median run by FCP and TTI (Lighthouse's own computeMedianRun). A run
 * that failed (runtimeError, e. g. no paint within the timeout on a busy machine) is repeated, at
 * most `runs` extra times.
 */
async function medianOf(run: Run, url: string, runs: number, options: RunOptions = {}, assertServerAlive: () => void = () => undefined): Promise<Lhr> {
  const results: Lhr[] = [];
  let failed: Lhr | undefined;
  for (let attempt = 0; results.length < runs && attempt < 2 * runs; attempt++) {
    const lhr = await run(url, options);
    assertServerAlive();
    if (lhr.runtimeError === undefined) results.push(lhr);
    else {
      failed = lhr;
      console.error(`  Lighthouse-Lauf fehlgeschlagen (${lhr.runtimeError.code}), neuer Versuch`);
    }
  }
  if (results.length === 0) throw new Error(`Lighthouse ${url}: ${failed?.runtimeError?.code ?? ''} ${failed?.runtimeError?.message ?? ''}`);
  if (results.length === 1) return results[0] as Lhr;
  return computeMedianRun(results as unknown as Parameters<typeof computeMedianRun>[0]) as unknown as Lhr;
}

/**
 * Runs Lighthouse `runs` times per page (median run reported), one browser for all runs (storage
 * is reset before each run); before them, one run that keeps the cache of the page before (a reader
 * going from page to page: shared files come from the cache, the page itself does not; with one
 * page, after them, a repeat visit of the page). A page below 100 in Performance gets one more run
 * with the CPU slowdown calibrated to this host, as an INFO row that shows how much of the loss is
 * the host (not with `calibrate: false`).
 */
export async function runLighthouse(
  origin: string,
  pages: readonly LighthousePage[],
  runs: number,
  assertServerAlive: () => void = () => undefined,
  { calibrate = true }: { calibrate?: boolean } = {},
): Promise<LighthouseResult> {
  // Through scripts/chromium.sh, which merges chrome-launcher's --disable-features with ours.
  const chromium = process.env['CHROME_PATH'] ?? process.env['CHROMIUM_PATH'] ?? DEBIAN_CHROMIUM;
  const chrome = await launch({ chromePath: CHROMIUM_LAUNCHER, envVars: { ...process.env, CHROMIUM_PATH: chromium }, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const run: Run = async (url, { cpuSlowdownMultiplier, repeat = false } = {}) => {
    const flags = { port: chrome.port, output: 'json' as const, logLevel: 'error' as const, disableStorageReset: repeat };
    const result = await lighthouse(url, cpuSlowdownMultiplier === undefined ? flags : { ...flags, throttling: { cpuSlowdownMultiplier } });
    if (result === undefined) throw new Error(`Lighthouse lieferte für ${url} kein Ergebnis.`);
    return result.lhr as unknown as Lhr;
  };
  const rows: Row[] = [];
  const reports: Record<string, Lhr> = {};
  const indexes: number[] = [];
  let browser = '';
  try {
    for (const [index, page] of pages.entries()) {
      console.error(`▶ lighthouse ${page.path} (${runs} run${runs === 1 ? '' : 's'})`);
      // A reader who comes from the page before: its files are in the cache (the run before this one).
      // With one page, the page before is the page itself: its measured runs fill the cache.
      const before = pages[(index + pages.length - 1) % pages.length] ?? page;
      if (index === 0 && pages.length > 1) await medianOf(run, `${origin}${before.path}`, 1, {}, assertServerAlive);
      let warm = pages.length > 1 ? await medianOf(run, `${origin}${page.path}`, 1, { repeat: true }, assertServerAlive) : undefined;
      const lhr = await medianOf(run, `${origin}${page.path}`, runs, {}, assertServerAlive);
      warm ??= await medianOf(run, `${origin}${page.path}`, 1, { repeat: true }, assertServerAlive);
      reports[page.path] = lhr;
      indexes.push(lhr.environment.benchmarkIndex);
      browser = /(?:Headless)?Chrome\/[\d.]+/.exec(lhr.environment.hostUserAgent)?.[0] ?? lhr.environment.hostUserAgent;
      rows.push(...lighthouseRows(page, lhr), repeatVisitRow(page, before.path, warm));
      const performance = lhr.categories['performance']?.score ?? 1;
      const slowdown = calibratedSlowdown(lhr.environment.benchmarkIndex);
      if (calibrate && performance < 1 && slowdown < 4) {
        const calibrated = await medianOf(run, `${origin}${page.path}`, 1, { cpuSlowdownMultiplier: slowdown }, assertServerAlive);
        const tbt = calibrated.audits['total-blocking-time']?.displayValue ?? '';
        rows.push({
          section: lighthouseSection(lhr),
          subject: `${page.path} (${page.label})`,
          figure: `Performance at CPU ${slowdown}× (calibrated)`,
          value: `${score100(calibrated.categories['performance']?.score ?? null)} (TBT ${tbt})`,
          target: '',
          verdict: 'INFO',
          number: Math.round((calibrated.categories['performance']?.score ?? 0) * 100),
        });
      }
    }
  } finally {
    chrome.kill();
  }
  const sorted = [...indexes].sort((a, b) => a - b);
  const benchmarkIndex = sorted[Math.floor(sorted.length / 2)] ?? 0;
  if (rows[0] !== undefined) {
    rows.push({
      section: rows[0].section,
      subject: 'host',
      figure: 'CPU benchmarkIndex (median)',
      value: `${Math.round(benchmarkIndex)} → calibrated slowdown ${calibratedSlowdown(benchmarkIndex)}× (default 4×)`,
      target: '',
      verdict: 'INFO',
      number: benchmarkIndex,
    });
  }
  return { rows, browser, benchmarkIndex, reports };
}
