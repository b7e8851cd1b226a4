/**
 * The form server as a Fastify app: `buildApp(config)` wires storage, outbox, security headers,
 * the Formspree-compatible endpoint, the admin area and (optionally) the built site in dist/.
 * Tests call it with a temporary DATA_DIR and use `app.inject`; server/start.ts listens with it.
 */
import { RATE_LIMIT_WINDOW_MS } from '../src/lib/processing.ts';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import { HSTS, IMMUTABLE_ASSETS, securityHeaders } from '../policy/headers.ts';
import { isUnservedPath } from '../policy/manifest.ts';
import type { FormRegistry } from '../src/forms/index.ts';
import { serverStrings } from '../src/strings/server.ts';
import { adminRoutes } from './admin.ts';
import { readBuiltSite } from './built-site.ts';
import { BODY_LIMIT, type ServerConfig } from './config.ts';
import { openResilientStore, storageErrorReason, type ResilientStore } from './db.ts';
import { createOutbox, createTransport, type Outbox } from './mail.ts';
import { purgeExpiredSubmissions } from './retention.ts';
import { createPageRenderer } from './pages/render.tsx';
import { submissionRoutes } from './submissions.ts';

declare module 'fastify' {
  interface FastifyInstance {
    store: ResilientStore;
    outbox: Outbox;
    forms: FormRegistry;
  }
}

export interface BuildOptions {
  /** A mail transport to use instead of SMTP_URL (null: none). */
  readonly transport?: Transporter | null;
  /** Start the outbox worker when the app is ready (default true). */
  readonly startOutbox?: boolean;
}

/** Logs carry method, path and status only: no bodies, no query strings, no addresses. */
function loggerOptions(level: string): Exclude<FastifyServerOptions['logger'], undefined | boolean> {
  return {
    level,
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        id: request.id,
        method: request.method,
        path: String(request.url).split('?')[0],
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

export async function buildApp(config: ServerConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  // First: a server whose settings differ from the build's does not start at all.
  const { distDir, scriptHashes } = readBuiltSite(config);
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    // A hop count becomes a function, the form Fastify's types accept.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: BODY_LIMIT,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });

  // Opened on first use: with an unusable DATA_DIR the site is still served and /healthz says why.
  const store = openResilientStore(config.dataDir);
  app.addHook('onClose', async () => store.close());
  const forms = config.forms;
  const purge = (): void => {
    try {
      const { spam, expired } = purgeExpiredSubmissions(store, config);
      if (spam + expired > 0) app.log.info({ spam, expired }, 'Einsendungen nach Ablauf der Speicherdauer gelöscht');
    } catch (error) {
      app.log.error({ reason: storageErrorReason(error) }, 'Löschen nach Ablauf der Speicherdauer fehlgeschlagen: Speicher nicht verfügbar');
    }
  };
  purge();
  const purgeTimer = setInterval(purge, 6 * 3_600_000);
  purgeTimer.unref();
  app.addHook('onClose', async () => clearInterval(purgeTimer));

  const transport = options.transport === undefined ? createTransport(config.smtpUrl) : options.transport;
  const outbox = createOutbox({
    store,
    forms,
    transport,
    config: config.outbox,
    log: app.log,
    settings: {
      from: config.mailFrom,
      to: config.notifyTo,
      portalName: config.portalName,
      messageIdDomain: new URL(config.siteUrl).hostname || 'localhost',
    },
  });
  app.decorate('store', store);
  app.decorate('outbox', outbox);
  app.decorate('forms', forms);
  if (options.startOutbox !== false) app.addHook('onReady', async () => outbox.start());
  app.addHook('preClose', async () => outbox.stop());

  if (config.distDir !== null && distDir === null) app.log.warn('dist/ fehlt: es wird nur das Formular-Backend bedient');
  const pages = createPageRenderer(distDir, { portalName: config.portalName, postfach: config.postfach });

  // The same headers as static hosting (policy/headers.ts), on every response. HSTS when the
  // site is HTTPS, or when a trusted proxy says the request came over HTTPS.
  const https = config.siteUrl.startsWith('https:');
  const headers = securityHeaders({
    scriptHashes,
    formOrigins: [...config.allowedOrigins, ...(config.formEndpointOrigin === null ? [] : [config.formEndpointOrigin])].filter(
      (origin) => origin !== config.siteUrl,
    ),
    https,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(headers);
    if (!https && request.protocol === 'https') reply.header('Strict-Transport-Security', HSTS);
  });

  await app.register(rateLimit, { global: false });

  // Writes to the database (a no-op commit), so a full disk or an unusable DATA_DIR shows here.
  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const storage = store.health();
    if (!storage.ok) {
      app.log.error({ reason: storage.reason }, 'Speicher nicht verfügbar');
      return reply.code(503).send({ status: 'error', storage: 'unavailable', reason: storage.reason });
    }
    let pendingMails: number | null = null;
    try {
      pendingMails = store.pendingMailCount();
    } catch {
      // failed between the two calls: the next check reports it
    }
    return reply.send({ status: 'ok', schemaVersion: store.schemaVersion, pendingMails });
  });

  await app.register(submissionRoutes, { prefix: '/f', config, forms, store, outbox, pages });

  if (config.adminPassword !== '') {
    await app.register(async (admin) => {
      await admin.register(rateLimit, { global: true, max: 60, timeWindow: RATE_LIMIT_WINDOW_MS });
      await adminRoutes(admin, { config, forms, store, pages });
    });
  }

  if (distDir !== null) {
    await app.register(fastifyStatic, {
      root: distDir,
      // The build's files for servers (manifest, frame, static-hosting headers) are not pages.
      allowedPath: (pathName) => !isUnservedPath(pathName),
      wildcard: true,
      index: ['index.html'],
      redirect: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes(`${join('/', '_astro')}/`) ? IMMUTABLE_ASSETS : 'no-cache');
      },
    });
    const has404 = existsSync(join(distDir, '404.html'));
    app.setNotFoundHandler((request, reply) => {
      if (has404 && (request.method === 'GET' || request.method === 'HEAD')) {
        return reply.code(404).header('cache-control', 'no-cache').sendFile('404.html');
      }
      return reply.code(404).type('text/plain; charset=utf-8').send(serverStrings.notFound);
    });
  }

  return app;
}
