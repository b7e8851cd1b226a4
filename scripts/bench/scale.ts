/**
 * Build scale: the real content plus N generated offers, built cold from a temporary copy of the
 * project. Each generated offer is the first offer of content/offers/ with its own titel,
 * kurzbeschreibung, OZG-IDs and reihenfolge, so it passes the same schema and renders a page as rich as the real one. It is
 * written as plain Markdown (.md) when its body uses no MDX (as editors are asked to do).
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytes, ms, verdict, type Row } from './report.ts';
import { childrenCpuMs, ROOT, sampleTreeRss } from './processes.ts';
import { buildProject, createTempProject, type BuildResult } from '../lib/temp-project.ts';

const SCALE_TARGET = { offers: 1000, wallMs: 12_000, rssBytes: 1024 ** 3 } as const;

/** Whether a Markdown body needs MDX: imports/exports, components (<Capitalised>) or {expressions}. */
function needsMdx(body: string): boolean {
  return /^\s*(import|export)\s/m.test(body) || /<[A-Z]/.test(body) || /[{}]/.test(body);
}

/** The offer the generated ones copy (the first file of content/offers/) and the file type they get. */
function template(offersDir: string): { name: string; text: string; extension: 'md' | 'mdx' } {
  const name = readdirSync(offersDir)
    .filter((file) => /\.mdx?$/.test(file) && !file.startsWith('gen-'))
    .sort()[0];
  if (name === undefined) throw new Error('content/offers/ enthält kein Angebot als Vorlage.');
  const text = readFileSync(join(offersDir, name), 'utf8');
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  return { name, text, extension: needsMdx(body) ? 'mdx' : 'md' };
}

/**
 * A generated offer: the template with titel, kurzbeschreibung, ozgIds and reihenfolge changed (the
 * build refuses two pages with the same title or description).
 */
function generatedOffer(template: string, n: number): string {
  const number = String(n).padStart(4, '0');
  let ozg = 0;
  const text = template
    .replace(/^titel: .*$/m, `titel: Generiertes Angebot ${number}`)
    .replace(/^kurzbeschreibung:.*(?:\n[ \t]+.*)*/m, `kurzbeschreibung: Das generierte Angebot ${number}, eine Kopie des ersten Angebots für die Messung des Builds.`)
    .replace(/^reihenfolge: .*$/m, `reihenfolge: ${1000 + n}`)
    .replace(/ozgId: \d+/g, () => `ozgId: ${900_000 + n * 10 + ozg++}`);
  if (!text.includes(`titel: Generiertes Angebot ${number}`) || !text.includes(`kurzbeschreibung: Das generierte Angebot ${number}`) || ozg === 0) {
    throw new Error('Die Vorlage aus content/offers/: titel, kurzbeschreibung oder ozgId nicht gefunden; der Generator muss angepasst werden.');
  }
  return text;
}

export interface BuildPhases {
  /** Content sync and type generation. */
  readonly syncMs: number;
  /** Vite/Rolldown bundles (server and client). */
  readonly bundleMs: number;
  /** Rendering every page to HTML. */
  readonly renderMs: number;
}

export interface ScalePoint {
  readonly offers: number;
  /** CPU time (user + system) of the build's whole process tree: less sensitive to other load than wall time. */
  readonly cpuMs: number;
  /** File type of the generated offers. */
  readonly extension: 'md' | 'mdx';
  /** [WARN] lines in the build log. */
  readonly warnings: number;
  readonly pages: number;
  readonly wallMs: number;
  readonly peakRssBytes: number;
  readonly phases: BuildPhases | null;
}

const toMs = (value: string | undefined, unit: string | undefined): number => Number(value) * (unit === 's' ? 1000 : 1);

