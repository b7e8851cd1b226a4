/**
 * `npm run bench`: where the portal stands against its limits, in one table (also written as JSON to
 * bench-results/bench.json). Timings are printed here and never asserted; the byte budgets are also
 * asserted in `npm test` (tests/e2e/budgets.spec.ts).
 *
 *   npm run bench                          all six sections (5–7 min on 2 cores)
 *   npm run bench -- --quick               builds only for N = 0 and 100, one Lighthouse run per page, 3 starts
 *   npm run bench -- --tiny                every section at a tiny size, to see that it works (npm test runs
 *                                          this: tests/build/bench.test.ts); its timings mean nothing
 *   npm run bench -- --only=weight,load    some sections: weight, lighthouse, startup, scale, load, export
 *   npm run bench -- -c 50 -t 20           load: 50 clients for 20 s (defaults 20 and 10)
 *   npm run bench -- --mail=off            load: no SMTP (also: sink = local SMTP sink, default; unreachable)
 *   npm run bench -- --no-build            never build dist/ (default: build only when it is missing)
 *   npm run bench -- --build               rebuild dist/ first
 *   npm run bench -- --lh-runs=5           Lighthouse runs per page, median reported (default 3, --quick 1)
 *   npm run bench -- --all                 Lighthouse on every page of the sitemap (default: start, offer, form, news)
 *   npm run bench -- --keep                keep the temporary project and DATA_DIR
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runLighthouse, lighthousePages } from './lighthouse.ts';
import { EXPORT_ROWS, runExport } from './export.ts';
import { runLoad, type MailMode } from './load.ts';
import { builtSitemapPaths } from '../lib/sitemap.ts';
import { tempDir } from '../lib/temp-dir.ts';
import { ROOT, startServer } from './processes.ts';
import { formatTable, type Row } from './report.ts';
import { runScale } from './scale.ts';
import { runStartup } from './startup.ts';
import { DIST, ensureDist, weightRows } from './weight.ts';

const SECTIONS = ['weight', 'lighthouse', 'startup', 'scale', 'load', 'export'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    tiny: { type: 'boolean', default: false },
    only: { type: 'string' },
    connections: { type: 'string', short: 'c' },
    duration: { type: 'string', short: 't' },
    build: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'lh-runs': { type: 'string' },
    all: { type: 'boolean', default: false },
    mail: { type: 'string', default: 'sink' },
    out: { type: 'string', default: join(ROOT, 'bench-results') },
  },
  strict: true,
});

function positive(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: „${raw}“ ist keine positive ganze Zahl.`);
  return n;
}
const { tiny } = values;
const connections = positive('-c', values.connections ?? (tiny ? '2' : '20'));
const seconds = positive('-t', values.duration ?? (tiny ? '1' : '10'));
const only = (values.only ?? SECTIONS.join(',')).split(',').map((s) => s.trim()).filter((s) => s !== '');
for (const name of only) if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`--only: „${name}“ gibt es nicht (${SECTIONS.join(', ')}).`);
if (!['sink', 'off', 'unreachable'].includes(values.mail)) throw new Error(`--mail: „${values.mail}“ gibt es nicht (sink, off, unreachable).`);
const mail = values.mail as MailMode;
const wanted = (section: Section): boolean => only.includes(section);
// --tiny: one generated offer (the generator's offers must pass the build's rules), the form page
// once, one start, a load of one second after 20 warm-up submissions (with a quarter of a second of
// one submission per transaction before and after), an export of 200 rows.
const scaleSizes = tiny ? [1] : values.quick ? [0, 100] : [0, 100, 1000];
const lighthouseRuns = positive('--lh-runs', values['lh-runs'] ?? (values.quick || tiny ? '1' : '3'));
const starts = tiny ? 1 : values.quick ? 3 : 7;
const exportRows = tiny ? 200 : EXPORT_ROWS;
mkdirSync(values.out, { recursive: true });

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}
function chromiumVersion(): string {
  try {
    // Debian's wrapper script prints a harmless shell warning on stderr; keep it out of the report.
    const out = execFileSync(process.env['CHROME_PATH'] ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.replace(/ built on .*/, '').trim();
  } catch {
    return 'unknown';
  }
}

const started = Date.now();
const rows: Partial<Record<Section, Row[]>> = {};
const details: Record<string, unknown> = {};
const failures: string[] = [];
/** The machine's 1-minute load average when each section started: other work on a shared machine skews timings. */
const loadAtStart: Partial<Record<Section, number>> = {};

