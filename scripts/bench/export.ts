/**
 * The admin exports at size, per store: 40,000 stored submissions of the first offer's interest
 * form (written through the store, as the form would have), the real server (the compiled
 * dist-server/start.js, backend only), then GET /admin/<form>.csv and .xlsx one after the other, read as fast as the
 * bench can. While each export runs, the bench samples the server's RSS every 50 ms (peak growth
 * over the RSS just before it) and asks the public /healthz one request after the other (its
 * latencies: p99 during the export). Rows per second: 40,000 divided by the time to the last byte.
 */
import { join } from 'node:path';
import { signIn } from '../lib/admin-client.ts';
import { openStore } from '../../server/store/index.ts';
import { BENCH_ADMIN, benchForm, interesseSubmission } from './load-tools.ts';
import { setUpStore } from './load.ts';
import { sampleTreeRss, startServer } from './processes.ts';
import { bytes, count, ms, verdict, type Row } from './report.ts';

/** Rows in the benchmark's form; the targets below are for this size (`--tiny` stores fewer). */
export const EXPORT_ROWS = 40_000;
const RSS_TARGET = 150 * 1024 ** 2;
const P99_TARGET_MS = 100;

export interface ExportResult {
  readonly rows: Row[];
  readonly details: Record<string, unknown>;
}

interface OneExport {
  readonly format: 'csv' | 'xlsx';
  readonly seconds: number;
  readonly bytes: number;
  /** Line breaks in the file. */
  readonly lines: number;
  readonly rssBefore: number;
  readonly rssPeak: number;
  readonly probes: number;
  readonly p99: number;
  readonly max: number;
}

/** The value at quantile q of sorted numbers. */
const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

/** The RSS of a process (and its children) now, in bytes: one sample. */
const rssOf = (pid: number): number => sampleTreeRss(pid, 60_000).stop();

async function measureExport(origin: string, pid: number, form: string, format: 'csv' | 'xlsx'): Promise<OneExport> {
  // Exports need a session: signed in through the sign-in form (ADMIN_PASSWORD, the store has no account).
  const session = await signIn(origin, BENCH_ADMIN.ADMIN_USER, BENCH_ADMIN.ADMIN_PASSWORD);
  const rssBefore = rssOf(pid);
  const sampler = sampleTreeRss(pid, 50);
  const latencies: number[] = [];
  let running = true;
  const probe = (async () => {
    while (running) {
      const start = performance.now();
      const res = await fetch(`${origin}/healthz`);
      await res.arrayBuffer();
      latencies.push(performance.now() - start);
    }
  })();
  const start = performance.now();
  let received = 0;
  let lines = 0;
  try {
    const res = await fetch(`${origin}/admin/${form}.${format}`, { headers: session.cookie });
    if (res.status !== 200 || res.body === null) throw new Error(`/admin/${form}.${format} antwortet ${res.status}`);
    for await (const chunk of res.body) {
      received += chunk.byteLength;
      for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lines += 1;
    }
  } finally {
    running = false;
  }
  const seconds = (performance.now() - start) / 1000;
  const rssPeak = sampler.stop();
  await probe;
  const sorted = [...latencies].sort((a, b) => a - b);
  return { format, seconds, bytes: received, lines, rssBefore, rssPeak, probes: sorted.length, p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? 0 };
}

/** Writes `total` realistic submissions in batches of 500, through the store's own code. */
async function seed(location: Parameters<typeof openStore>[0], form: string, submission: Record<string, unknown>, total: number): Promise<void> {
  const store = openStore(location);
  try {
    for (let done = 0; done < total; done += 500) {
      const batch = Array.from({ length: Math.min(500, total - done) }, (_, i) => ({
        form,
        prefix: 'KV',
        spam: false,
        data: { ...submission, behoerde: `Stadt Musterstadt, Ausländerbehörde ${done + i}` },
      }));
      await store.saveSubmissions(batch);
    }
  } finally {
    await store.close();
  }
}

/** `rows`: how many submissions to store and export (EXPORT_ROWS for the figures the targets are set for). */
export async function runExport(options: { keep: boolean; out: string; rows: number }): Promise<ExportResult> {
  const total = options.rows;
  const form = benchForm();
  const submission = interesseSubmission(form);
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  for (const kind of ['sqlite', 'postgres'] as const) {
    const setup = await setUpStore(kind, options.keep);
    try {
      console.error(`▶ ${kind}: ${count(total)} submissions stored`);
      await seed(setup.location, form.name, submission, total);
      const storeEnv: Record<string, string> = setup.location.databaseUrl === null ? {} : { DATABASE_URL: setup.location.databaseUrl };
      const server = await startServer({
        dataDir: setup.location.dataDir,
        logFile: join(options.out, `server-export-${kind}.log`),
        env: { SERVE_SITE: 'false', SMTP_URL: '', ...BENCH_ADMIN, ...storeEnv },
      });
      const results: OneExport[] = [];
      try {
        for (const format of ['csv', 'xlsx'] as const) {
          console.error(`▶ ${kind}: GET /admin/${form.name}.${format}`);
          const result = await measureExport(server.origin, server.pid, form.name, format);
          // Every stored row came out: the CSV has a header line and one line per submission (no field has a line break).
          if (format === 'csv' && result.lines !== total + 1) throw new Error(`/admin/${form.name}.csv: ${result.lines} Zeilen statt ${total + 1}`);
          results.push(result);
          server.assertAlive();
        }
      } finally {
        await server.stop();
      }
      details[kind] = results;
      const section = `Export of ${count(total)} rows, ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (GET /admin/<form>.csv and .xlsx, /healthz asked meanwhile)`;
      for (const r of results) {
        const name = r.format.toUpperCase();
        const growth = r.rssPeak - r.rssBefore;
        rows.push(
          { section, subject: name, figure: 'Rows per second', value: `${count(total / r.seconds)}/s (${r.seconds.toFixed(1)} s, ${bytes(r.bytes)})`, target: '', verdict: 'INFO', number: total / r.seconds },
          { section, subject: name, figure: 'Peak RSS growth', value: `${bytes(Math.max(0, growth))} (${bytes(r.rssBefore)} → ${bytes(r.rssPeak)})`, target: `≤ ${bytes(RSS_TARGET)}`, verdict: verdict(growth <= RSS_TARGET), number: growth },
          { section, subject: name, figure: 'Public /healthz p99 meanwhile', value: `${ms(r.p99)} (max ${ms(r.max)}, ${count(r.probes)} requests)`, target: `≤ ${P99_TARGET_MS} ms`, verdict: verdict(r.p99 <= P99_TARGET_MS), number: r.p99 },
        );
      }
    } finally {
      await setup.cleanup();
    }
  }
  return { rows, details };
}
