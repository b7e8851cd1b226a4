/**
 * The form backend under load. The real server (`node server/start.ts`, temporary DATA_DIR, rate
 * limit raised, SMTP to a local sink) runs as one process, autocannon as a second one posting valid
 * submissions to the first offer's interest form as JSON, the way @formspree/core does. Afterwards the stored rows are
 * counted in the SQLite file and compared with the successful answers. The physical limit is a
 * plain node:sqlite loop with the server's settings (WAL, synchronous=FULL): one row per durable
 * transaction, no HTTP.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SMTPServer } from 'smtp-server';
import { createFormRegistry, interesseFormName, validateSubmission, type FormDefinition } from '../../src/forms/index.ts';
import { readContent } from '../../server/content.ts';
import { bytes, count, ms, verdict, type Row } from './report.ts';
import { cpuMs, exited, freePort, ROOT, startServer } from './processes.ts';

export const LOAD_TARGET = { ratio: 0.5, p99Ms: 50, connections: 20 } as const;

/** The interest form of the content's first offer: the form the load posts to. */
function benchForm(): FormDefinition {
  const { offers } = readContent(join(ROOT, 'content'));
  const first = offers[0];
  const form = first === undefined ? undefined : createFormRegistry(offers).get(interesseFormName(first.id));
  if (form === undefined) throw new Error('content/offers/ enthält kein Angebot: der Lasttest braucht ein Interessenformular.');
  return form;
}

/** A valid, realistic interest submission; `[<id>]` is replaced by autocannon with a unique id. */
export function interesseSubmission(form: FormDefinition = benchForm()): Record<string, unknown> {
  const options = form.fields.find((field) => field.type === 'checkboxes')?.options ?? [];
  const submission = {
    behoerde: 'Stadt Musterstadt, Ausländerbehörde [<id>]',
    ags: '05913000',
    ansprechperson: 'Erika Mustermann',
    funktion: 'Leitung der Ausländerbehörde',
    email: 'erika.mustermann@musterstadt.example',
    telefon: '0231 123456',
    antragsstrecken: options.slice(0, 3),
    start: '2027-03',
    nachricht:
      'Wir möchten die Antragsstrecken zum 1. März 2027 einführen und bitten um einen Termin für die ' +
      'Rahmenvereinbarung. Bitte nennen Sie uns auch die Ansprechpartner für das Onboarding und die ' +
      'voraussichtlichen Betriebskosten nach Anlage 3 für eine Behörde mit rund 40.000 Vorgängen im Jahr.',
  };
  const result = validateSubmission(form, submission);
  if (!result.ok) throw new Error(`Die Bench-Einsendung ist ungültig: ${JSON.stringify(result.errors)}`);
  return submission;
}

