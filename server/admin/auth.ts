/**
 * Signing in to the admin area and out of it, and what every admin request goes through: its
 * session (server/admin/sessions.ts) from the cookie, a redirect to the sign-in page without one, and the
 * CSRF check of every request that changes something. The cookie is HttpOnly, SameSite=Strict,
 * limited to /admin and Secure when the site is HTTPS (SITE_URL) or a trusted proxy says the request
 * came over HTTPS, as for HSTS. A change sent by a page of another site is refused before anything
 * else, the sign-in included (login CSRF: signing a person in to an attacker's account), by the
 * browser's Origin and Sec-Fetch-Site headers. Failed sign-ins go through the login throttle of
 * server/admin/login-throttle.ts (per client, per account, over all) and count in /metrics.
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminStrings as s } from '../../shared/strings/admin.ts';
import { fill } from '../../shared/strings/template.ts';
import { accountName } from './accounts.ts';
import { clientKey } from '../http/client-key.ts';
import { BODY_LIMIT, type ServerConfig } from '../config.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { Metrics } from '../http/metrics.ts';
import { CSRF_FIELD } from '../pages/AccountBar.tsx';
import { adminMessagePage } from '../pages/Message.tsx';
import type { PageRenderer } from '../pages/render.tsx';
import { signInPage } from '../pages/SignIn.tsx';
import { logWithResponse } from '../http/request-log.ts';
import { safeEqual } from '../http/safe-equal.ts';
import { SESSION_COOKIE, type Session, type Sessions } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session of an admin request, or null. */
    adminSession: Session | null;
  }
}

/** The sign-in page, the one admin address that needs no session. */
export const SIGN_IN_PATH = '/admin/anmelden';
const SIGN_OUT_PATH = '/admin/abmelden';

export interface AdminAuthOptions {
  readonly config: ServerConfig;
  readonly sessions: Sessions;
  readonly throttle: LoginThrottle;
  readonly metrics: Metrics;
  readonly pages: PageRenderer;
}

const html = (reply: FastifyReply, status: number, page: string): FastifyReply => reply.code(status).type('text/html; charset=utf-8').send(page);

/** A field of a form post as text (cut to `max` characters), or '' when it is missing or not a text. */
function field(request: FastifyRequest, name: string, max: number): string {
  const value = (request.body as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/**
 * Whether the browser says that a page of another site sent this request: Sec-Fetch-Site is
 * cross-site or same-site (another origin), or Origin names neither the host the request was sent to
 * nor the origin of SITE_URL. A request with neither header (a script, an old browser) is left to the
 * session's CSRF token.
 */
function fromAnotherSite(headers: FastifyRequest['headers'], siteOrigin: string): boolean {
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true;
  const origin = headers.origin;
  if (origin === undefined) return false;
  try {
    const url = new URL(origin);
    return url.host !== headers.host && url.origin !== siteOrigin;
  } catch {
    // "null" (a sandboxed or privacy-sensitive context) or no URL at all.
    return true;
  }
}

export async function adminAuth(app: FastifyInstance, { config, sessions, throttle, metrics, pages }: AdminAuthOptions): Promise<void> {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  const https = config.siteUrl.startsWith('https:');
  const siteOrigin = new URL(config.siteUrl).origin;
  const cookieOptions = (request: FastifyRequest) => ({ path: '/admin', httpOnly: true, sameSite: 'strict' as const, secure: https || request.protocol === 'https' });

  app.decorateRequest('adminSession', null);
  app.addHook('onRequest', async (request, reply) => {
    request.adminSession = await sessions.resolve(request.cookies[SESSION_COOKIE]);
    const path = request.url.split('?')[0];
    if (request.adminSession === null && path !== SIGN_IN_PATH) return reply.redirect(SIGN_IN_PATH, 303);
  });
  // Every request that changes something comes from this site and carries the session's token (a synchroniser token).
  app.addHook('preHandler', async (request, reply) => {
    const session = request.adminSession;
    if (request.method === 'GET' || request.method === 'HEAD') return;
    if (fromAnotherSite(request.headers, siteOrigin)) {
      request.log.warn('Verwaltung: Anfrage einer anderen Website abgelehnt');
      return html(reply, 403, adminMessagePage(pages, { title: s.csrf.title, paragraphs: [s.csrf.text] }, session));
    }
    if (session === null || request.url.split('?')[0] === SIGN_IN_PATH) return;
    if (safeEqual(field(request, CSRF_FIELD, 200), session.csrfToken)) return;
    request.log.warn('Verwaltung: Anfrage ohne gültiges CSRF-Merkmal abgelehnt');
    return html(reply, 403, adminMessagePage(pages, { title: s.csrf.title, paragraphs: [s.csrf.text] }, session));
  });

  app.get(SIGN_IN_PATH, async (request, reply) => (request.adminSession === null ? html(reply, 200, signInPage(pages)) : reply.redirect('/admin/', 303)));

  app.post(SIGN_IN_PATH, async (request, reply) => {
    const client = clientKey(request.ip);
    const waitMs = throttle.blockedFor(client);
    if (waitMs > 0) {
      request.log.warn('Verwaltung: zu viele fehlgeschlagene Anmeldungen, Adresse vorübergehend gesperrt');
      const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
      reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
      return html(reply, 429, adminMessagePage(pages, { title: s.throttled.title, paragraphs: [fill(s.throttled.text, { minutes })] }, null));
    }
    const name = field(request, 'name', 200);
    const password = field(request, 'password', 1024);
    if (name.trim() === '' || password === '') {
      return html(reply, 400, signInPage(pages, name, { ...(name.trim() === '' ? { name: s.signIn.missingName } : {}), ...(password === '' ? { password: s.signIn.missingPassword } : {}) }));
    }
    // Past many failures (of this account, or of all), sign-ins are let through one at a time.
    await throttle.admit(accountName(name));
    const account = await sessions.verify(name, password);
    if (account === null) {
      const failedLogins = throttle.recordFailure(client, accountName(name));
      metrics.loginFailures.inc();
      request.log.warn({ failedLogins, delayMs: throttle.delayFor(null) }, 'Anmeldung an der Verwaltung fehlgeschlagen');
      return html(reply, 401, signInPage(pages, name, { name: s.signIn.wrong }));
    }
    // A new session for every sign-in: a token set before signing in is never carried over.
    const before = request.cookies[SESSION_COOKIE];
    if (before !== undefined) await sessions.end(before);
    reply.setCookie(SESSION_COOKIE, await sessions.start(account), cookieOptions(request));
    logWithResponse(request, 'Angemeldet an der Verwaltung', {});
    return reply.redirect('/admin/', 303);
  });

  app.post(SIGN_OUT_PATH, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token !== undefined) await sessions.end(token);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
    logWithResponse(request, 'Abgemeldet von der Verwaltung', {});
    return html(reply, 200, adminMessagePage(pages, { title: s.signedOut.title, paragraphs: [s.signedOut.text], link: { href: SIGN_IN_PATH, text: s.signedOut.again } }, null));
  });
}