/** The phase timings Astro logs: `[types] Generated 2.40s`, `[vite] ✓ built in 6.60s`, `✓ Completed in 5.04s.` (pages). */
function buildPhases(log: string): BuildPhases | null {
  const sync = /\[types\] Generated ([\d.]+)(m?s)/.exec(log);
  const bundles = [...log.matchAll(/\[vite\] ✓ built in ([\d.]+)(m?s)/g)];
  const render = /^\d\d:\d\d:\d\d ✓ Completed in ([\d.]+)(m?s)\./m.exec(log);
  if (sync === null || bundles.length === 0 || render === null) return null;
  return {
    syncMs: toMs(sync[1], sync[2]),
    bundleMs: bundles.reduce((sum, m) => sum + toMs(m[1], m[2]), 0),
    renderMs: toMs(render[1], render[2]),
  };
}

function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

async function buildOnce(dir: string, offers: number): Promise<ScalePoint> {
  const offersDir = join(dir, 'content', 'offers');
  for (const name of readdirSync(offersDir)) if (name.startsWith('gen-')) rmSync(join(offersDir, name));
  const source = template(offersDir);
  for (let n = 1; n <= offers; n++) writeFileSync(join(offersDir, `gen-${String(n).padStart(4, '0')}.${source.extension}`), generatedOffer(source.text, n));
  // A cold build: no output and none of Astro's or Vite's caches (they are private to the temporary project).
  for (const out of ['dist', 'dist-server', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(dir, out), { recursive: true, force: true });

  const cpuBefore = childrenCpuMs();
  // `npm run build`, as an operator builds (package.json's build script with its heap limit), in
  // plain text to parse; the peak RSS of its whole process tree is sampled while it runs.
  let rss = { stop: (): number => 0 };
  let build: BuildResult;
  let peakRssBytes: number;
  try {
    build = await buildProject(dir, {}, { onSpawn: (pid) => (rss = sampleTreeRss(pid)) });
  } finally {
    peakRssBytes = rss.stop();
  }
  const cpuMs = childrenCpuMs() - cpuBefore;
  const wallMs = build.seconds * 1000;
  const text = build.output;
  writeFileSync(join(dir, `build-${offers}.log`), text);
  if (build.code !== 0) {
    const tail = text.split('\n').filter((l) => !/^\s+at /.test(l)).slice(-20).join('\n');
    throw new Error(`Build mit ${offers} generierten Angeboten fehlgeschlagen (Exit ${build.code}):\n${tail}`);
  }
  const pages = countHtml(join(dir, 'dist'));
  const phases = buildPhases(text);
  if (!existsSync(join(dir, 'dist', 'angebote', offers > 0 ? 'gen-0001' : source.name.replace(/\.mdx?$/, ''), 'index.html'))) {
    throw new Error(`Build mit ${offers} generierten Angeboten: die Angebotsseite fehlt in dist/.`);
  }
  const warnings = text.split('\n').filter((line) => line.includes('[WARN]')).length;
  return { offers, extension: source.extension, warnings, pages, wallMs, cpuMs, peakRssBytes, phases };
}

export async function runScale(sizes: readonly number[], keep = false): Promise<{ rows: Row[]; points: ScalePoint[] }> {
  const project = createTempProject(ROOT, 'kv-bench-scale-');
  const dir = project.root;
  const points: ScalePoint[] = [];
  try {
    for (const offers of sizes) {
      console.error(`▶ build with ${offers} generated offers`);
      points.push(await buildOnce(dir, offers));
    }
  } finally {
    if (keep) console.error(`Temporäres Projekt bleibt erhalten: ${dir}`);
    else project.remove();
  }
  return { rows: scaleRows(points), points };
}

/** Per-offer growth of each phase between two sizes, e. g. " (sync 1.1 ms, bundle 0.2 ms, pages 2.6 ms)". */
function phaseGrowth(a: ScalePoint, b: ScalePoint): string {
  if (a.phases === null || b.phases === null) return '';
  const n = b.offers - a.offers;
  const per = (key: keyof BuildPhases): string => ms(((b.phases?.[key] ?? 0) - (a.phases?.[key] ?? 0)) / n);
  return ` (sync ${per('syncMs')}, bundle ${per('bundleMs')}, pages ${per('renderMs')})`;
}

function scaleRows(points: readonly ScalePoint[]): Row[] {
  const section = 'Build scale — real content + N generated offers, cold `npm run build` of a temporary copy';
  const rows: Row[] = [];
  for (const p of points) {
    const subject = `N = ${p.offers}${p.offers > 0 ? ` .${p.extension}` : ''} (${p.pages} pages)`;
    const atTarget = p.offers === SCALE_TARGET.offers;
    rows.push(
      {
        section,
        subject,
        figure: 'Wall time',
        value: ms(p.wallMs),
        target: atTarget ? `≤ ${SCALE_TARGET.wallMs / 1000} s` : '',
        verdict: atTarget ? verdict(p.wallMs <= SCALE_TARGET.wallMs) : 'INFO',
        number: p.wallMs,
      },
      { section, subject, figure: 'CPU time (user + system)', value: ms(p.cpuMs), target: '', verdict: 'INFO', number: p.cpuMs },
      { section, subject, figure: 'Per page', value: ms(p.wallMs / p.pages), target: '', verdict: 'INFO', number: p.wallMs / p.pages },
      ...(p.phases === null
        ? []
        : [
            {
              section,
              subject,
              figure: 'Phases (Astro log)',
              value: `sync ${ms(p.phases.syncMs)} · bundle ${ms(p.phases.bundleMs)} · pages ${ms(p.phases.renderMs)}`,
              target: '',
              verdict: 'INFO' as const,
            },
          ]),
      {
        section,
        subject,
        figure: 'Peak RSS (process tree)',
        value: bytes(p.peakRssBytes),
        target: atTarget ? `≤ ${bytes(SCALE_TARGET.rssBytes)}` : '',
        verdict: atTarget ? verdict(p.peakRssBytes <= SCALE_TARGET.rssBytes) : 'INFO',
        number: p.peakRssBytes,
      },
      { section, subject, figure: 'Warnings in the build log', value: String(p.warnings), target: '0', verdict: verdict(p.warnings === 0), number: p.warnings },
    );
  }
  // How time and memory grow: the marginal cost of one more offer between consecutive sizes.
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a === undefined || b === undefined || b.offers === a.offers) continue;
    const perOffer = (b.wallMs - a.wallMs) / (b.offers - a.offers);
    const cpuPerOffer = (b.cpuMs - a.cpuMs) / (b.offers - a.offers);
    const memPerOffer = (b.peakRssBytes - a.peakRssBytes) / (b.offers - a.offers);
    rows.push({
      section,
      subject: `N ${a.offers} → ${b.offers}`,
      figure: 'Marginal cost per offer',
      value: `${ms(perOffer)} wall, ${ms(cpuPerOffer)} CPU, ${memPerOffer < 0 ? '−' : ''}${bytes(Math.abs(Math.round(memPerOffer)))} RSS${phaseGrowth(a, b)}`,
      target: '',
      verdict: 'INFO',
      number: perOffer,
    });
  }
  const first = points[0];
  const last = points.at(-1);
  if (first !== undefined && last !== undefined && last.offers < SCALE_TARGET.offers && last.offers > first.offers) {
    // --quick: extrapolate linearly to the target size.
    const perOffer = (last.wallMs - first.wallMs) / (last.offers - first.offers);
    const memPerOffer = (last.peakRssBytes - first.peakRssBytes) / (last.offers - first.offers);
    const wall = first.wallMs + perOffer * (SCALE_TARGET.offers - first.offers);
    const rss = first.peakRssBytes + memPerOffer * (SCALE_TARGET.offers - first.offers);
    rows.push({
      section,
      subject: `N = ${SCALE_TARGET.offers} (linear estimate)`,
      figure: 'Wall time / peak RSS',
      value: `≈ ${ms(wall)} / ≈ ${bytes(Math.round(rss))}`,
      target: `≤ ${SCALE_TARGET.wallMs / 1000} s / ≤ ${bytes(SCALE_TARGET.rssBytes)}`,
      verdict: 'INFO',
    });
  }
  return rows;
}
