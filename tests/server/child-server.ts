/**
 * The real server as a child process (scripts/lib/server-process.ts), for the tests that kill,
 * stop or starve it: on the fixture build, backend only, its output collected.
 */
import { readMetrics } from '../../scripts/lib/admin-client.ts';
import { compiledServer, startServerProcess, type ServerProcess } from '../../scripts/lib/server-process.ts';
import { FIXTURE_DIST } from './helpers.ts';

export type ChildServer = ServerProcess;

/**
 * Starts the server the fixture build compiled (dist-fixtures-server/start.js) with the given
 * environment on a free port and waits until /healthz answers (with any status: a server without
 * storage answers 503). DIST_DIR defaults to the fixture build, served as the backend only
 * (SERVE_SITE=false), LOG_LEVEL to info; nothing is read from .env.
 */
export function startServer(env: Record<string, string>, wrap: readonly string[] = []): Promise<ChildServer> {
  return startServerProcess({
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      ...(env['DIST_DIR'] === undefined ? { DIST_DIR: FIXTURE_DIST, SERVE_SITE: 'false' } : {}),
      LOG_LEVEL: 'info',
      FORM_RATE_LIMIT: '100000',
      ...env,
    },
    script: compiledServer(FIXTURE_DIST),
    wrap,
  });
}

/** A script of the server the fixture build compiled (purge, backup, migrate-store), absolute. */
export const fixtureScript = (name: 'start' | 'purge' | 'backup' | 'migrate-store' | 'admin'): string => compiledServer(FIXTURE_DIST, name);

/** The admin login and the /metrics token the child servers of the fault tests are started with. */
export const CHILD_ADMIN = { ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'fault-test-geheim-4711', METRICS_TOKEN: 'fault-test-metriken-0123456789abcdef' } as const;

/** Settings for a mail server that is down at `smtpPort`: quick retries, /metrics readable. */
export function smtpOutageEnv(smtpPort: number): Record<string, string> {
  return { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, OUTBOX_POLL_MS: '100', OUTBOX_RETRY_BASE_MS: '100', OUTBOX_RETRY_MAX_MS: '400', ...CHILD_ADMIN };
}

/** One value of the server's /metrics (Prometheus text format), e. g. kv_outbox_pending. */
export async function metric(base: string, name: string): Promise<number> {
  return (await readMetrics(base, CHILD_ADMIN, [name]))[name] ?? 0;
}
