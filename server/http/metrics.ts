/**
 * /metrics in the Prometheus text format (prom-client), for scrapers with METRICS_TOKEN: submissions
 * accepted and rejected per form and code, the outbox backlog and the age of its oldest mail, mail
 * failures, whether the storage is available and its errors by reason, commits, failed admin
 * logins and the login slow-down, and request durations. Each app has its own registry.
 */
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { serverStrings } from '../strings/server.ts';
import { safeEqual } from './safe-equal.ts';
import type { Store } from '../store/index.ts';

export interface Metrics {
  readonly registry: Registry;
  /** result: accepted, spam, or the error code of a refusal (REQUIRED_FIELD_EMPTY, RATE_LIMITED …). */
  readonly submissions: Counter<'form' | 'result'>;
  readonly mailsSent: Counter;
  readonly mailFailures: Counter<'reason'>;
  readonly storageErrors: Counter<'reason'>;
  readonly commits: Counter;
  readonly committedSubmissions: Counter;
  readonly requestDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** Failed logins to the admin area (wrong user or password). */
  readonly loginFailures: Counter;
}

/** What /metrics shows of the login throttle (server/admin/login-throttle.ts). */
export interface LoginThrottleView {
  recentFailures(): number;
  delayFor(account: null): number;
}

export function createMetrics(store: Pick<Store, 'outboxStatus'> & { health(): Promise<{ ok: boolean }> }, logins: LoginThrottleView): Metrics {
  const registry = new Registry();
  const registers = [registry];
  new Gauge({
    name: 'kv_storage_available',
    help: 'Ob Einsendungen gespeichert werden können (1) oder nicht (0), wie /healthz; der Grund steht in kv_storage_errors_total und im Log',
    registers,
    async collect() {
      this.set((await store.health()).ok ? 1 : 0);
    },
  });
  new Gauge({
    name: 'kv_admin_login_failures_recent',
    help: 'Fehlgeschlagene Anmeldungen aller Clients im laufenden Zeitfenster (ab einer Schwelle werden alle Anmeldungen verlangsamt)',
    registers,
    collect() {
      this.set(logins.recentFailures());
    },
  });
  new Gauge({
    name: 'kv_admin_login_delay_seconds',
    help: 'Abstand, in dem Anmeldungen gerade zugelassen werden (0: nicht verlangsamt)',
    registers,
    collect() {
      this.set(logins.delayFor(null) / 1000);
    },
  });
  let status: Promise<{ pending: number; oldestPendingAt: string | null } | null> | null = null;
  /** One store query per scrape for both outbox gauges. */
  const outbox = () => {
    status ??= store
      .outboxStatus()
      .catch(() => null)
      .finally(() => setTimeout(() => (status = null), 100).unref());
    return status;
  };
  new Gauge({
    name: 'kv_outbox_pending',
    help: 'Benachrichtigungen, die noch nicht versendet sind',
    registers,
    async collect() {
      const s = await outbox();
      if (s !== null) this.set(s.pending);
    },
  });
  new Gauge({
    name: 'kv_outbox_oldest_pending_age_seconds',
    help: 'Alter der ältesten noch nicht versendeten Benachrichtigung (0: keine)',
    registers,
    async collect() {
      const s = await outbox();
      if (s !== null) this.set(s.oldestPendingAt === null ? 0 : Math.max(0, (Date.now() - Date.parse(s.oldestPendingAt)) / 1000));
    },
  });
  return {
    registry,
    submissions: new Counter({ name: 'kv_submissions_total', help: 'Einsendungen nach Formular und Ergebnis', labelNames: ['form', 'result'], registers }),
    mailsSent: new Counter({ name: 'kv_mails_sent_total', help: 'Versendete Benachrichtigungen', registers }),
    mailFailures: new Counter({ name: 'kv_mail_failures_total', help: 'Fehlgeschlagene Versandversuche', labelNames: ['reason'], registers }),
    storageErrors: new Counter({ name: 'kv_storage_errors_total', help: 'Fehlgeschlagene Speicherzugriffe', labelNames: ['reason'], registers }),
    commits: new Counter({ name: 'kv_store_commits_total', help: 'Transaktionen mit Einsendungen (Group Commit)', registers }),
    loginFailures: new Counter({ name: 'kv_admin_login_failures_total', help: 'Fehlgeschlagene Anmeldungen an der Verwaltung', registers }),
    committedSubmissions: new Counter({ name: 'kv_store_committed_submissions_total', help: 'In diesen Transaktionen gespeicherte Einsendungen', registers }),
    requestDuration: new Histogram({
      name: 'kv_http_request_duration_seconds',
      help: 'Dauer der Anfragen',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers,
    }),
  };
}

/** Times every request by its route pattern (never the raw URL, so the label set stays small). */
export function timeRequests(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.requestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}

/**
 * GET /metrics for scrapers: `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time; the
 * staff sign-in does not open it. Registered only when METRICS_TOKEN is set.
 */
export function metricsRoute(app: FastifyInstance, metrics: Metrics, token: string): void {
  app.get('/metrics', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!safeEqual(given, token)) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="metrics"').type('text/plain; charset=utf-8').send(serverStrings.metricsUnauthorized);
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
