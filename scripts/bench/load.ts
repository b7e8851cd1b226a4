/**
 * The form backend under load, per store (SQLite in DATA_DIR, PostgreSQL on a temporary server of
 * its own). The real server (the compiled dist-server/start.js, rate limit raised, SMTP to the local sink)
 * runs as one process, autocannon as another, posting valid submissions of the first offer's interest form as JSON the way
 * @formspree/core does. Compared in the same run with two references: the store's durable
 * one-submission-per-transaction rate (its own code and migrations, no HTTP), and a bare Fastify
 * route that parses the same JSON and stores nothing (scripts/bench/bare-server.ts).
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../lib/free-port.ts';
import { createSchema, startPostgres, type PostgresServer } from '../lib/postgres.ts';
import { startServerProcess } from '../lib/server-process.ts';
import { smtpSink } from '../lib/smtp-sink.ts';
import { tempDir } from '../lib/temp-dir.ts';
import { openStore, type StoreLocation } from '../../server/store/index.ts';
import { readMetrics } from '../lib/admin-client.ts';
import { autocannon, BENCH_ADMIN, benchForm, interesseSubmission, singleRowRate, type CannonResult } from './load-tools.ts';
import { loadRows } from './load-rows.ts';
import { cpuMs, startServer } from './processes.ts';
import { count, ms, type Row } from './report.ts';

/**
 * Where the server's notification mails go: `sink` a local SMTP server that accepts every mail (as
 * in production, each submission also costs a mail and an outbox update), `off` no SMTP_URL (mails
 * stay in the outbox), `unreachable` a closed port (every attempt fails and is rescheduled).
 */
export type MailMode = 'sink' | 'off' | 'unreachable';

export interface LoadOptions {
  readonly connections: number;
  readonly seconds: number;
  readonly mail: MailMode;
  /** The server log of store <kind> goes to logFile with `-<kind>` before the extension. */
  readonly logFile: string;
  readonly keep?: boolean;
  /** Sequential submissions before each load (default WARM_UP_POSTS); `--tiny` sends fewer. */
  readonly warmUpPosts?: number;
  /** How long one submission per transaction is measured before and after the load (default: the load's seconds, at most 3). */
  readonly limitSeconds?: number;
}

export interface LoadResult {
  readonly rows: Row[];
  readonly details: Record<string, unknown>;
}

/** Sequential submissions before each load, unless LoadOptions.warmUpPosts says otherwise. */
const WARM_UP_POSTS = 200;

/** How long the bench watches the outbox empty its backlog after the load. */
const DRAIN_SECONDS = 60;

/** What the load posts: the JSON body and the form's path (/f/<form name>). */
interface Posting {
  readonly body: string;
  readonly path: string;
}

const post = (origin: string, path: string, body: string) =>
  fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', origin }, body });

/** `posts` sequential submissions (JIT, pages, connections); proves the submission is accepted. */
async function warmUp(origin: string, { body, path }: Posting, posts: number): Promise<number> {
  for (let i = 0; i < posts; i++) {
    const response = await post(origin, path, body.replace('[<id>]', `warm-${i}`));
    const answer = await response.text();
    if (response.status !== 200 || !answer.includes('"next"')) throw new Error(`Die Einsendung wurde abgelehnt (${response.status}): ${answer.slice(0, 300)}`);
  }
  return posts;
}

/** The bare Fastify route under the same load. */
async function bareRoute(posting: Posting, connections: number, seconds: number, warmUpPosts: number): Promise<CannonResult> {
  const bare = await startServerProcess({ script: 'scripts/bench/bare-server.ts', env: process.env, healthy: true, timeoutMs: 30_000 });
  try {
    await warmUp(bare.base, posting, warmUpPosts);
    return await autocannon(`${bare.base}${posting.path}`, bare.base, posting.body, connections, seconds);
  } finally {
    await bare.stop();
  }
}

export interface StoreSetup {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the server stores. */
  readonly location: StoreLocation;
  /** A second, empty location for the one-row-per-transaction rate. */
  readonly limitLocation: StoreLocation;
  cleanup(): Promise<void>;
}