/** The line of an error that says what went wrong (e. g. the SyntaxError of a crashed server), shortened. */
function summary(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const line = lines.find((l) => /\b\w*Error\b/.test(l)) ?? lines[0] ?? '';
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

async function section(name: Section, work: () => Promise<Row[]>): Promise<void> {
  if (!wanted(name)) return;
  const t = Date.now();
  loadAtStart[name] = loadavg()[0] ?? 0;
  try {
    rows[name] = await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push(`${name}: ${message}`);
    rows[name] = [{ section: name, subject: '—', figure: 'section failed', value: summary(message), target: '', verdict: 'MISS' }];
    console.error(`✘ ${name}: ${message}`);
  }
  console.error(`✔ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

let distBuilt: Date | null = null;
const needDist = wanted('weight') || wanted('lighthouse') || wanted('startup');
if (needDist) distBuilt = ensureDist(values['no-build'] ? 'never' : values.build ? 'force' : 'auto');

await section('weight', async () => {
  const result = weightRows(builtSitemapPaths(DIST));
  details['weight'] = result.pages;
  return result.rows;
});

await section('lighthouse', async () => {
  const data = tempDir('kv-bench-lh-');
  const server = await startServer({ dataDir: data.path, logFile: join(values.out, 'server-lighthouse.log'), env: { DIST_DIR: DIST } });
  // Another engineer's build replaces dist/ while the pages are measured: say so, it explains failed runs.
  const rebuilt = (): string | null => {
    const now = existsSync(join(DIST, 'index.html')) ? statSync(join(DIST, 'index.html')).mtime : null;
    return distBuilt !== null && now?.getTime() === distBuilt.getTime() ? null : `dist/ was rebuilt by another process during the run (${now?.toISOString().slice(11, 19) ?? 'missing'} UTC)`;
  };
  try {
    let result;
    try {
      const pages = lighthousePages(DIST, values.all);
      const measured = tiny ? pages.filter((page) => page.label === 'form') : pages;
      result = await runLighthouse(server.origin, measured, lighthouseRuns, () => server.assertAlive(), { calibrate: !tiny });
    } catch (error) {
      const note = rebuilt();
      throw note === null ? error : new Error(`${note}: ${error instanceof Error ? error.message : String(error)}`);
    }
    details['lighthouse'] = { browser: result.browser, benchmarkIndex: result.benchmarkIndex, runs: lighthouseRuns };
    for (const [path, lhr] of Object.entries(result.reports)) {
      const name = path === '/' ? 'start' : path.replace(/^\/|\/$/g, '').replace(/\//g, '-');
      writeFileSync(join(values.out, `lighthouse-${name}.json`), JSON.stringify(lhr));
    }
    const section = result.rows[0]?.section ?? 'lighthouse';
    const note = rebuilt();
    const noteRows: Row[] = note === null ? [] : [{ section, subject: 'dist/', figure: 'unchanged during the run', value: note, target: 'unchanged', verdict: 'MISS' }];
    return [...noteRows, ...result.rows];
  } finally {
    await server.stop();
    if (values.keep) console.error(`DATA_DIR bleibt erhalten: ${data.path}`);
    else data.remove();
  }
});

await section('startup', async () => {
  const result = await runStartup(starts);
  details['startup'] = result.times;
  return result.rows;
});

// The load test runs before the scale builds, so the thousands of files they write are not still
// being flushed to disk while SQLite measures fsyncs.
await section('load', async () => {
  const result = await runLoad({ connections, seconds, mail, keep: values.keep, logFile: join(values.out, 'server-load.log'), ...(tiny ? { warmUpPosts: 20, limitSeconds: 0.25 } : {}) });
  details['load'] = result.details;
  return result.rows;
});

await section('export', async () => {
  const result = await runExport({ keep: values.keep, out: values.out, rows: exportRows });
  details['export'] = result.details;
  return result.rows;
});

await section('scale', async () => {
  const result = await runScale(scaleSizes, values.keep);
  details['scale'] = result.points;
  return result.rows;
});

const ordered = SECTIONS.flatMap((name) => rows[name] ?? []);
const machine = {
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 1024 ** 3),
  os: osName(),
  node: process.version,
  chromium: wanted('lighthouse') ? chromiumVersion() : undefined,
};
const header = [
  `npm run bench — ${new Date().toISOString().slice(0, 10)} — ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}${machine.chromium ? `, ${machine.chromium}` : ''}`,
  distBuilt ? `dist/ built ${distBuilt.toISOString().replace('T', ' ').slice(0, 16)} UTC` : '',
  `Sections: ${only.join(', ')}${values.quick ? ' (--quick)' : ''}${tiny ? ' (--tiny: timings mean nothing)' : ''}; total ${((Date.now() - started) / 1000).toFixed(0)} s`,
  `1-min load average at the start of each section (${machine.cores} cores): ${Object.entries(loadAtStart).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`,
]
  .filter((line) => line !== '')
  .join('\n');
const table = formatTable(ordered);
const busy = Object.entries(loadAtStart).filter(([, v]) => v > machine.cores);
const warning = busy.length > 0 ? `\n⚠ Busy machine (load above ${machine.cores} at the start of: ${busy.map(([k]) => k).join(', ')}): other processes share the CPU and disk, timings there are pessimistic.` : '';
console.log(`${header}\n${table}${warning}`);

const file = join(values.out, 'bench.json');
writeFileSync(
  file,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      options: { sections: only, quick: values.quick, tiny, all: values.all, connections, seconds, mail, scaleSizes, lighthouseRuns },
      distBuilt: distBuilt?.toISOString() ?? null,
      loadAtStart,
      rows: ordered,
      details,
      failures,
    },
    null,
    2,
  )}\n`,
);
console.log(`JSON: ${file.startsWith(ROOT) ? file.slice(ROOT.length + 1) : file}`);
if (failures.length > 0) process.exitCode = 1;
