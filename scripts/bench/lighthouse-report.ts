/**
 * The rows of one Lighthouse result (LH.Result): the four category scores, CLS and TBT against
 * their targets, the paint metrics, every weighted audit that costs points (and how many), and,
 * below 100 in Performance, the insights that estimate what it would take.
 */
import { ms, verdict, type Row } from './report.ts';

/** The parts of a Lighthouse result this report reads. */
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
export interface Lhr {
  lighthouseVersion: string;
  environment: { hostUserAgent: string; benchmarkIndex: number };
  categories: Record<string, Category>;
  audits: Record<string, Audit>;
  runWarnings: string[];
  runtimeError?: { code: string; message: string };
}

export interface LighthousePage {
  /** start, offer, form, news, or page (with --all). */
  readonly label: string;
  readonly path: string;
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const SCORED_MODES = new Set(['binary', 'numeric', 'metricSavings']);
/** CLS 0.00 as Lighthouse shows it; TBT from the issue's target for the form page, held on every page. */
const TARGET = { cls: 0.005, tbtMs: 50 } as const;

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

export const score100 = (score: number | null): string => (score === null ? 'n/a' : String(Math.round(score * 100)));

export const lighthouseSection = (lhr: Lhr): string => `Lighthouse ${lhr.lighthouseVersion} — mobile defaults, Debian Chromium, served by the compiled server, dist-server/start.js (median run)`;

const numeric = (lhr: Lhr, id: string): number => lhr.audits[id]?.numericValue ?? Number.NaN;

export function lighthouseRows(page: LighthousePage, lhr: Lhr): Row[] {
  const section = lighthouseSection(lhr);
  const subject = `${page.path} (${page.label})`;
  const scores = CATEGORIES.map((id) => lhr.categories[id]?.score ?? null);
  const cls = numeric(lhr, 'cumulative-layout-shift');
  const tbt = numeric(lhr, 'total-blocking-time');
  const rows: Row[] = [
    {
      section,
      subject,
      figure: 'Performance · Accessibility · Best Practices · SEO',
      value: scores.map(score100).join(' · '),
      target: '100 each',
      verdict: verdict(scores.every((s) => s === 1)),
      number: Math.round((scores[0] ?? 0) * 100),
    },
    { section, subject, figure: 'CLS', value: cls.toFixed(3), target: '0.00', verdict: verdict(cls < TARGET.cls), number: cls },
    { section, subject, figure: 'TBT', value: ms(tbt), target: `≤ ${TARGET.tbtMs} ms`, verdict: verdict(tbt <= TARGET.tbtMs), number: tbt },
    {
      section,
      subject,
      figure: 'FCP · LCP · Speed Index',
      value: ['first-contentful-paint', 'largest-contentful-paint', 'speed-index'].map((id) => ms(numeric(lhr, id))).join(' · '),
      target: '',
      verdict: 'INFO',
    },
  ];
  const losses: [string, string, number][] = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (category !== undefined) for (const [audit, points] of pointsLost(category, lhr.audits)) losses.push([audit, category.title, points]);
  }
  for (const [id, category, points] of losses.sort((a, b) => b[2] - a[2])) {
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

/** A visit that keeps the browser cache of the page visited before (`disableStorageReset`). */
export function repeatVisitRow(page: LighthousePage, before: string, lhr: Lhr): Row {
  const bytes = numeric(lhr, 'total-byte-weight');
  return {
    section: lighthouseSection(lhr),
    subject: `${page.path} (${page.label})`,
    figure: `After ${before} (warm cache): FCP · LCP · transferred`,
    value: `${ms(numeric(lhr, 'first-contentful-paint'))} · ${ms(numeric(lhr, 'largest-contentful-paint'))} · ${(bytes / 1024).toFixed(1)} KB`,
    target: '',
    verdict: 'INFO',
    number: numeric(lhr, 'first-contentful-paint'),
  };
}
