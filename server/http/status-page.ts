/**
 * GET /status/<token>: the authority's private status page (server/pages/StatusPage.tsx), found by
 * the SHA-256 of the token. Never indexed, never cached, no Referer to the pages it links; not in
 * the sitemap (the build does not know it). A revoked link answers 410 and says so, an expired one
 * too; a token the store does not hold (never made, or deleted with its Vorgang) answers 404 without
 * saying which.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { publicStatus } from '../../shared/lib/rollout.ts';
import type { ServerConfig } from '../config.ts';
import { statusPage, statusRefusedPage } from '../pages/StatusPage.tsx';
import type { PageRenderer } from '../pages/render.tsx';
import { isStatusToken, linkState, statusTokenHash, STATUS_PREFIX } from '../admin/status-links.ts';
import type { Store } from '../store/index.ts';

export interface StatusPageOptions {
  readonly config: Pick<ServerConfig, 'forms' | 'rollout' | 'offerStatus' | 'einreichung'>;
  readonly store: Store;
  readonly pages: PageRenderer;
  readonly now: () => number;
}

export function statusPageRoute(app: FastifyInstance, { config, store, pages, now }: StatusPageOptions): void {
  const send = (reply: FastifyReply, status: number, html: string) =>
    reply
      .code(status)
      .header('x-robots-tag', 'noindex, nofollow')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .type('text/html; charset=utf-8')
      .send(html);

  // The rate limit (registered around this route, per client) answers with a German page too.
  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    if (error.statusCode === 429) return send(reply, 429, statusRefusedPage(pages, 'rateLimited'));
    throw error;
  });

  app.get<{ Params: { token: string } }>(`${STATUS_PREFIX}:token`, async (request, reply) => {
    const { token } = request.params;
    const found = isStatusToken(token) ? await store.findStatusLink(statusTokenHash(token)) : null;
    if (found === null) return send(reply, 404, statusRefusedPage(pages, 'unknown'));
    const { link, vorgang } = found;
    const state = linkState(link, now());
    if (state !== 'valid') return send(reply, 410, statusRefusedPage(pages, state, link.expiresAt));
    const steps = config.rollout.get(vorgang.form) ?? [];
    return send(
      reply,
      200,
      statusPage(pages, {
        behoerde: vorgang.behoerde,
        offerTitle: config.forms.get(vorgang.form)?.offer?.titel ?? '',
        status: publicStatus(steps, vorgang),
        offer: config.offerStatus.get(vorgang.form),
        einreichung: config.einreichung,
        expiresAt: link.expiresAt,
      }),
    );
  });
}
