/**
 * The harness of the hostile-input tables (hostile-requests.test.ts, hostile-values.test.ts): every
 * case is one real HTTP request to a listening server (with the SMTP sink and the admin area), and
 * asserts the status, the shape of the reply (errors[] with field and code and never a `next` on an
 * error, or a success with `next` and `id`) and the effect on storage (stored, stored as spam, or
 * nothing). After every case the server must still answer /healthz. Cases with a `then` also look at
 * how the stored value comes out again: verbatim in storage and in the plain-text mail, escaped in
 * the admin page and the HTML mail, neutralised or intact in the CSV export. One module, a little
 * over 250 lines: the case types, their checks and the runner change together.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../shared/lib/escape-html.ts';
import type { StoredSubmission } from '../../server/store/index.ts';
import { openAllInCalc } from '../lib/calc.ts';
import { sendRaw, type RawReply, type RawRequest } from '../lib/raw-request.ts';
import { createTestApp, decodeHtml, interesse, INTERESSE, json, multipart, signInApp, SITE, smtpSink, tempDir, validInteresse, waitFor, type SmtpSink, type TestApp } from './helpers.ts';

/** Headers of a JSON client that sends urlencoded data. */
export const urlencodedJson = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' } as const;

export interface Req {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** A string or object (sent as JSON). */
  body?: string | Buffer | Record<string, unknown>;
  /** Send the body in pieces with Transfer-Encoding: chunked, without Content-Length. */
  chunked?: boolean;
}

/** Sends a case's request to `base` (default: a POST of JSON to the interest form). */
function send(base: string, req: Req): Promise<RawReply> {
  const body = req.body === undefined || typeof req.body === 'string' || Buffer.isBuffer(req.body) ? req.body : JSON.stringify(req.body);
  const raw: RawRequest = { method: req.method ?? 'POST', headers: req.headers ?? json, ...(body === undefined ? {} : { body }), chunked: req.chunked ?? false };
  return sendRaw(new URL(req.path ?? `/f/${INTERESSE}`, base), raw);
}

/** What a case expects of the reply. */
export type Expected =
  | { kind: 'success' }
  | { kind: 'errors'; errors: readonly { field?: string; code: string }[] }
  | { kind: 'redirect'; to: RegExp }
  | { kind: 'html'; contains: readonly string[] }
  /** A fixed plain text (answers before any route, e. g. to a malformed URL). */
  | { kind: 'text'; equals: string };

interface Effect {
  /** New submissions in the list (not spam). */
  stored: number;
  /** New submissions flagged as spam (default 0). */
  spam?: number;
}

interface Context {
  reply: RawReply;
  /** The submission this case stored, if it stored one. */
  saved: StoredSubmission | undefined;
  admin: () => Promise<string>;
  csvRow: (form: string) => Promise<string>;
  mail: () => Promise<ParsedMail>;
}

export interface Case {
  name: string;
  req: Req;
  status: number;
  reply: Expected;
  effect: Effect;
  then?: (ctx: Context) => Promise<void> | void;
  /** Runs the case against its own server (rate limit cases); default: the shared one. */
  env?: Record<string, string>;
  /** Requests sent before the one under test (same server). */
  before?: readonly Req[];
}

export const success: Expected = { kind: 'success' };
export const errors = (...list: { field?: string; code: string }[]): Expected => ({ kind: 'errors', errors: list });
export const thankYou = new RegExp(`^${SITE.replace(/\./g, '\\.')}${interesse.thankYouPath}\\?ref=KV-\\d{4}-\\d{6}$`);
export const stored = (n = 1): Effect => ({ stored: n });
export const nothing: Effect = { stored: 0 };

/** A case that sends a valid interest submission with some fields replaced. */
export function withFields(name: string, overrides: Record<string, unknown>, status: number, reply: Expected, effect: Effect, then?: Case['then']): Case {
  return { name, req: { body: validInteresse(overrides) }, status, reply, effect, ...(then ? { then } : {}) };
}

