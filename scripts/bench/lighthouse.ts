/**
 * Lighthouse (mobile defaults: emulated phone, simulated slow 4G and 4× CPU slowdown) on Debian's
 * chromium against the site served by the real server. Per page: the four category scores, LCP,
 * TBT, CLS and Speed Index, and every weighted audit that costs points.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { verdict, type Row } from './report.ts';
import { CHROMIUM_FLAGS, DEBIAN_CHROMIUM } from '../lib/chromium.ts';

export const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

/** The parts of a Lighthouse result (LH.Result) this report reads. */
interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  metricSavings?: Record<string, number | undefined>;
}
interface Category {
  id: string;
  title: string;
  score: number | null;
  auditRefs: { id: string; weight: number }[];
}
interface Lhr {
  lighthouseVersion: string;
  environment: { hostUserAgent: string; benchmarkIndex: number };
  categories: Record<string, Category>;
  audits: Record<string, Audit>;
  runWarnings: string[];
  runtimeError?: { code: string; message: string };
}

export interface LighthousePage {
  readonly label: string;
  readonly path: string;
}

/** Start page, the first offer page and its form page, and the newest news item (first link on /aktuelles/). */
export function lighthousePages(dist: string): LighthousePage[] {
  const index = readFileSync(join(dist, 'aktuelles', 'index.html'), 'utf8');
  const news = /href="(\/aktuelles\/(?!rss)[^"/]+\/)"/.exec(index)?.[1];
  if (news === undefined) throw new Error('dist/aktuelles/index.html verlinkt keine Meldung.');
  const offers = readFileSync(join(dist, 'angebote', 'index.html'), 'utf8');
  const offer = /href="(\/angebote\/[^"/]+\/)"/.exec(offers)?.[1];
  if (offer === undefined) throw new Error('dist/angebote/index.html verlinkt kein Angebot.');
  return [
    { label: 'start', path: '/' },
    { label: 'offer', path: offer },
    { label: 'form', path: `${offer}interesse/` },
    { label: 'news', path: news },
  ];
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = [
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'Speed Index'],
] as const;
const SCORED_MODES = new Set(['binary', 'numeric', 'metricSavings']);

/** Points (of 100) an audit costs its category: weight × (1 − score) / Σ weights of scored audits. */
function pointsLost(category: Category, audits: Record<string, Audit>): Map<string, number> {
  const scored = category.auditRefs.filter((ref) => {
    const audit = audits[ref.id];
    return ref.weight > 0 && audit !== undefined && audit.score !== null && SCORED_MODES.has(audit.scoreDisplayMode);
  });
  const total = scored.reduce((sum, ref) => sum + ref.weight, 0);
  const lost = new Map<string, number>();
  for (const ref of scored) {
    const score = audits[ref.id]?.score ?? 1;
    if (score < 1) lost.set(ref.id, (100 * ref.weight * (1 - score)) / total);
  }
  return lost;
}

const score100 = (score: number | null): string => (score === null ? 'n/a' : String(Math.round(score * 100)));

const SECTION = (lhr: Lhr): string => `Lighthouse ${lhr.lighthouseVersion} — mobile defaults, Debian Chromium, served by server/start.ts (median run)`;