/** A store of `kind` in a temporary folder (PostgreSQL: a temporary server of its own); also used by the export bench. */
export async function setUpStore(kind: 'sqlite' | 'postgres', keep: boolean): Promise<StoreSetup> {
  const folder = tempDir(`kv-bench-${kind}-`);
  const dir = folder.path;
  let server: PostgresServer | null = null;
  let location: StoreLocation = { dataDir: join(dir, 'data'), databaseUrl: null };
  let limitLocation: StoreLocation = { dataDir: join(dir, 'limit'), databaseUrl: null };
  if (kind === 'postgres') {
    server = await startPostgres();
    const limit = await createSchema(server.url, 'bench_limit');
    location = { ...location, databaseUrl: server.url };
    limitLocation = { ...limitLocation, databaseUrl: limit.url };
  }
  return {
    kind,
    location,
    limitLocation,
    async cleanup() {
      if (keep) console.error(`Bench-Daten bleiben erhalten: ${dir}${server === null ? '' : ` und ${server.dir}`}`);
      else {
        server?.remove();
        folder.remove();
      }
    },
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const form = benchForm();
  const submission = interesseSubmission(form);
  const posting: Posting = { body: JSON.stringify(submission), path: `/f/${form.name}` };
  console.error(`▶ bare Fastify route, autocannon -c ${options.connections} -d ${options.seconds}`);
  const bare = await bareRoute(posting, options.connections, options.seconds, options.warmUpPosts ?? WARM_UP_POSTS);
  const bareRate = bare['2xx'] / bare.duration;
  const rows: Row[] = [];
  const details: Record<string, unknown> = { bare };
  for (const kind of ['sqlite', 'postgres'] as const) {
    const setup = await setUpStore(kind, options.keep ?? false);
    try {
      const result = await loadStore(setup, form.name, submission, posting, bareRate, options);
      rows.push(...result.rows);
      details[kind] = result.details;
    } finally {
      await setup.cleanup();
    }
  }
  const section = `Bare Fastify route (parses the JSON, stores nothing) — autocannon -c ${options.connections} -d ${options.seconds}`;
  rows.push({ section, subject: 'bare route', figure: 'Throughput (2xx)', value: `${count(bareRate)} req/s, p99 ${ms(bare.latency.p99)}`, target: '', verdict: 'INFO', number: bareRate });
  return { rows, details };
}

async function loadStore(
  setup: StoreSetup,
  formName: string,
  submission: Record<string, unknown>,
  posting: Posting,
  bareRate: number,
  options: LoadOptions,
): Promise<LoadResult> {
  const { connections, seconds, mail } = options;
  const limitSeconds = options.limitSeconds ?? Math.min(3, seconds);
  console.error(`▶ ${setup.kind}: one submission per transaction before the load (${limitSeconds} s)`);
  const limitBefore = await singleRowRate(setup.limitLocation, limitSeconds, submission);

  let mails = 0;
  let lastMailAt = 0;
  const sink = smtpSink({ keep: false, onMail: () => ((mails += 1), (lastMailAt = performance.now())) });
  await sink.start();
  const smtpUrl = mail === 'sink' ? sink.url : mail === 'unreachable' ? `smtp://127.0.0.1:${await freePort()}` : '';
  const storeEnv: Record<string, string> = setup.location.databaseUrl === null ? {} : { DATABASE_URL: setup.location.databaseUrl };
  const server = await startServer({
    dataDir: setup.location.dataDir,
    logFile: options.logFile.replace(/(\.\w+)?$/, `-${setup.kind}$1`),
    env: { SERVE_SITE: 'false', FORM_RATE_LIMIT: '100000', SMTP_URL: smtpUrl, ...BENCH_ADMIN, ...storeEnv },
  }).catch(async (error: unknown) => {
    await sink.stop();
    throw error;
  });
  const names = ['kv_store_commits_total', 'kv_store_committed_submissions_total', 'kv_outbox_pending'];
  let cannon: CannonResult;
  let warm: number;
  let serverCpu: number;
  let peakRss: number;
  let drain = { backlog: 0, seconds: 0, mailsPerSecond: 0, duringLoad: 0, drained: true };
  const commits = { before: {} as Record<string, number>, after: {} as Record<string, number> };
  try {
    warm = await warmUp(server.origin, posting, options.warmUpPosts ?? WARM_UP_POSTS);
    commits.before = await readMetrics(server.origin, BENCH_ADMIN, names);
    console.error(`▶ ${setup.kind}: autocannon -c ${connections} -d ${seconds} POST ${server.origin}${posting.path}`);
    const mailsBefore = mails;
    const cpuBefore = cpuMs(server.pid);
    const loadStart = performance.now();
    cannon = await autocannon(`${server.origin}${posting.path}`, server.origin, posting.body, connections, seconds);
    server.assertAlive();
    serverCpu = cpuMs(server.pid) - cpuBefore;
    peakRss = server.peakRss();
    commits.after = await readMetrics(server.origin, BENCH_ADMIN, names);
    if (mail === 'sink') {
      // After the load: how fast the outbox empties its backlog into the sink.
      const loadEnd = performance.now();
      const mailsAtEnd = mails;
      const backlog = commits.after['kv_outbox_pending'] ?? 0;
      let pending = backlog;
      // /metrics is rate-limited like the admin area (60 a minute): look once a second. The rate
      // is measured for at most DRAIN_SECONDS; what is left then goes out after the next start.
      while (pending > 0 && performance.now() - loadEnd < DRAIN_SECONDS * 1000) {
        await sleep(1_000);
        pending = (await readMetrics(server.origin, BENCH_ADMIN, ['kv_outbox_pending']))['kv_outbox_pending'] ?? 0;
      }
      const seconds = Math.max(1e-3, ((pending === 0 ? lastMailAt : performance.now()) - loadEnd) / 1000);
      const during = (mailsAtEnd - mailsBefore) / ((loadEnd - loadStart) / 1000);
      drain = { backlog, seconds, mailsPerSecond: backlog > 0 ? (mails - mailsAtEnd) / seconds : during, duringLoad: during, drained: pending === 0 };
    }
  } finally {
    await server.stop();
    await sink.stop();
  }

  const store = openStore(setup.location);
  const stored = await store.countSubmissions(formName).finally(() => store.close());
  console.error(`▶ ${setup.kind}: one submission per transaction after the load (${limitSeconds} s)`);
  const limitAfter = await singleRowRate(setup.limitLocation, limitSeconds, submission);
  return loadRows({
    kind: setup.kind,
    connections,
    seconds,
    mail,
    cannon,
    warm,
    stored,
    serverCpuMs: serverCpu,
    peakRss,
    commits,
    drain,
    bareRate,
    limit: { before: limitBefore, after: limitAfter },
  });
}
