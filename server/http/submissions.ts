/**
 * POST /f/:formKey — the Formspree submission protocol, as @formspree/core and a plain HTML form
 * speak it:
 *
 * - JSON clients (Accept: application/json) get 200 `{ next, id }` or 4xx `{ errors: [{ field?,
 *   code, message }] }`; an error reply never contains `next`, because @formspree/core takes any
 *   reply with `next` for a success.
 * - A plain form post (Accept: text/html) gets 303 to the thank-you page, or a German error page
 *   that shows the errors and puts the input back into a form that can be sent again.
 * - Bodies: JSON, urlencoded (a repeated key becomes a list) and multipart without files
 *   (server/http/submission-body.ts).
 *
 * A submission is committed durably (with group commit: submissions arriving together share one
 * transaction) before success is answered; its mail goes through the outbox.
 */
import { RATE_LIMIT_WINDOW_MS } from '../../shared/lib/processing.ts';
import { authorityOf } from '../store/authority.ts';
import cors from '@fastify/cors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HONEYPOT_FIELD, NEXT_FIELD, pickFields, validateSubmission } from '../../shared/forms/index.ts';
import type { FieldError, FormDefinition, FormName, FormRegistry } from '../../shared/forms/index.ts';
import { BODY_LIMIT, type ServerConfig } from '../config.ts';
import type { Metrics } from './metrics.ts';
import type { Outbox } from '../mail/outbox.ts';
import { formErrorPage } from '../pages/FormErrorPage.tsx';
import { notSentPage } from '../pages/Message.tsx';
import type { PageRenderer } from '../pages/render.tsx';
import { clientKey } from './client-key.ts';
import { errorFields, logWithResponse } from './request-log.ts';
import { StorageUnavailable, type ResilientStore } from '../store/index.ts';
import { checkFieldValues, isPlainObject, problemMessages, readSubmissionBody, registerBodyParsers, SubmissionProblem } from './submission-body.ts';

/** Headers @formspree/core sends from a browser; the CORS preflight must allow them. */
const FORMSPREE_REQUEST_HEADERS = ['content-type', 'accept', 'formspree-client', 'formspree-session-data'];

/** True when the client wants a web page rather than JSON (a plain form post). */
function wantsHtml(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? '').toLowerCase();
  return accept.includes('text/html') && !accept.includes('application/json');
}

export interface SubmissionRouteOptions {
  readonly config: ServerConfig;
  readonly forms: FormRegistry;
  readonly store: ResilientStore;
  readonly outbox: Outbox;
  readonly pages: PageRenderer;
  readonly metrics: Metrics;
}

/**
 * Where a plain form post goes after success: an allowed `_next` (absolute, or relative to the
 * site), else the form's thank-you page; the reference number is added as `?ref=`.
 */
function redirectTarget(config: ServerConfig, form: FormDefinition, requestedNext: unknown, reference: string, base: string): string {
  let target = new URL(form.thankYouPath, base);
  if (typeof requestedNext === 'string' && requestedNext.trim() !== '') {
    try {
      const candidate = new URL(requestedNext.trim(), base);
      if (config.allowedOrigins.includes(candidate.origin)) target = candidate;
    } catch {
      // not a URL: keep the thank-you page
    }
  }
  target.searchParams.set('ref', reference);
  return target.href;
}

/** The origin pages are on: the request's Origin when it is allowed, else the site. */
function siteBase(config: ServerConfig, request: FastifyRequest): string {
  const origin = request.headers.origin;
  return typeof origin === 'string' && config.allowedOrigins.includes(origin) ? origin : config.siteUrl;
}