/** Durable single-row transactions per second with the server's settings, for `seconds`. */
export function sqliteLimit(seconds: number, data: string): { insertsPerSecond: number; rows: number } {
  const dir = mkdtempSync(join(tmpdir(), 'kv-bench-sqlite-'));
  try {
    const db = new DatabaseSync(join(dir, 'limit.sqlite'));
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec(`CREATE TABLE submissions (
      id INTEGER PRIMARY KEY AUTOINCREMENT, reference TEXT NOT NULL UNIQUE, form TEXT NOT NULL,
      received_at TEXT NOT NULL, data TEXT NOT NULL, spam INTEGER NOT NULL DEFAULT 0)`);
    db.exec('CREATE INDEX submissions_by_form ON submissions (form, spam, id)');
    const insert = db.prepare('INSERT INTO submissions (reference, form, received_at, data) VALUES (?, ?, ?, ?)');
    let rows = 0;
    const started = performance.now();
    const end = started + seconds * 1000;
    while (performance.now() < end) {
      db.exec('BEGIN IMMEDIATE');
      insert.run(`KV-2026-${String(rows).padStart(6, '0')}`, 'interesse', new Date().toISOString(), data);
      db.exec('COMMIT');
      rows += 1;
    }
    const elapsed = (performance.now() - started) / 1000;
    db.close();
    return { insertsPerSecond: rows / elapsed, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What autocannon --json prints (the parts used here). */
interface CannonResult {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; sent: number; total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
}

async function autocannon(url: string, origin: string, body: string, connections: number, seconds: number): Promise<CannonResult> {
  const cli = join(ROOT, 'node_modules', 'autocannon', 'autocannon.js');
  const args = [cli, '--json', '--no-progress', '-c', String(connections), '-d', String(seconds), '-m', 'POST', '-I'];
  args.push('-H', 'content-type=application/json', '-H', 'accept=application/json', '-H', `origin=${origin}`, '-b', body, url);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await exited(child);
  if (code !== 0) throw new Error(`autocannon ist mit Exit ${code} beendet worden: ${err.slice(-500)}`);
  return JSON.parse(out) as CannonResult;
}

export interface LoadResult {
  readonly rows: Row[];
  readonly details: Record<string, unknown>;
}

/**
 * Where the server's notification mails go: `sink` a local SMTP server that accepts every mail (as
 * in production, each submission also costs a mail and an outbox update), `off` no SMTP_URL (mails
 * stay in the outbox), `unreachable` a closed port (every attempt fails and is rescheduled).
 */
export type MailMode = 'sink' | 'off' | 'unreachable';

export async function runLoad(options: { connections: number; seconds: number; mail: MailMode; logFile: string; keep?: boolean }): Promise<LoadResult> {
  const { connections, seconds, mail } = options;
  const form = benchForm();
  const submission = interesseSubmission(form);
  const body = JSON.stringify(submission);

  let mails = 0;
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        mails += 1;
        callback();
      });
    },
  });
  // A client that drops its connection (the server shutting down) must not end the benchmark.
  sink.on('error', () => undefined);
  await new Promise<void>((done) => sink.listen(0, '127.0.0.1', () => done()));
  const smtpPort = (sink.server.address() as AddressInfo).port;
  const smtpUrl = mail === 'sink' ? `smtp://127.0.0.1:${smtpPort}` : mail === 'unreachable' ? `smtp://127.0.0.1:${await freePort()}` : '';

  const limitSeconds = Math.min(3, seconds);
  console.error(`▶ node:sqlite limit before the load (${limitSeconds} s)`);
  const limitBefore = sqliteLimit(limitSeconds, JSON.stringify(submission));

  const dataDir = mkdtempSync(join(tmpdir(), 'kv-bench-load-'));
  try {
    const server = await startServer({
      dataDir,
      logFile: options.logFile,
      env: { FORM_RATE_LIMIT: '100000', SMTP_URL: smtpUrl },
    });
    const url = `${server.origin}/f/${form.name}`;
    let warm = 0;
    let cannon: CannonResult;
    let peakRss = 0;
    let serverCpu = 0;
    try {
      // Warm-up: 200 sequential submissions (JIT, SQLite pages, SMTP connection); also proves the
      // submission is accepted before the load starts.
      for (let i = 0; i < 200; i++) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', origin: server.origin },
          body: body.replace('[<id>]', `warm-${i}`),
        });
        const answer = await response.text();
        if (response.status !== 200 || !answer.includes('"next"')) throw new Error(`Die Einsendung wurde abgelehnt (${response.status}): ${answer.slice(0, 300)}`);
        warm += 1;
      }
      console.error(`▶ autocannon -c ${connections} -d ${seconds} POST ${url}`);
      const cpuBefore = cpuMs(server.pid);
      cannon = await autocannon(url, server.origin, body, connections, seconds);
      server.assertAlive();
      serverCpu = cpuMs(server.pid) - cpuBefore;
      peakRss = server.peakRss();
    } finally {
      await server.stop();
    }

    const db = new DatabaseSync(join(dataDir, 'submissions.sqlite'), { readOnly: true });
    const stored = Number((db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE form = ? AND spam = 0').get(form.name) as { n: number }).n);
    const outbox = Number((db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n);
    db.close();

    console.error(`▶ node:sqlite limit after the load (${limitSeconds} s)`);
    const limitAfter = sqliteLimit(limitSeconds, JSON.stringify(submission));
    // Measured right before and right after the load, so a disk that is busier or quieter during
    // the run (a shared machine) skews the ratio less; the ratio uses the mean.
    const limit = { insertsPerSecond: (limitBefore.insertsPerSecond + limitAfter.insertsPerSecond) / 2, before: limitBefore, after: limitAfter };
    const ok = cannon['2xx'];
    const answered = ok + cannon.non2xx;
    const abandoned = Math.max(0, cannon.requests.sent - answered);
    const duringRun = stored - warm;
    const extra = duringRun - ok;
    const throughput = ok / cannon.duration;
    const ratio = throughput / limit.insertsPerSecond;

    const section = `Form backend under load — autocannon -c ${connections} -d ${seconds}, POST /f/${form.name} (JSON), server/start.ts, mail: ${mail}`;
    const subject = `C = ${connections}, T = ${seconds} s`;
    const atTarget = connections === LOAD_TARGET.connections;
    const rows: Row[] = [
      { section, subject, figure: 'Throughput (2xx)', value: `${count(throughput)} req/s (${count(ok)} in ${cannon.duration} s)`, target: '', verdict: 'INFO', number: throughput },
      {
        section,
        subject,
        figure: 'Latency p50',
        value: ms(cannon.latency.p50),
        target: '',
        verdict: 'INFO',
        number: cannon.latency.p50,
      },
      {
        section,
        subject,
        figure: 'Latency p99',
        value: `${ms(cannon.latency.p99)} (max ${ms(cannon.latency.max)})`,
        target: `< ${LOAD_TARGET.p99Ms} ms${atTarget ? '' : ' at C = 20'}`,
        verdict: atTarget ? verdict(cannon.latency.p99 < LOAD_TARGET.p99Ms) : 'INFO',
        number: cannon.latency.p99,
      },
      {
        section,
        subject,
        figure: 'Errors / timeouts / non-2xx',
        value: `${cannon.errors} / ${cannon.timeouts} / ${cannon.non2xx}`,
        target: '0 / 0 / 0',
        verdict: verdict(cannon.errors === 0 && cannon.timeouts === 0 && cannon.non2xx === 0),
      },
      {
        section,
        subject,
        figure: 'Stored rows = 2xx answers',
        value:
          extra === 0
            ? `${count(duringRun)} rows = ${count(ok)} 2xx`
            : `${count(duringRun)} rows = ${count(ok)} 2xx + ${extra} cut off in flight (≤ ${abandoned})`,
        target: 'every 2xx stored, nothing else',
        verdict: verdict(extra >= 0 && extra <= abandoned && outbox === stored),
        number: duringRun,
      },
      {
        section,
        subject,
        figure: 'Mails delivered to the SMTP sink',
        value: mail === 'sink' ? `${count(mails)} of ${count(stored)} (rest stays in the outbox)` : `none (--mail=${mail})`,
        target: '',
        verdict: 'INFO',
        number: mails,
      },
      {
        section,
        subject: 'node:sqlite, no HTTP',
        figure: 'Limit: 1 row/txn, WAL, sync=FULL',
        value: `${count(limit.insertsPerSecond)} inserts/s (before ${count(limitBefore.insertsPerSecond)}, after ${count(limitAfter.insertsPerSecond)})`,
        target: '',
        verdict: 'INFO',
        number: limit.insertsPerSecond,
      },
      {
        section,
        subject,
        figure: 'Backend / physical limit',
        value: `${(ratio * 100).toFixed(0)} %`,
        target: `≥ ${LOAD_TARGET.ratio * 100} %`,
        verdict: atTarget ? verdict(ratio >= LOAD_TARGET.ratio) : 'INFO',
        number: ratio,
      },
      {
        section,
        subject,
        figure: 'Server CPU per answer',
        value: `${ms(serverCpu / Math.max(1, answered))} (user+sys, incl. outbox; 1 fsync ≈ ${ms(1000 / limit.insertsPerSecond)})`,
        target: '',
        verdict: 'INFO',
        number: serverCpu / Math.max(1, answered),
      },
      { section, subject, figure: 'Server peak RSS', value: bytes(peakRss), target: '', verdict: 'INFO', number: peakRss },
    ];
    return {
      rows,
      details: { autocannon: cannon, warmup: warm, stored, outbox, mails, abandoned, sqliteLimit: limit, throughput, ratio, serverCpuMs: serverCpu, peakRssBytes: peakRss },
    };
  } finally {
    await new Promise<void>((done) => sink.close(() => done()));
    if (options.keep) console.error(`DATA_DIR bleibt erhalten: ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}