export function lighthouseRows(page: LighthousePage, lhr: Lhr): Row[] {
  const section = SECTION(lhr);
  const subject = `${page.path} (${page.label})`;
  const rows: Row[] = [];
  const losses = new Map<string, { category: string; points: number }>();
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (category === undefined) continue;
    for (const [audit, points] of pointsLost(category, lhr.audits)) losses.set(audit, { category: category.title, points });
    rows.push({
      section,
      subject,
      figure: category.title,
      value: score100(category.score),
      target: '100',
      verdict: verdict(category.score === 1),
      number: Math.round((category.score ?? 0) * 100),
    });
  }
  for (const [id, label] of METRICS) {
    const audit = lhr.audits[id];
    if (audit === undefined) continue;
    const loss = losses.get(id);
    rows.push({
      section,
      subject,
      figure: label,
      value: `${audit.displayValue ?? ''} · score ${score100(audit.score)}${loss ? ` · −${loss.points.toFixed(1)} pts` : ''}`,
      target: 'score 100',
      verdict: verdict(audit.score === 1),
      number: audit.numericValue ?? 0,
    });
    losses.delete(id);
  }
  for (const [id, { category, points }] of [...losses].sort((a, b) => b[1].points - a[1].points)) {
    const audit = lhr.audits[id];
    rows.push({
      section,
      subject,
      figure: `costs points: ${id}`,
      value: `−${points.toFixed(1)} pts ${category} (score ${score100(audit?.score ?? null)}${audit?.displayValue ? `, ${audit.displayValue}` : ''})`,
      target: 'score 100',
      verdict: 'MISS',
      number: points,
    });
  }
  // Unweighted performance insights that estimate savings: what it would take to gain the points.
  if ((lhr.categories['performance']?.score ?? 1) < 1) {
    for (const audit of Object.values(lhr.audits)) {
      const savings = Object.entries(audit.metricSavings ?? {}).filter(([, v]) => (v ?? 0) > 0);
      if (audit.score === null || audit.score >= 1 || savings.length === 0) continue;
      rows.push({
        section,
        subject,
        figure: `insight: ${audit.id}`,
        value: `est. savings ${savings.map(([metric, v]) => `${metric} ${metric === 'CLS' ? (v ?? 0).toFixed(3) : `${Math.round(v ?? 0)} ms`}`).join(', ')}`,
        target: '',
        verdict: 'INFO',
      });
    }
  }
  for (const warning of lhr.runWarnings) rows.push({ section, subject, figure: 'run warning', value: warning.slice(0, 90), target: '', verdict: 'INFO' });
  return rows;
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
export function calibratedSlowdown(benchmarkIndex: number): number {
  if (benchmarkIndex >= 1500) return 4;
  if (benchmarkIndex >= 800) return 2;
  return 1;
}

type Run = (url: string, cpuSlowdownMultiplier?: number) => Promise<Lhr>;

/**
 * Several runs of one page; the median run by FCP and TTI (Lighthouse's own computeMedianRun). A run
 * that failed (runtimeError, e. g. no paint within the timeout on a busy machine) is repeated, at
 * most `runs` extra times.
 */
async function medianOf(run: Run, url: string, runs: number, cpuSlowdownMultiplier?: number, assertServerAlive: () => void = () => undefined): Promise<Lhr> {
  const results: Lhr[] = [];
  let failed: Lhr | undefined;
  for (let attempt = 0; results.length < runs && attempt < 2 * runs; attempt++) {
    const lhr = await run(url, cpuSlowdownMultiplier);
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
 * is reset before each run). A page below 100 in Performance gets one more run with the CPU
 * slowdown calibrated to this host, as an INFO row that shows how much of the loss is the host.
 */
export async function runLighthouse(origin: string, pages: readonly LighthousePage[], runs: number, assertServerAlive: () => void = () => undefined): Promise<LighthouseResult> {
  const chrome = await launch({ chromePath: process.env['CHROME_PATH'] ?? DEBIAN_CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const run: Run = async (url, cpuSlowdownMultiplier) => {
    const flags = { port: chrome.port, output: 'json' as const, logLevel: 'error' as const };
    const result = await lighthouse(url, cpuSlowdownMultiplier === undefined ? flags : { ...flags, throttling: { cpuSlowdownMultiplier } });
    if (result === undefined) throw new Error(`Lighthouse lieferte für ${url} kein Ergebnis.`);
    return result.lhr as unknown as Lhr;
  };
  const rows: Row[] = [];
  const reports: Record<string, Lhr> = {};
  const indexes: number[] = [];
  let browser = '';
  try {
    for (const page of pages) {
      console.error(`▶ lighthouse ${page.path} (${runs} run${runs === 1 ? '' : 's'})`);
      const lhr = await medianOf(run, `${origin}${page.path}`, runs, undefined, assertServerAlive);
      reports[page.path] = lhr;
      indexes.push(lhr.environment.benchmarkIndex);
      browser = /(?:Headless)?Chrome\/[\d.]+/.exec(lhr.environment.hostUserAgent)?.[0] ?? lhr.environment.hostUserAgent;
      rows.push(...lighthouseRows(page, lhr));
      const performance = lhr.categories['performance']?.score ?? 1;
      const slowdown = calibratedSlowdown(lhr.environment.benchmarkIndex);
      if (performance < 1 && slowdown < 4) {
        const calibrated = await medianOf(run, `${origin}${page.path}`, 1, slowdown, assertServerAlive);
        const tbt = calibrated.audits['total-blocking-time']?.displayValue ?? '';
        rows.push({
          section: SECTION(lhr),
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
