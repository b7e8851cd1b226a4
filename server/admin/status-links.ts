/**
 * Status links: staff create one for a Vorgang on its page (POST /admin/vorgang/<Nummer>/statuslink,
 * with a validity chosen in the form) and revoke it there (…/statuslink/<id>/widerrufen). The token
 * has 256 bits from node:crypto; the page that answers the POST shows the whole address once, the
 * store keeps only its SHA-256. The authority opens it at GET /status/<token> (server/http/status-page.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StatusLink, Store, StoredVorgang } from '../store/index.ts';

/** The validities staff can choose, in days; the form preselects DEFAULT_VALIDITY_DAYS. */
export const VALIDITY_DAYS = [30, 90, 180, 365] as const;
export const DEFAULT_VALIDITY_DAYS = 90;

const DAY_MS = 86_400_000;

/** Where the status pages are. */
export const STATUS_PREFIX = '/status/';

/** The stored form of a token: its SHA-256 (base64url). */
export const statusTokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('base64url');

/** A new token (32 random bytes, base64url: 43 characters) and its hash. */
export function newStatusToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: statusTokenHash(token) };
}

/** A token as the route accepts it: exactly what newStatusToken makes. */
export const isStatusToken = (text: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(text);

export type LinkState = 'valid' | 'revoked' | 'expired';

/** Whether a link still works at `now` (milliseconds since 1970): revoked before expired. */
export function linkState(link: Pick<StatusLink, 'expiresAt' | 'revokedAt'>, now: number): LinkState {
  if (link.revokedAt !== null) return 'revoked';
  return Date.parse(link.expiresAt) <= now ? 'expired' : 'valid';
}

/** What the Vorgang page shows of its status links: a new one's address (once), or why one was refused. */
export interface LinkNotice {
  readonly url?: string;
  readonly error?: string;
}

export interface StatusLinkRouteOptions {
  readonly store: Store;
  /** The site's origin: the links point there. */
  readonly siteUrl: string;
  readonly now: () => number;
  /** Answers with the Vorgang's page (404 page when there is none), with `notice` in its status link section. */
  readonly show: (request: FastifyRequest, reply: FastifyReply, number: string, status: number, notice: LinkNotice) => Promise<FastifyReply>;
  readonly refused: { readonly validity: string; readonly notFound: string };
}

export function statusLinkRoutes(app: FastifyInstance, { store, siteUrl, now, show, refused }: StatusLinkRouteOptions): void {
  const vorgangOf = (number: string): Promise<StoredVorgang | null> => store.findVorgang(number);

  app.post<{ Params: { number: string }; Body: { gueltigkeit?: unknown } }>('/admin/vorgang/:number/statuslink', async (request, reply) => {
    const { number } = request.params;
    const vorgang = await vorgangOf(number);
    const days = Number((request.body as { gueltigkeit?: unknown } | undefined)?.gueltigkeit);
    if (vorgang === null) return show(request, reply, number, 404, {});
    if (!(VALIDITY_DAYS as readonly number[]).includes(days)) return show(request, reply, number, 422, { error: refused.validity });
    const { token, hash } = newStatusToken();
    const at = now();
    await store.createStatusLink({ vorgangId: vorgang.id, tokenHash: hash, createdAt: new Date(at).toISOString(), expiresAt: new Date(at + days * DAY_MS).toISOString() });
    request.log.info({ vorgang: vorgang.number }, `Statuslink erstellt, ${days} Tage gültig`);
    // The address only in this answer (no-store, like every admin page): never stored, never logged.
    return show(request, reply, number, 200, { url: `${siteUrl}${STATUS_PREFIX}${token}` });
  });

  app.post<{ Params: { number: string; id: string } }>('/admin/vorgang/:number/statuslink/:id/widerrufen', async (request, reply) => {
    const { number, id } = request.params;
    const vorgang = await vorgangOf(number);
    if (vorgang === null) return show(request, reply, number, 404, {});
    const revoked = /^\d{1,15}$/.test(id) && (await store.revokeStatusLink(vorgang.id, Number(id), new Date(now()).toISOString()));
    if (!revoked) return show(request, reply, number, 404, { error: refused.notFound });
    request.log.info({ vorgang: vorgang.number }, 'Statuslink widerrufen');
    return reply.redirect(`/admin/vorgang/${encodeURIComponent(number)}#statuslinks`, 303);
  });
}
