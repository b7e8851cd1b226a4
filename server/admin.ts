/**
 * The admin area for d-NRW: GET /admin/ lists the submissions of every form, GET /admin/<form>.csv
 * exports one form. HTTP Basic auth with ADMIN_USER/ADMIN_PASSWORD, compared in constant time;
 * without a configured password these routes are not registered at all (404).
 */
import basicAuth from '@fastify/basic-auth';
import type { FastifyInstance } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { FORM_NAMES, isFormName, type FormRegistry } from '../src/forms/index.ts';
import type { ServerConfig } from './config.ts';
import { submissionsCsv } from './csv.ts';
import type { Store } from './db.ts';
import { formatReceivedAt } from './format.ts';
import { renderAdminPage, renderMessagePage, type PageContext } from './html.ts';

/** Compares two secrets in constant time, whatever their lengths. */
export function safeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export interface AdminOptions {
  readonly config: ServerConfig;
  readonly forms: FormRegistry;
  readonly store: Store;
  readonly pageContext: PageContext;
}

export async function adminRoutes(app: FastifyInstance, { config, forms, store, pageContext }: AdminOptions): Promise<void> {
  await app.register(basicAuth, {
    authenticate: { realm: "Verwaltung" },
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
  app.addHook('onRequest', app.basicAuth);

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 401) {
      request.log.warn('Anmeldung an der Verwaltung fehlgeschlagen');
      return reply
        .code(401)
        .type('text/html; charset=utf-8')
        .send(renderMessagePage(pageContext, 'Anmeldung erforderlich', ['Melden Sie sich mit dem Zugang für die Verwaltung an.']));
    }
    request.log.error({ name: error.name }, 'Fehler in der Verwaltung');
    return reply.code(500).type('text/plain; charset=utf-8').send('Interner Fehler');
  });

  app.get('/admin', async (_request, reply) => reply.redirect('/admin/', 301));

  app.get('/admin/', async (_request, reply) => {
    const sections = FORM_NAMES.map((name) => ({
      form: forms[name],
      submissions: store.listSubmissions(name),
      spam: store.countSpam(name),
    }));
    return reply.type('text/html; charset=utf-8').send(renderAdminPage(pageContext, sections, store.pendingMailCount(), formatReceivedAt));
  });

  app.get<{ Params: { file: string } }>('/admin/:file', async (request, reply) => {
    const match = /^([a-z-]+)\.csv$/.exec(request.params.file);
    const name = match?.[1];
    if (name === undefined || !isFormName(name)) return reply.code(404).type('text/plain; charset=utf-8').send('Nicht gefunden');
    const csv = submissionsCsv(forms[name], store.listSubmissions(name));
    const date = new Date().toISOString().slice(0, 10);
    request.log.info({ form: name }, 'CSV-Export');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}-${date}.csv"`)
      .send(csv);
  });
}
