/**
 * The form server as a Fastify app: `buildApp(config)` wires storage, outbox, security headers,
 * the Formspree-compatible endpoint, the admin area and (optionally) the built site in dist/.
 * Tests call it with a temporary DATA_DIR and use `app.inject`; server/cli/start.ts listens with it.
 */
import { RATE_LIMIT_WINDOW_MS } from '../../shared/lib/processing.ts';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import { editingUiHeaders, HSTS, IMMUTABLE_ASSETS, isEditingUiPath, securityHeaders } from '../../policy/headers.ts';
import { isUnservedPath } from '../../policy/manifest.ts';
import type { FormRegistry } from '../../shared/forms/index.ts';
import { serverStrings } from '../strings/server.ts';
import { adminRoutes } from '../admin/routes.ts';
import { readBuiltSite } from './built-site.ts';
import { BODY_LIMIT, type ServerConfig } from '../config.ts';
import { clientKey } from './client-key.ts';
import { capConnectionsPerAddress, serverTimeouts } from './http-limits.ts';
import { LoginThrottle } from '../admin/login-throttle.ts';
import { createMetrics, metricsRoute, timeRequests, type Metrics } from './metrics.ts';
import { loggerOptions, OneLinePerRequest } from './request-log.ts';
import { createOutbox, createTransport, type Outbox } from '../mail/outbox.ts';
import { createPageRenderer } from '../pages/render.tsx';
import { purgeExpiredSubmissions } from '../store/retention.ts';
import { openServerStore, storageErrorReason, type ResilientStore } from '../store/index.ts';
import { FALLBACK_IGNORED, NO_ACCOUNT, Sessions } from '../admin/sessions.ts';
import { statusPageRoute } from './status-page.ts';
import { submissionRoutes } from './submissions.ts';

declare module 'fastify' {
  interface FastifyInstance {
    store: ResilientStore;
    outbox: Outbox;
    forms: FormRegistry;
    metrics: Metrics;
  }
}

export interface BuildOptions {
  /** A mail transport to use instead of SMTP_URL (null: none). */
  readonly transport?: Transporter | null;
  /** Start the outbox worker when the app is ready (default true). */
  readonly startOutbox?: boolean;
  /** The clock of the admin sessions and the status links (milliseconds since 1970); tests pass their own. */
  readonly now?: () => number;
}

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