export async function submissionRoutes(app: FastifyInstance, options: SubmissionRouteOptions): Promise<void> {
  const { config, forms, store, outbox, pages, metrics } = options;

  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && config.allowedOrigins.includes(origin)),
    methods: ['POST'],
    allowedHeaders: FORMSPREE_REQUEST_HEADERS,
    maxAge: 600,
  });
  await registerBodyParsers(app);

  const formFor = (key: string): FormDefinition | undefined => {
    const name: FormName | undefined = Object.hasOwn(config.formKeys, key) ? config.formKeys[key] : undefined;
    return name === undefined ? undefined : forms.get(name);
  };

  /** Answers an error in the client's language: JSON, or a German page for a plain form post. */
  function sendProblem(request: FastifyRequest, reply: FastifyReply, statusCode: number, code: string, message: string): FastifyReply {
    const form = formFor(String((request.params as { formKey?: string }).formKey ?? ''));
    metrics.submissions.inc({ form: form?.name ?? 'unknown', result: code });
    reply.code(statusCode).header('cache-control', 'no-store');
    if (!wantsHtml(request)) return reply.send({ errors: [{ code, message }] });
    const body = request.body;
    if (form !== undefined && isPlainObject(body) && statusCode !== 413) {
      return reply.type('text/html; charset=utf-8').send(formErrorPage(pages, { form, action: request.url, raw: body, errors: [], formMessage: message }));
    }
    return reply.type('text/html; charset=utf-8').send(notSentPage(pages, message));
  }

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof SubmissionProblem) return sendProblem(request, reply, error.statusCode, error.code, error.message);
    // Nothing was stored: say so (503, never a success), and when to try again.
    if (error instanceof StorageUnavailable) {
      request.log.error({ reason: error.reason }, 'Einsendung nicht gespeichert: Speicher nicht verfügbar');
      reply.header('retry-after', '120');
      return sendProblem(request, reply, 503, 'STORAGE_UNAVAILABLE', problemMessages.storage);
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return sendProblem(request, reply, 429, 'RATE_LIMITED', problemMessages.rateLimit);
    if (status === 413) return sendProblem(request, reply, 413, 'PAYLOAD_TOO_LARGE', problemMessages.tooLarge);
    if (status === 415) return sendProblem(request, reply, 415, 'UNSUPPORTED_MEDIA_TYPE', problemMessages.mediaType);
    if (status >= 400 && status < 500) return sendProblem(request, reply, 400, 'INVALID_BODY', problemMessages.malformed);
    request.log.error(errorFields(error), 'Fehler beim Verarbeiten einer Einsendung');
    return sendProblem(request, reply, 500, 'SERVER_ERROR', problemMessages.server);
  });

  app.route({
    method: ['GET', 'PUT', 'PATCH', 'DELETE'],
    url: '/:formKey',
    handler: async (request, reply) => {
      reply.header('allow', 'POST, OPTIONS');
      return sendProblem(request, reply, 405, 'METHOD_NOT_ALLOWED', problemMessages.method);
    },
  });

  app.post<{ Params: { formKey: string } }>('/:formKey', {
    bodyLimit: BODY_LIMIT,
    config: {
      rateLimit: {
        max: config.formRateLimit,
        timeWindow: RATE_LIMIT_WINDOW_MS,
        hook: 'preHandler',
        // Per client: an IPv4 address, or an IPv6 /64 (server/http/client-key.ts).
        keyGenerator: (request) => clientKey(request.ip),
        errorResponseBuilder: (_request, context) =>
          Object.assign(new SubmissionProblem(429, 'RATE_LIMITED', problemMessages.rateLimit), { retryAfterMs: context.ttl }),
      },
    },
    handler: async (request, reply) => {
      const form = formFor(request.params.formKey);
      if (form === undefined) throw new SubmissionProblem(404, 'FORM_NOT_FOUND', problemMessages.notFound);

      // Any Origin but the site's is refused, "null" too (a sandboxed frame on any website sends it).
      const origin = request.headers.origin;
      if (typeof origin === 'string' && !config.allowedOrigins.includes(origin)) {
        request.log.warn({ form: form.name }, 'Einsendung von nicht erlaubter Herkunft abgewiesen');
        throw new SubmissionProblem(403, 'BLOCKED', problemMessages.origin);
      }

      const body = await readSubmissionBody(request);
      checkFieldValues(body, [...form.fields.map((field) => field.name), HONEYPOT_FIELD, NEXT_FIELD]);

      const honeypot = body[HONEYPOT_FIELD];
      const isSpam = honeypot !== undefined && honeypot !== null && honeypot !== '' && !(Array.isArray(honeypot) && honeypot.every((v) => v === ''));
      const result = validateSubmission(form, body);

      if (!result.ok && !isSpam) {
        logWithResponse(request, 'Einsendung abgelehnt: Eingaben unvollständig', { form: form.name, fields: result.errors.map((e: FieldError) => `${e.field}:${e.code}`) });
        metrics.submissions.inc({ form: form.name, result: 'INVALID_FIELDS' });
        reply.code(422).header('cache-control', 'no-store');
        if (wantsHtml(request)) {
          return reply
            .type('text/html; charset=utf-8')
            .send(formErrorPage(pages, { form, action: request.url, raw: pickWithNext(form, body), errors: result.errors }));
        }
        return reply.send({ errors: result.errors });
      }

      // A filled honeypot is answered like a success. Only the fact is stored (form, reference
      // number, time: so the catches can be counted and a person caught by mistake can be told
      // so), none of the data; it never appears in the admin list or the export, triggers no
      // mail and is deleted after SPAM_RETENTION_DAYS.
      const data = result.ok && !isSpam ? (result.data as Record<string, unknown>) : {};
      // A submission to an offer's interest form joins its authority's Vorgang (server/store/authority.ts).
      const authority = form.offer === undefined || isSpam ? null : authorityOf(data);
      const saved = await store.saveSubmission({ form: form.name, prefix: form.referencePrefix, data, spam: isSpam, authority });
      metrics.submissions.inc({ form: form.name, result: isSpam ? 'spam' : 'accepted' });
      logWithResponse(request, isSpam ? 'Einsendung als Spam erkannt (Honeypot)' : 'Einsendung gespeichert', { form: form.name, reference: saved.reference });
      if (!isSpam) outbox.kick();

      const next = redirectTarget(config, form, body[NEXT_FIELD], saved.reference, siteBase(config, request));
      reply.header('cache-control', 'no-store');
      if (wantsHtml(request)) return reply.redirect(next, 303);
      return reply.code(200).send({ next, id: saved.reference });
    },
  });
}

function pickWithNext(form: FormDefinition, body: Record<string, unknown>): Record<string, unknown> {
  const picked = pickFields(form, body);
  if (typeof body[NEXT_FIELD] === 'string') picked[NEXT_FIELD] = body[NEXT_FIELD];
  return picked;
}
