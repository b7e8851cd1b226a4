/**
 * One log line per request (Fastify's own request logging writes two): method, path, status and
 * time, at `info`; the arrival only at `debug`. A route can add what it did (the form and reference
 * number of a stored submission) and its own message to that line, instead of writing another.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Added to the request's log line, e. g. { form, reference }. Never personal data. */
    logDetails: { msg: string; fields: Record<string, unknown> } | null;
  }
}

export function logOneLinePerRequest(app: FastifyInstance): void {
  app.decorateRequest('logDetails', null);
  app.addHook('onRequest', async (request) => {
    request.log.debug({ req: request }, 'Anfrage eingegangen');
  });
  app.addHook('onResponse', async (request, reply) => {
    const details = request.logDetails;
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime, ...details?.fields }, details?.msg ?? 'Anfrage beantwortet');
  });
}

/** The message and fields of this request's log line. */
export function logWithResponse(request: FastifyRequest, msg: string, fields: Record<string, unknown>): void {
  request.logDetails = { msg, fields };
}
