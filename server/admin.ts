/**
 * The admin area for d-NRW: GET /admin/ lists the submissions of every form, GET /admin/<form>.csv
 * and /admin/<form>.xlsx export one form. HTTP Basic auth with ADMIN_USER/ADMIN_PASSWORD, compared in constant time;
 * without a configured password these routes are not registered at all (404). Failed logins are
 * throttled by server/login-throttle.ts: after CLIENT_LOGIN_LIMIT of them from one client (an IPv4
 * address or an IPv6 /64) within ADMIN_FAILURE_WINDOW_MS, that client gets 429 until the window has
 * passed, even with the right password; past many failures of one account or of all clients,
 * every login is slowed.
 */
import basicAuth from '@fastify/basic-auth';
import type { FastifyInstance } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FormRegistry } from '../src/forms/index.ts';
import type { ServerConfig } from './config.ts';
import { PassThrough } from 'node:stream';
import { clientKey } from './client-key.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { Metrics } from './metrics.ts';
import { submissionsCsv } from './csv.ts';
import { exportSource } from './export-rows.ts';
import { viewOfStored } from './stored-forms.ts';
import { writeSubmissionsXlsx } from './xlsx.ts';
import { adminStrings as s } from '../src/strings/admin.ts';
import { serverStrings } from '../src/strings/server.ts';
import { adminPage } from './pages/Admin.tsx';
import { messagePage } from './pages/Message.tsx';
import type { PageRenderer } from './pages/render.tsx';
import { errorFields } from './request-log.ts';
import { StorageUnavailable, storageErrorReason, type Store } from './store/index.ts';
import { fill } from '../src/strings/template.ts';

/** Compares two secrets in constant time, whatever their lengths. */
export function safeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The user name of a Basic authorization header, or null when it has none. */
function accountOf(authorization: string): string | null {
  const match = /^Basic\s+(\S+)$/i.exec(authorization);
  if (match === null) return null;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? null : decoded.slice(0, colon).slice(0, 200);
}

/** Seconds a second export is asked to wait while one runs. */
export const EXPORT_RETRY_AFTER_S = 30;

/** Submissions per form on one page of the admin list. */
export const ADMIN_PAGE_SIZE = 50;

export interface AdminOptions {
  readonly config: ServerConfig;
  /** Failed logins per client, per account and over all (server/login-throttle.ts). */
  readonly throttle: LoginThrottle;
  readonly metrics: Metrics;
  readonly forms: FormRegistry;
  readonly store: Store;
  readonly pages: PageRenderer;
}

