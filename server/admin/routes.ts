/**
 * The admin area for d-NRW: GET /admin/ lists the Vorgänge and the submissions of every form (one
 * Vorgang: server/admin/vorgaenge.ts), GET /admin/uebersicht shows each offer's rollout in numbers
 * and a chart, GET /admin/<form>.csv
 * and /admin/<form>.xlsx export one form. Only for a signed-in session (server/admin/auth.ts: named
 * accounts, or ADMIN_PASSWORD until one exists); without an admin area (ADMIN_AREA) these routes are
 * not registered at all (404).
 */
import type { FastifyInstance } from 'fastify';
import type { FormRegistry } from '../../shared/forms/index.ts';
import type { ServerConfig } from '../config.ts';
import { PassThrough } from 'node:stream';
import { adminAuth } from './auth.ts';
import { statusOf, vorgangList, vorgangRoutes } from './vorgaenge.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { Metrics } from '../http/metrics.ts';
import { submissionsCsv } from '../export/csv.ts';
import { exportSource } from '../export/export-rows.ts';
import { viewOfStored } from '../store/stored-forms.ts';
import { writeSubmissionsXlsx } from '../export/xlsx.ts';
import { adminStrings as s } from '../../shared/strings/admin.ts';
import { serverStrings } from '../strings/server.ts';
import { offerOverview } from './rollout-overview.ts';
import { adminPage } from '../pages/Admin.tsx';
import { overviewPage } from '../pages/Overview.tsx';
import { adminMessagePage } from '../pages/Message.tsx';
import type { PageRenderer } from '../pages/render.tsx';
import { errorFields } from '../http/request-log.ts';
import type { Sessions } from './sessions.ts';
import { StorageUnavailable, storageErrorReason, type Store } from '../store/index.ts';

/** Seconds a second export is asked to wait while one runs. */
export const EXPORT_RETRY_AFTER_S = 30;

/** Submissions per form on one page of the admin list. */
export const ADMIN_PAGE_SIZE = 50;

export interface AdminOptions {
  readonly config: ServerConfig;
  readonly sessions: Sessions;
  /** Failed logins per client, per account and over all (server/admin/login-throttle.ts). */
  readonly throttle: LoginThrottle;
  readonly metrics: Metrics;
  readonly forms: FormRegistry;
  readonly store: Store;
  readonly pages: PageRenderer;
  /** The clock of the status links (milliseconds since 1970). */
  readonly now: () => number;
}

export async function adminRoutes(app: FastifyInstance, { config, sessions, forms, store, pages, throttle, metrics, now }: AdminOptions): Promise<void> {
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-robots-tag', 'noindex, nofollow');
  });
  await adminAuth(app, { config, sessions, throttle, metrics, pages });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply
        .code(429)
        .type('text/html; charset=utf-8')
        .send(adminMessagePage(pages, { title: s.rateLimited.title, paragraphs: [s.rateLimited.text] }, request.adminSession));
    }
    if (error instanceof StorageUnavailable) {
      request.log.error({ reason: error.reason }, 'Verwaltung: Speicher nicht verfügbar');
      return reply.code(503).header('retry-after', '120').type('text/plain; charset=utf-8').send(s.storageUnavailable);
    }
    request.log.error(errorFields(error), 'Fehler in der Verwaltung');
    return reply.code(500).type('text/plain; charset=utf-8').send(serverStrings.internalError);
  });

  app.get('/admin', async (_request, reply) => reply.redirect('/admin/', 301));
  vorgangRoutes(app, { forms, rollout: config.rollout, store, pages, siteUrl: config.siteUrl, now });

  app.get('/admin/uebersicht', async (request, reply) => {
    const [vorgaenge, history] = await Promise.all([store.listVorgaenge(), store.allHistory()]);
    const sections = [...forms.values()].flatMap((form) => {
      const steps = config.rollout.get(form.name) ?? [];
      if (form.offer === undefined || steps.length === 0) return [];
      const own = vorgaenge.filter((vorgang) => vorgang.form === form.name);
      return [{ form: form.name, titel: form.offer.titel, ...offerOverview(steps, own, history, s.overview.notOffered) }];
    });
    return reply.type('text/html; charset=utf-8').send(overviewPage(pages, sections, request.adminSession));
  });

  app.get<{ Querystring: Record<string, unknown> & { seite?: string } }>('/admin/', async (request, reply) => {
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
    const vorgaenge = vorgangList(forms, config.rollout, await store.listVorgaenge(), request.query);
    return reply.type('text/html; charset=utf-8').send(adminPage(pages, vorgaenge, sections, outbox, { page, hasOlder }, request.adminSession));
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
        .send(adminMessagePage(pages, { title: s.exportBusy.title, paragraphs: [s.exportBusy.text] }, request.adminSession));
    }
    exporting = true;
    reply.raw.once('close', () => (exporting = false));
    let source;
    try {
      source = await exportSource(store, forms, name, { steps: config.rollout.get(name) ?? [], status: (v) => statusOf(config.rollout.get(name) ?? [], v) });
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
