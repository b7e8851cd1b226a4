/**
 * Reading the body of a submission (POST /f/:formKey, server/http/submissions.ts): JSON, urlencoded (a
 * repeated key becomes a list) and multipart without files, each within BODY_LIMIT; anything else
 * is refused with a SubmissionProblem that names the reason in German.
 */
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { serverStrings } from '../strings/server.ts';
import { BODY_LIMIT } from '../config.ts';

/** German messages for the errors that concern the whole submission (server/strings/server.ts). */
export const problemMessages = serverStrings.problems;

/** An error that concerns the whole submission (Formspree "form error": no `field`). */
export class SubmissionProblem extends Error {
  readonly statusCode: number;
  readonly code: string;
  constructor(statusCode: number, code: string, message: string) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The body parsers for urlencoded and multipart posts (JSON is Fastify's own), and a 413 before reading a body announced too large. */
export async function registerBodyParsers(app: FastifyInstance): Promise<void> {
  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  await app.register(multipart, {
    limits: { fieldNameSize: 100, fieldSize: BODY_LIMIT, fields: 100, fileSize: BODY_LIMIT, files: 1, parts: 101, headerPairs: 100 },
  });
  app.addHook('onRequest', async (request) => {
    const length = Number(request.headers['content-length']);
    if (request.method === 'POST' && Number.isFinite(length) && length > BODY_LIMIT) {
      throw new SubmissionProblem(413, 'PAYLOAD_TOO_LARGE', problemMessages.tooLarge);
    }
  });
}

/** The submitted fields as one object, whatever the media type; refuses other types and bodies that are not an object. */
export async function readSubmissionBody(request: FastifyRequest): Promise<Record<string, unknown>> {
  const type = String(request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  let body: unknown;
  if (type === 'multipart/form-data') body = await readMultipart(request);
  else if (type === 'application/json' || type === 'application/x-www-form-urlencoded') body = request.body;
  else throw new SubmissionProblem(415, 'UNSUPPORTED_MEDIA_TYPE', problemMessages.mediaType);
  if (!isPlainObject(body)) throw new SubmissionProblem(400, 'INVALID_BODY', problemMessages.malformed);
  return body;
}

/** A value as a form field holds it: a text, a list of texts, or nothing (JSON null). */
function isFieldValue(value: unknown): boolean {
  return value === null || typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}

/**
 * Refuses a body whose field `names` hold anything but a text, a list of texts or null (an
 * object, a number, lists in lists): unreadable as a form (400), before validation looks at it.
 * Fields the form does not know are dropped later without being looked into.
 */
export function checkFieldValues(body: Readonly<Record<string, unknown>>, names: readonly string[]): void {
  if (names.some((name) => Object.hasOwn(body, name) && !isFieldValue(body[name]))) {
    throw new SubmissionProblem(400, 'INVALID_BODY', problemMessages.malformed);
  }
}

/** The fields of a multipart body; a part with a file is refused (415). */
async function readMultipart(request: FastifyRequest): Promise<Record<string, unknown>> {
  try {
    return await readMultipartParts(request);
  } catch (error) {
    // The parser's own errors (no boundary, a broken part) carry no status: the body is unreadable.
    if (error instanceof SubmissionProblem || typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
    throw new SubmissionProblem(400, 'INVALID_BODY', problemMessages.malformed);
  }
}

async function readMultipartParts(request: FastifyRequest): Promise<Record<string, unknown>> {
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let size = 0;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      // A file input left empty sends a part without a file name: ignore it.
      const content = await part.toBuffer();
      if (part.filename === '' && content.length === 0) continue;
      throw new SubmissionProblem(415, 'NO_FILE_UPLOADS', problemMessages.files);
    }
    const value = typeof part.value === 'string' ? part.value : String(part.value);
    size += Buffer.byteLength(part.fieldname) + Buffer.byteLength(value);
    if (size > BODY_LIMIT) throw new SubmissionProblem(413, 'PAYLOAD_TOO_LARGE', problemMessages.tooLarge);
    const previous = fields[part.fieldname];
    fields[part.fieldname] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return { ...fields };
}
