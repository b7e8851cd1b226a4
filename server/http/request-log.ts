/**
 * One log line per request (Fastify's own request logging writes two): method, path (never the
 * query string, never a status link's token), status and time, at `info`; the arrival only at `debug`. A route can put what it
 * did (the form and reference number of a stored submission) and its own message on that line,
 * instead of writing another one. Errors are logged by their name and code only, never as Fastify's
 * `err` object (its message and stack may quote a request). Every key a line can hold is listed,
 * with its meaning, in src/strings/log-fields.ts, which the Datenschutzerklärung shows.
 */
import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Added to the request's log line, e. g. { form, reference }. Never personal data. */
    logDetails?: { msg: string; fields: Record<string, unknown> };
  }
}

/** The name and code of an error: what a log line says about it. */
export function errorFields(error: unknown): { name?: string; code?: string } {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return { ...(typeof name === 'string' ? { name } : {}), ...(typeof code === 'string' ? { code } : {}) };
}

export class OneLinePerRequest extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'Anfrage eingegangen');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      reply.log.error({ req: request, res: reply, responseTime: reply.elapsedTime, ...errorFields(error) }, 'Anfrage mit Fehler beendet');
      return;
    }
    const details = request.logDetails;
    reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime, ...details?.fields }, details?.msg ?? 'Anfrage beantwortet');
  }

  /** Fastify's own line names the URL with its query string; this one only the path. */
  override routeNotFound(request: FastifyRequest): void {
    request.log.info({ req: request }, 'Nicht gefunden');
  }

  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    const line = { req: request, res: reply, ...errorFields(error) };
    if (reply.statusCode >= 500) reply.log.error(line, 'Fehler bei der Anfrage');
    else reply.log.info(line, 'Anfrage abgelehnt');
  }

  override streamError(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
    if (error.code === 'ERR_STREAM_PREMATURE_CLOSE') reply.log.info({ req: request, res: reply }, 'Verbindung vor dem Ende der Antwort geschlossen');
    else reply.log.warn({ req: request, res: reply, ...errorFields(error) }, 'Antwort mit Fehler abgebrochen');
  }

  override writeHeadError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    reply.log.warn({ req: request, res: reply, ...errorFields(error) }, 'Kopfzeilen der Antwort nicht geschrieben');
  }

  override serializerError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    reply.log.error({ req: request, res: reply, ...errorFields(error) }, 'Antwort nicht serialisierbar');
  }
}

/** The message and fields of this request's log line. */
export function logWithResponse(request: FastifyRequest, msg: string, fields: Record<string, unknown>): void {
  request.logDetails = { msg, fields };
}

/** The path of a request as the log names it: without the query string, and a status link's token (server/http/status-page.ts) replaced by „…“. */
export function loggedPath(url: string): string {
  return String(url).split('?')[0]?.replace(/^\/status\/[^/]+/, '/status/…') ?? '';
}

/**
 * The logger: a request is described by its method and path (no query string, no headers, no
 * address, no body), a reply by its status. @fastify/multipart writes the request's headers at
 * `trace`: they are removed, so the log holds the same keys at every level.
 */
export function loggerOptions(level: string): Exclude<FastifyServerOptions['logger'], undefined | boolean> {
  return {
    level,
    redact: { paths: ['busboyOptions'], remove: true },
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, path: loggedPath(request.url) }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}
