/**
 * The table rows of the load benchmark for one store (scripts/bench/load.ts measures, this file
 * says what the numbers mean against the targets of issue 10).
 */
import type { CannonResult } from './load-tools.ts';
import { bytes, count, ms, verdict, type Row } from './report.ts';

const LOAD_TARGET = { vsSingleRow: 1, vsBare: 0.3, p99Ms: 20, connections: 20, mailsPerSecond: 200 } as const;

export interface StoreMeasurement {
  readonly kind: 'sqlite' | 'postgres';
  readonly connections: number;
  readonly seconds: number;
  readonly mail: string;
  readonly cannon: CannonResult;
  readonly warm: number;
  /** Submissions in the store afterwards (warm-up included). */
  readonly stored: number;
  readonly serverCpuMs: number;
  readonly peakRss: number;
  /** kv_store_commits_total and kv_store_committed_submissions_total before and after the load. */
  readonly commits: { readonly before: Record<string, number>; readonly after: Record<string, number> };
  /** The outbox after the load: its backlog, how long it took to send it and at what rate; the rate during the load. */
  readonly drain: { readonly backlog: number; readonly seconds: number; readonly mailsPerSecond: number; readonly duringLoad: number; readonly drained: boolean };
  readonly bareRate: number;
  /** One submission per durable transaction, before and after the load. */
  readonly limit: { readonly before: number; readonly after: number };
}

export function loadRows(m: StoreMeasurement): { rows: Row[]; details: Record<string, unknown> } {
  const { cannon } = m;
  const name = m.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const section = `Form backend under load, ${name} — autocannon -c ${m.connections} -d ${m.seconds}, POST /f/<form> (JSON), dist-server/start.js, mail: ${m.mail}`;
  const subject = `${name}, C = ${m.connections}`;
  const atTarget = m.connections === LOAD_TARGET.connections;
  const ok = cannon['2xx'];
  const answered = ok + cannon.non2xx;
  const abandoned = Math.max(0, cannon.requests.sent - answered);
  const duringRun = m.stored - m.warm;
  const extra = duringRun - ok;
  const throughput = ok / cannon.duration;
  // Measured right before and right after the load, so a disk that is busier or quieter during
  // the run (a shared machine) skews the ratio less; the ratio uses the mean.
  const limit = (m.limit.before + m.limit.after) / 2;
  const vsSingleRow = throughput / limit;
  const vsBare = throughput / m.bareRate;
  const delta = (key: string): number => (m.commits.after[key] ?? 0) - (m.commits.before[key] ?? 0);
  const rowsPerCommit = delta('kv_store_committed_submissions_total') / Math.max(1, delta('kv_store_commits_total'));
  const cpuPerAnswer = m.serverCpuMs / Math.max(1, answered);
  const row = (figure: string, value: string, target = '', v: Row['verdict'] = 'INFO', number?: number): Row => ({
    section,
    subject,
    figure,
    value,
    target,
    verdict: v,
    ...(number === undefined ? {} : { number }),
  });
  const rows: Row[] = [
    row('Answers/s (2xx)', `${count(throughput)} req/s (${count(ok)} in ${cannon.duration} s)`, '', 'INFO', throughput),
    row('Latency p50', ms(cannon.latency.p50), '', 'INFO', cannon.latency.p50),
    row(
      'Latency p99',
      `${ms(cannon.latency.p99)} (max ${ms(cannon.latency.max)})`,
      `< ${LOAD_TARGET.p99Ms} ms${atTarget ? '' : ' at C = 20'}`,
      atTarget ? verdict(cannon.latency.p99 < LOAD_TARGET.p99Ms) : 'INFO',
      cannon.latency.p99,
    ),
    row('Errors / timeouts / non-2xx', `${cannon.errors} / ${cannon.timeouts} / ${cannon.non2xx}`, '0 / 0 / 0', verdict(cannon.errors === 0 && cannon.timeouts === 0 && cannon.non2xx === 0)),
    row(
      'Stored rows = 2xx answers',
      extra === 0 ? `${count(duringRun)} rows = ${count(ok)} 2xx` : `${count(duringRun)} rows = ${count(ok)} 2xx + ${extra} cut off in flight (≤ ${abandoned})`,
      'every 2xx stored, nothing else',
      verdict(extra >= 0 && extra <= abandoned),
      duringRun,
    ),
    row('Submissions per commit (group commit)', rowsPerCommit.toFixed(1), '', 'INFO', rowsPerCommit),
    row('Server CPU per answer', `${ms(cpuPerAnswer)} (user+sys, incl. outbox)`, '', 'INFO', cpuPerAnswer),
    row(
      'Limit: 1 submission per durable txn',
      `${count(limit)} txn/s (before ${count(m.limit.before)}, after ${count(m.limit.after)}; 1 commit ≈ ${ms(1000 / limit)})`,
      '',
      'INFO',
      limit,
    ),
    row('Answers/s vs 1 submission per txn', `${(vsSingleRow * 100).toFixed(0)} %`, `≥ ${LOAD_TARGET.vsSingleRow * 100} %`, atTarget ? verdict(vsSingleRow >= LOAD_TARGET.vsSingleRow) : 'INFO', vsSingleRow),
    row('Answers/s vs bare Fastify route', `${(vsBare * 100).toFixed(0)} % (bare ${count(m.bareRate)} req/s)`, `≥ ${LOAD_TARGET.vsBare * 100} %`, atTarget ? verdict(vsBare >= LOAD_TARGET.vsBare) : 'INFO', vsBare),
  ];
  if (m.mail === 'sink') {
    rows.push(
      row(
        'Mails/s to the SMTP sink',
        m.drain.backlog === 0
          ? `${count(m.drain.mailsPerSecond)} mails/s during the load, no backlog after it`
          : `${count(m.drain.mailsPerSecond)} mails/s after the load: ${m.drain.drained ? `backlog of ${count(m.drain.backlog)} sent` : `${count(m.drain.mailsPerSecond * m.drain.seconds)} of a backlog of ${count(m.drain.backlog)} sent`} in ${m.drain.seconds.toFixed(1)} s (during the load ${count(m.drain.duringLoad)}/s)`,
        `≥ ${LOAD_TARGET.mailsPerSecond}/s`,
        verdict(m.drain.mailsPerSecond >= LOAD_TARGET.mailsPerSecond),
        m.drain.mailsPerSecond,
      ),
    );
  }
  rows.push(row('Server peak RSS', bytes(m.peakRss), '', 'INFO', m.peakRss));
  return {
    rows,
    details: { autocannon: cannon, warmup: m.warm, stored: m.stored, abandoned, limit: m.limit, throughput, vsSingleRow, vsBare, rowsPerCommit, serverCpuMs: m.serverCpuMs, peakRssBytes: m.peakRss, drain: m.drain },
  };
}
