/**
 * One log line per request (Fastify's own request logging writes two): method, path (never the
 * query string), status and time, at `info`; the arrival only at `debug`. A route can put what it
 * did (the form and reference number of a stored submission) and its own message on that line,
 * instead of writing another one.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Added to the request's log line, e. g. { form, reference }. Never personal data. */
    logDetails?: { msg: string; fields: Record<string, unknown> };
  }
}

export class OneLinePerRequest extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'Anfrage eingegangen');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    const details = request.logDetails;
    reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime, ...details?.fields }, details?.msg ?? 'Anfrage beantwortet');
  }

  /** Fastify's own line names the URL with its query string; this one only the path. */
  override routeNotFound(request: FastifyRequest): void {
    request.log.info({ req: request }, 'Nicht gefunden');
  }
}

/** The message and fields of this request's log line. */
export function logWithResponse(request: FastifyRequest, msg: string, fields: Record<string, unknown>): void {
  request.logDetails = { msg, fields };
}