export async function adminRoutes(app: FastifyInstance, { config, forms, store, pages, throttle, metrics }: AdminOptions): Promise<void> {
  await app.register(basicAuth, {
    authenticate: { realm: s.realm },
    validate: async (username, password) => {
      const userOk = safeEqual(username, config.adminUser);
      const passwordOk = safeEqual(password, config.adminPassword);
      if (!(userOk && passwordOk)) throw new Error('Anmeldung fehlgeschlagen');
    },
  });

  app.addHook('onRequest', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-robots-tag', 'noindex, nofollow');
  });
  app.addHook('onRequest', async (request, reply) => {
    const waitMs = throttle.blockedFor(clientKey(request.ip));
    if (waitMs === 0) {
      // Past many failures (of this account, or of all), logins are let through one at a time.
      if (request.headers.authorization !== undefined) await throttle.admit(accountOf(request.headers.authorization));
      return;
    }
    request.log.warn('Verwaltung: zu viele fehlgeschlagene Anmeldungen, Adresse vorübergehend gesperrt');
    const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
    return reply
      .code(429)
      .header('retry-after', String(Math.ceil(waitMs / 1000)))
      .type('text/html; charset=utf-8')
      .send(messagePage(pages, { title: s.throttled.title, paragraphs: [fill(s.throttled.text, { minutes })] }));
  });
  app.addHook('onRequest', app.basicAuth);

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 401) {
      // Only a wrong login counts; a request without credentials is the browser asking for them.
      const authorization = request.headers.authorization;
      if (authorization !== undefined) {
        const failedLogins = throttle.recordFailure(clientKey(request.ip), accountOf(authorization));
        metrics.loginFailures.inc();
        request.log.warn({ failedLogins, delayMs: throttle.delayFor(null) }, 'Anmeldung an der Verwaltung fehlgeschlagen');
      } else request.log.info('Verwaltung: Anmeldung angefordert');
      return reply
        .code(401)
        .type('text/html; charset=utf-8')
        .send(messagePage(pages, { title: s.login.title, paragraphs: [s.login.text] }));
    }
    if (status === 429) {
      return reply
        .code(429)
        .type('text/html; charset=utf-8')
        .send(messagePage(pages, { title: s.rateLimited.title, paragraphs: [s.rateLimited.text] }));
    }
    if (error instanceof StorageUnavailable) {
      request.log.error({ reason: error.reason }, 'Verwaltung: Speicher nicht verfügbar');
      return reply.code(503).header('retry-after', '120').type('text/plain; charset=utf-8').send(s.storageUnavailable);
    }
    request.log.error(errorFields(error), 'Fehler in der Verwaltung');
    return reply.code(500).type('text/plain; charset=utf-8').send(serverStrings.internalError);
  });

  app.get('/admin', async (_request, reply) => reply.redirect('/admin/', 301));

  app.get<{ Querystring: { seite?: string } }>('/admin/', async (request, reply) => {
    const requested = Number(request.query.seite ?? '1');
    const page = Number.isSafeInteger(requested) && requested >= 1 ? requested : 1;
    const offset = (page - 1) * ADMIN_PAGE_SIZE;
    // The current forms, then forms the content no longer has but whose submissions are stored.
    const counts = new Map((await store.formCounts()).map((count) => [count.form, count]));
    const orphans = [...counts.values()].filter((count) => count.total > 0 && !forms.has(count.form)).map((count) => count.form);
    const sections = await Promise.all(
      [...forms.keys(), ...orphans].map(async (name) => {
        const { total = 0, spam = 0 } = counts.get(name) ?? {};
        const submissions = total > offset ? await store.listSubmissions(name, { limit: ADMIN_PAGE_SIZE, offset }) : [];
        return { form: viewOfStored(forms, name, submissions), total, submissions, spam };
      }),
    );
    const hasOlder = sections.some((section) => section.total > offset + ADMIN_PAGE_SIZE);
    const outbox = await store.outboxStatus();
    return reply.type('text/html; charset=utf-8').send(adminPage(pages, sections, outbox, { page, hasOlder }));
  });

  // One export at a time per instance: each streams the whole form, and two at once would
  // share the instance's CPU with the public site for twice as long.
  let exporting = false;
  app.get<{ Params: { file: string } }>('/admin/:file', async (request, reply) => {
    const match = /^([a-z0-9-]+)\.(csv|xlsx)$/.exec(request.params.file);
    const name = match?.[1];
    if (name === undefined || !(forms.has(name) || (await store.formCounts()).some((count) => count.form === name && count.total > 0))) {
      return reply.code(404).type('text/plain; charset=utf-8').send(serverStrings.notFound);
    }
    if (exporting) {
      request.log.warn('Export abgewiesen: ein anderer Export läuft');
      return reply
        .code(429)
        .header('retry-after', String(EXPORT_RETRY_AFTER_S))
        .type('text/html; charset=utf-8')
        .send(messagePage(pages, { title: s.exportBusy.title, paragraphs: [s.exportBusy.text] }));
    }
    exporting = true;
    reply.raw.once('close', () => (exporting = false));
    let source;
    try {
      source = await exportSource(store, forms, name);
    } catch (error) {
      exporting = false;
      throw error;
    }
    const { form, total } = source;
    const date = new Date().toISOString().slice(0, 10);
    const started = Date.now();
    const log = (format: string) => () => request.log.info({ form: form.name, rows: total, ms: Date.now() - started }, `${format}-Export`);
    if (match?.[2] === 'xlsx') {
      const out = new PassThrough();
      out.once('finish', log('XLSX'));
      writeSubmissionsXlsx(source, { title: form.submissionName }, out).catch((error: unknown) => {
        request.log.error({ reason: storageErrorReason(error) }, 'XLSX-Export abgebrochen');
        out.destroy(error as Error);
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${form.name}-${date}.xlsx"`)
        .send(out);
    }
    const csv = submissionsCsv(source);
    csv.once('end', log('CSV'));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${form.name}-${date}.csv"`)
      .send(csv);
  });
}