/** Checks that a value comes back verbatim from storage and the plain-text mail, escaped in HTML. */
export function roundTrip(field: string, value: string): Case['then'] {
  return async ({ saved, admin, mail }) => {
    expect(saved?.data[field]).toBe(value);
    const page = await admin();
    expect(decodeHtml(page)).toContain(value);
    if (/[<>"&]/.test(value)) expect(page).not.toContain(value);
    const m = await mail();
    expect(m.text).toContain(value);
    expect(m.html).toContain(escapeHtml(value));
    if (escapeHtml(value) !== value) expect(m.html).not.toContain(value);
  };
}

/** Checks the CSV export cell of a stored value. */
export function csvCell(field: string, value: string, cell: string): Case['then'] {
  return async ({ saved, csvRow }) => {
    expect(saved?.data[field]).toBe(value);
    expect(await csvRow(INTERESSE)).toContain(cell);
  };
}

/** Unicode that must come back intact everywhere: storage, CSV, mail, admin page. */
export function intact(field: string, value: string): Case['then'] {
  return intactAs(field, value);
}

/** Like `intact`, for a value the form stores in another spelling (e.g. NFC for NFD). */
export function intactAs(field: string, storedAs: string): Case['then'] {
  return async (ctx) => {
    await roundTrip(field, storedAs)!(ctx);
    expect(await ctx.csvRow(INTERESSE)).toContain(storedAs);
  };
}


export function multipartReq(fields: Record<string, unknown>, files: { name: string; filename: string; content: string }[] = []): Req {
  const { payload, headers } = multipart(fields, files);
  return { headers, body: payload };
}

interface Server {
  t: TestApp;
  base: string;
  /** The session cookie of a sign-in to its admin area (servers with the mail sink have one). */
  admin: Record<string, string>;
}

async function listen(env: Record<string, string>, transport: 'sink' | 'none'): Promise<Server> {
  const t =
    transport === 'sink'
      ? await createTestApp({ SMTP_URL: sink.url, OUTBOX_POLL_MS: '50', ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'hostile-test-geheim', ...env }, {})
      : await createTestApp(env);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const admin = transport === 'sink' ? (await signInApp(t.app, 'dnrw', 'hostile-test-geheim')).cookie : {};
  return { t, base: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`, admin };
}

async function counts(t: TestApp): Promise<{ stored: number; spam: number; all: StoredSubmission[] }> {
  const all = [...(await t.app.store.listSubmissions(INTERESSE)), ...(await t.app.store.listSubmissions('barriere-melden'))];
  return { stored: all.length, spam: (await t.app.store.countSpam(INTERESSE)) + (await t.app.store.countSpam('barriere-melden')), all };
}

/** The CSV row of a reference (rows may span lines inside quotes). */
function rowOf(csv: string, reference: string): string {
  const start = csv.indexOf(`\r\n${reference};`);
  expect(start, `row ${reference} in the export`).toBeGreaterThan(-1);
  const next = csv.slice(start + 2).search(/\r\n(KV|BF)-\d{4}-\d{6};/);
  return next === -1 ? csv.slice(start + 2) : csv.slice(start + 2, start + 2 + next);
}

let sink: SmtpSink;
let shared: Server;

/**
 * Runs a table of cases, each against the shared server (with the mail sink and the admin area),
 * or against a server of its own when the case sets `env`. `minimum` guards the table against
 * losing its cases unnoticed.
 */
export function hostileInput(title: string, cases: readonly Case[], minimum: number): void {
beforeAll(async () => {
  sink = smtpSink();
  await sink.start();
  shared = await listen({}, 'sink');
});
afterAll(async () => {
  await shared.t.close();
  await sink.stop();
});

describe(title, () => {
  it(`has at least ${minimum} cases (${cases.length}), each with its own name`, () => {
    console.log(`${title}: ${cases.length} cases`);
    expect(cases.length).toBeGreaterThanOrEqual(minimum);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const server = c.env === undefined ? shared : await listen(c.env, 'none');
    try {
      for (const earlier of c.before ?? []) expect((await send(server.base, earlier)).status).toBe(200);
      const before = await counts(server.t);
      const reply = await send(server.base, c.req);
      const after = await counts(server.t);

      // status and reply shape
      expect(reply.status, reply.text.slice(0, 300)).toBe(c.status);
      expect(reply.headers['cache-control']).toBe('no-store');
      // Every answer carries the security headers, errors Fastify answers itself included.
      expect(reply.headers['content-security-policy'], 'Content-Security-Policy').toMatch(/default-src 'self'/);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      let reference: string | undefined;
      switch (c.reply.kind) {
        case 'success': {
          const body = JSON.parse(reply.text) as Record<string, unknown>;
          expect(Object.keys(body).sort()).toEqual(['id', 'next']);
          expect(body['id']).toMatch(/^KV-\d{4}-\d{6}$/);
          expect(body['next']).toMatch(thankYou);
          reference = String(body['id']);
          break;
        }
        case 'errors': {
          expect(reply.headers['content-type']).toMatch(/^application\/json/);
          const body = JSON.parse(reply.text) as Record<string, unknown>;
          expect(body).not.toHaveProperty('next');
          expect(Object.keys(body)).toEqual(['errors']);
          const list = body['errors'] as { field?: string; code: string; message: string }[];
          expect(list.map(({ field, code }) => (field === undefined ? { code } : { field, code }))).toEqual(c.reply.errors);
          for (const error of list) expect(error.message).toMatch(/^[A-ZÄÖÜ„]/);
          break;
        }
        case 'redirect': {
          const location = String(reply.headers['location']);
          expect(location).toMatch(c.reply.to);
          expect(location).not.toMatch(/[\r\n]/);
          reference = new URL(location).searchParams.get('ref') ?? undefined;
          break;
        }
        case 'html': {
          expect(reply.headers['content-type']).toMatch(/^text\/html/);
          for (const text of c.reply.contains) expect(reply.text).toContain(text);
          break;
        }
        case 'text': {
          expect(reply.headers['content-type']).toMatch(/^text\/plain/);
          expect(reply.text).toBe(c.reply.equals);
          break;
        }
      }

      // storage effect
      expect(after.stored - before.stored, 'stored').toBe(c.effect.stored);
      expect(after.spam - before.spam, 'stored as spam').toBe(c.effect.spam ?? 0);
      const saved = reference === undefined ? undefined : after.all.find((s) => s.reference === reference);
      if (c.effect.stored > 0) expect(saved, 'the answered reference is stored').toBeDefined();

      await c.then?.({
        reply,
        saved,
        admin: async () => {
          const page = await send(server.base, { method: 'GET', path: '/admin/', headers: server.admin });
          expect(page.status).toBe(200);
          return page.text;
        },
        csvRow: async (form) => {
          const csv = await send(server.base, { method: 'GET', path: `/admin/${form}.csv`, headers: server.admin });
          expect(csv.status).toBe(200);
          return rowOf(csv.text, reference ?? '');
        },
        mail: async () => {
          const matching = async (): Promise<ParsedMail[]> => {
            const parsed = await Promise.all(sink.mails.filter((m) => m.raw.includes(reference ?? '')).map((m) => simpleParser(m.raw)));
            return parsed.filter((m) => m.headers.get('x-portal-reference') === reference);
          };
          await waitFor(async () => (await matching()).length > 0);
          const found = await matching();
          expect(found).toHaveLength(1);
          return found[0]!;
        },
      });

      // the server is still up
      const health = await send(server.base, { method: 'GET', path: '/healthz', headers: { accept: 'application/json' } });
      expect(health.status).toBe(200);
      expect(JSON.parse(health.text)).toMatchObject({ status: 'ok' });
    } finally {
      if (server !== shared) await server.t.close();
    }
  });

  // After every case: what they stored opens in a spreadsheet, every row of it.
  it('the XLSX export of what the cases stored opens in LibreOffice Calc with all its rows', { timeout: 180_000 }, async () => {
    const dir = tempDir('kv-hostile-calc-');
    try {
      const forms = [INTERESSE, 'barriere-melden'];
      const files: Record<string, Buffer> = {};
      for (const form of forms) {
        const xlsx = await send(shared.base, { method: 'GET', path: `/admin/${form}.xlsx`, headers: shared.admin });
        expect(xlsx.status).toBe(200);
        files[form] = xlsx.body;
      }
      const opened = openAllInCalc(dir.path, files);
      for (const form of forms) {
        const references = (await shared.t.app.store.listSubmissions(form)).map((s) => s.reference).sort();
        // Title, export note and header, then one row per submission, its reference first. A file
        // Calc finds damaged shows fewer rows, or rows whose cells went missing.
        const shown = (opened[form] ?? []).slice(3).map((row) => row[0] ?? '').sort();
        console.log(`${title}: ${form}.xlsx, ${references.length} stored rows, ${shown.filter((r) => r !== '').length} references in Calc`);
        expect(shown, `${form}: the references Calc shows`).toEqual(references);
      }
    } finally {
      dir.remove();
    }
  });
});
}