export async function buildApp(config: ServerConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  // First: a server whose settings differ from the build's does not start at all.
  const { distDir, scriptHashes, styleHashes, editingUiOrigins } = readBuiltSite(config);
  // The security headers of every response (set below, before the first request).
  let headers: Record<string, string> = {};
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    // A hop count becomes a function, the form Fastify's types accept.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: BODY_LIMIT,
    forceCloseConnections: 'idle',
    logController: new OneLinePerRequest(),
    return503OnClosing: true,
    // A URL Fastify cannot route (GET /%, a parameter too long) is answered before any hook runs:
    // with the same headers as every response, and a fixed text that never echoes the path.
    frameworkErrors: (error, _request, frameworkReply) => {
      const status = error.statusCode ?? 400;
      const reply = frameworkReply as FastifyReply;
      return reply
        .code(status)
        .headers(headers)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(status >= 500 ? serverStrings.internalError : serverStrings.badRequest);
    },
    ...serverTimeouts(config.http),
  });
  if (!capConnectionsPerAddress(app.server, config.http.connectionsPerAddress, config.trustProxy) && typeof config.trustProxy === 'number') {
    app.log.info('CONNECTIONS_PER_ADDRESS gilt nicht: mit TRUST_PROXY als Zahl kommt jede Verbindung vom Proxy');
  }

  // Opened on first use: with an unusable DATA_DIR or database the site is still served and /healthz says why.
  let metrics: Metrics | null = null;
  const store = openServerStore(config, {
    onCommit: (n) => {
      metrics?.commits.inc();
      metrics?.committedSubmissions.inc(n);
    },
    onError: (error) => metrics?.storageErrors.inc({ reason: error.reason }),
  });
  const loginThrottle = new LoginThrottle();
  const clock = options.now ?? Date.now;
  const sessions = new Sessions({
    store,
    fallback: config.adminPassword === '' ? null : { user: config.adminUser, password: config.adminPassword },
    log: app.log,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  metrics = createMetrics(store, loginThrottle);
  timeRequests(app, metrics);
  app.addHook('onClose', async () => store.close());
  const forms = config.forms;
  const purge = async (): Promise<void> => {
    try {
      const { spam, expired } = await purgeExpiredSubmissions(store, config);
      if (spam + expired > 0) app.log.info({ spam, expired }, 'Einsendungen nach Ablauf der Speicherdauer gelöscht');
      const sessionsEnded = await sessions.purge();
      if (sessionsEnded > 0) app.log.info({ sessionsEnded }, 'Abgelaufene Anmeldungen an der Verwaltung gelöscht');
    } catch (error) {
      app.log.error({ reason: storageErrorReason(error) }, 'Löschen nach Ablauf der Speicherdauer fehlgeschlagen: Speicher nicht verfügbar');
    }
  };
  const purgeTimer = setInterval(() => void purge(), 6 * 3_600_000);
  purgeTimer.unref();
  app.addHook('onClose', async () => clearInterval(purgeTimer));
  app.addHook('onReady', purge);

  const transport = options.transport === undefined ? createTransport(config.smtpUrl) : options.transport;
  const outbox = createOutbox({
    store,
    forms,
    transport,
    config: config.outbox,
    log: app.log,
    events: {
      onSent: (n) => metrics?.mailsSent.inc(n),
      onFailure: (reason) => metrics?.mailFailures.inc({ reason }),
    },
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
  app.decorate('metrics', metrics);
  if (options.startOutbox !== false) app.addHook('onReady', async () => outbox.start());
  app.addHook('preClose', async () => outbox.stop());

  if (config.serveSite && distDir === null) app.log.warn(`${config.distDir} fehlt: es wird nur das Formular-Backend bedient`);
  const pages = createPageRenderer(config.serverDir, { portalName: config.portalName, postfach: config.postfach });

  // The same headers as static hosting (policy/headers.ts), on every response. HSTS when the
  // site is HTTPS, or when a trusted proxy says the request came over HTTPS.
  const https = config.siteUrl.startsWith('https:');
  headers = securityHeaders({
    scriptHashes,
    styleHashes,
    formOrigins: [...config.allowedOrigins, ...(config.formEndpointOrigin === null ? [] : [config.formEndpointOrigin])].filter(
      (origin) => origin !== config.siteUrl,
    ),
    https,
  });
  // The editing UI (/redaktion/) has its own: the git host, the sign-in pop-up, never indexed.
  const editingUi = editingUiHeaders({ scriptHashes, gitOrigins: editingUiOrigins, https });
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(isEditingUiPath(request.url.split('?')[0] ?? '') ? editingUi : headers);
    if (!https && request.protocol === 'https') reply.header('Strict-Transport-Security', HSTS);
  });

  // Pages carry their stylesheet inline (about 18 KB): compressed, they cost a reader 4–5 KB. Brotli
  // at the library's quality 4 or gzip, whichever the browser asks for; small answers stay as they are.
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(rateLimit, { global: false });

  // Whether submissions can be stored: the outcome of the last write, or a no-op commit when
  // nothing was written for a few seconds. Public, so only ok or not: why goes to the log and to
  // /metrics (kv_storage_available, kv_storage_errors_total by reason), behind METRICS_TOKEN.
  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const storage = await store.health();
    if (!storage.ok) {
      app.log.error({ reason: storage.reason }, 'Speicher nicht verfügbar');
      return reply.code(503).send({ status: 'error' });
    }
    return reply.send({ status: 'ok' });
  });

  await app.register(submissionRoutes, { prefix: '/f', config, forms, store, outbox, pages, metrics });

  const perClient = { global: true, max: 60, timeWindow: RATE_LIMIT_WINDOW_MS, keyGenerator: (request: FastifyRequest) => clientKey(request.ip) };
  if (config.deployment.ADMIN_AREA) {
    // Says at start who can sign in: ADMIN_PASSWORD only while the store has no account.
    app.addHook('onReady', async () => {
      const accounts = await store.countAccounts().catch(() => null);
      if (accounts === null) return;
      if (accounts > 0 && config.adminPassword !== '') app.log.warn(FALLBACK_IGNORED);
      if (accounts === 0 && config.adminPassword === '') app.log.warn(NO_ACCOUNT);
    });
    await app.register(async (admin) => {
      await admin.register(rateLimit, perClient);
      await adminRoutes(admin, { config, sessions, forms, store, pages, throttle: loginThrottle, metrics, now: clock });
    });
    // The authorities' status pages: public, rate-limited per client like the admin area.
    await app.register(async (status) => {
      await status.register(rateLimit, perClient);
      statusPageRoute(status, { config, store, pages, now: clock });
    });
  }
  if (config.metricsToken !== '') {
    await app.register(async (scrapers) => {
      await scrapers.register(rateLimit, perClient);
      metricsRoute(scrapers, metrics, config.metricsToken);
    });
  }

  if (distDir !== null) {
    await app.register(fastifyStatic, {
      root: distDir,
      // dist/_headers is for static hosts, not a page.
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
