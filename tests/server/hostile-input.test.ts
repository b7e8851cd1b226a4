/**
 * Hostile input, one table: every case is one real HTTP request to a listening server (with the
 * SMTP sink and the admin area), and asserts the status, the shape of the reply (errors[] with
 * field and code and never a `next` on an error, or a success with `next` and `id`) and the effect
 * on storage (stored, stored as spam, or nothing). After every case the server must still answer
 * /healthz. Cases with a `then` also look at how the stored value comes out again: verbatim in
 * storage and in the plain-text mail, escaped in the admin page and the HTML mail, neutralised or
 * intact in the CSV export.
 */
import { request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../server/format.ts';
import type { StoredSubmission } from '../../server/store/index.ts';
import {
  basicAuth,
  createTestApp,
  decodeHtml,
  formPost,
  interesse,
  INTERESSE,
  json,
  multipart,
  SITE,
  smtpSink,
  urlencoded,
  validInteresse,
  waitFor,
  type SmtpSink,
  type TestApp,
} from './helpers.ts';

const ADMIN = basicAuth('dnrw', 'hostile-test-geheim');
const urlencodedJson = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' } as const;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

interface Req {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** A string or object (sent as JSON). */
  body?: string | Buffer | Record<string, unknown>;
  /** Send the body in pieces with Transfer-Encoding: chunked, without Content-Length. */
  chunked?: boolean;
}

/** One HTTP request with node:http: no client-side rewriting of headers or bodies. */
function send(base: string, req: Req): Promise<Reply> {
  const body = req.body === undefined ? undefined : typeof req.body === 'string' || Buffer.isBuffer(req.body) ? req.body : JSON.stringify(req.body);
  const bytes = body === undefined ? undefined : Buffer.from(body);
  const headers: Record<string, string> = { ...(req.headers ?? json) };
  if (bytes !== undefined && !req.chunked) headers['content-length'] = String(bytes.length);
  return new Promise((resolve, reject) => {
    let answered = false;
    const r = request(new URL(req.path ?? `/f/${INTERESSE}`, base), { method: req.method ?? 'POST', headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // A server that answers 413 before reading a large body may close the socket while we write.
    r.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (bytes === undefined) r.end();
    else if (req.chunked) {
      for (let i = 0; i < bytes.length; i += 8192) r.write(bytes.subarray(i, i + 8192));
      r.end();
    } else r.end(bytes);
  });
}

/** What a case expects of the reply. */
type Expected =
  | { kind: 'success' }
  | { kind: 'errors'; errors: readonly { field?: string; code: string }[] }
  | { kind: 'redirect'; to: RegExp }
  | { kind: 'html'; contains: readonly string[] };

interface Effect {
  /** New submissions in the list (not spam). */
  stored: number;
  /** New submissions flagged as spam (default 0). */
  spam?: number;
}

interface Context {
  reply: Reply;
  /** The submission this case stored, if it stored one. */
  saved: StoredSubmission | undefined;
  admin: () => Promise<string>;
  csvRow: (form: string) => Promise<string>;
  mail: () => Promise<ParsedMail>;
}

interface Case {
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

const success: Expected = { kind: 'success' };
const errors = (...list: { field?: string; code: string }[]): Expected => ({ kind: 'errors', errors: list });
const thankYou = new RegExp(`^${SITE.replace(/\./g, '\\.')}${interesse.thankYouPath}\\?ref=KV-\\d{4}-\\d{6}$`);
const stored = (n = 1): Effect => ({ stored: n });
const nothing: Effect = { stored: 0 };

/** A case that sends a valid interest submission with some fields replaced. */
function withFields(name: string, overrides: Record<string, unknown>, status: number, reply: Expected, effect: Effect, then?: Case['then']): Case {
  return { name, req: { body: validInteresse(overrides) }, status, reply, effect, ...(then ? { then } : {}) };
}

/** Checks that a value comes back verbatim from storage and the plain-text mail, escaped in HTML. */
function roundTrip(field: string, value: string): Case['then'] {
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
function csvCell(field: string, value: string, cell: string): Case['then'] {
  return async ({ saved, csvRow }) => {
    expect(saved?.data[field]).toBe(value);
    expect(await csvRow(INTERESSE)).toContain(cell);
  };
}

/** Unicode that must come back intact everywhere: storage, CSV, mail, admin page. */
function intact(field: string, value: string): Case['then'] {
  return async (ctx) => {
    await roundTrip(field, value)!(ctx);
    expect(await ctx.csvRow(INTERESSE)).toContain(value);
  };
}

const controlMessage = (label: string) => `Das Feld „${label}“ enthält unsichtbare Steuerzeichen. Tippen Sie den Text neu ein, statt ihn einzufügen`;

const manyFields = Object.fromEntries([...Object.entries(validInteresse()), ...Array.from({ length: 250 }, (_, i) => [`feld${i}`, `wert${i}`])]);
const xssScript = '<script>alert(document.cookie)</script>';
const xssImg = '<img src=x onerror=alert(1)>';
const xssSvg = '"><svg/onload=alert(1)>';

const cases: Case[] = [
  // ── sizes ──────────────────────────────────────────────────────────────────────────────────
  withFields('JSON body of 64 KB', { nachricht: 'x'.repeat(64 * 1024) }, 413, errors({ code: 'PAYLOAD_TOO_LARGE' }), nothing),
  {
    name: 'urlencoded body of 1 MB',
    req: { headers: urlencodedJson, body: urlencoded(validInteresse({ nachricht: 'x'.repeat(1024 * 1024) })) },
    status: 413,
    reply: errors({ code: 'PAYLOAD_TOO_LARGE' }),
    effect: nothing,
  },
  { name: 'chunked JSON without Content-Length, small', req: { body: validInteresse(), chunked: true }, status: 200, reply: success, effect: stored() },
  {
    name: 'chunked JSON without Content-Length, 64 KB',
    req: { body: validInteresse({ nachricht: 'x'.repeat(64 * 1024) }), chunked: true },
    status: 413,
    reply: errors({ code: 'PAYLOAD_TOO_LARGE' }),
    effect: nothing,
  },
  {
    name: 'multipart body of 1 MB in one field',
    req: multipartReq({ ...validInteresse(), nachricht: 'x'.repeat(1024 * 1024) }),
    status: 413,
    reply: errors({ code: 'PAYLOAD_TOO_LARGE' }),
    effect: nothing,
  },
  {
    name: 'a text longer than its maximum (Behörde, 201 characters)',
    req: { body: validInteresse({ behoerde: 'B'.repeat(201) }) },
    status: 422,
    reply: errors({ field: 'behoerde', code: 'TYPE_TEXT' }),
    effect: nothing,
  },
  // ── content types ──────────────────────────────────────────────────────────────────────────
  { name: 'text/plain', req: { headers: { accept: 'application/json', 'content-type': 'text/plain' }, body: 'behoerde=x' }, status: 415, reply: errors({ code: 'UNSUPPORTED_MEDIA_TYPE' }), effect: nothing },
  { name: 'application/xml', req: { headers: { accept: 'application/json', 'content-type': 'application/xml' }, body: '<behoerde>x</behoerde>' }, status: 415, reply: errors({ code: 'UNSUPPORTED_MEDIA_TYPE' }), effect: nothing },
  { name: 'no Content-Type', req: { headers: { accept: 'application/json' }, body: JSON.stringify(validInteresse()) }, status: 415, reply: errors({ code: 'UNSUPPORTED_MEDIA_TYPE' }), effect: nothing },
  { name: 'application/json; charset=utf-8', req: { headers: { ...json, 'content-type': 'application/json; charset=utf-8' }, body: validInteresse() }, status: 200, reply: success, effect: stored() },
  {
    name: 'JSON sent as urlencoded',
    req: { headers: urlencodedJson, body: JSON.stringify(validInteresse()) },
    status: 422,
    reply: errors(
      { field: 'behoerde', code: 'REQUIRED_FIELD_MISSING' },
      { field: 'ansprechperson', code: 'REQUIRED_FIELD_MISSING' },
      { field: 'email', code: 'REQUIRED_FIELD_MISSING' },
      { field: 'antragsstrecken', code: 'REQUIRED_FIELD_MISSING' },
    ),
    effect: nothing,
  },
  {
    name: 'multipart with a file',
    req: multipartReq(validInteresse(), [{ name: 'anhang', filename: 'virus.exe', content: 'MZ' }]),
    status: 415,
    reply: errors({ code: 'NO_FILE_UPLOADS' }),
    effect: nothing,
  },
  {
    name: 'multipart without boundary',
    req: { headers: { accept: 'application/json', 'content-type': 'multipart/form-data' }, body: 'behoerde=x' },
    status: 400,
    reply: errors({ code: 'INVALID_BODY' }),
    effect: nothing,
  },
  // ── malformed bodies ───────────────────────────────────────────────────────────────────────
  { name: 'truncated JSON', req: { body: '{"behoerde": "Stadt' }, status: 400, reply: errors({ code: 'INVALID_BODY' }), effect: nothing },
  { name: 'JSON array', req: { body: JSON.stringify([validInteresse()]) }, status: 400, reply: errors({ code: 'INVALID_BODY' }), effect: nothing },
  { name: 'JSON null', req: { body: 'null' }, status: 400, reply: errors({ code: 'INVALID_BODY' }), effect: nothing },
  { name: 'empty JSON body', req: { body: '' }, status: 400, reply: errors({ code: 'INVALID_BODY' }), effect: nothing },
  { name: '__proto__ in JSON', req: { body: `{"__proto__":{"isAdmin":true},${JSON.stringify(validInteresse()).slice(1)}` }, status: 400, reply: errors({ code: 'INVALID_BODY' }), effect: nothing },
  withFields('an object where text belongs', { behoerde: { $gt: '' } }, 422, errors({ field: 'behoerde', code: 'TYPE_TEXT' }), nothing),
  withFields('null for a required field', { behoerde: null }, 422, errors({ field: 'behoerde', code: 'REQUIRED_FIELD_MISSING' }), nothing),
  withFields('a choice that is not offered', { antragsstrecken: ['Erwerbstätigkeit', 'DROP TABLE submissions'] }, 422, errors({ field: 'antragsstrecken', code: 'TYPE_TEXT' }), nothing),
  {
    name: '250 unknown fields',
    req: { body: manyFields },
    status: 200,
    reply: success,
    effect: stored(),
    then: ({ saved }) => expect(Object.keys(saved?.data ?? {}).some((k) => k.startsWith('feld'))).toBe(false),
  },
  {
    name: 'a field name of 10 000 characters',
    req: { body: validInteresse({ ['n'.repeat(10_000)]: 'x' }) },
    status: 200,
    reply: success,
    effect: stored(),
    then: ({ saved }) => expect(Object.keys(saved?.data ?? {}).every((k) => k.length < 20)).toBe(true),
  },
  {
    name: 'unknown fields (_subject, _replyto, isAdmin, id)',
    req: { body: validInteresse({ _subject: 'Gewonnen!', _replyto: 'evil@example.org', isAdmin: true, id: 1 }) },
    status: 200,
    reply: success,
    effect: stored(),
    then: async ({ saved, mail }) => {
      expect(saved?.data).not.toHaveProperty('isAdmin');
      expect(saved?.data).not.toHaveProperty('_subject');
      const m = await mail();
      expect(m.subject).not.toContain('Gewonnen');
      expect(m.replyTo?.text).not.toContain('evil@example.org');
    },
  },
  // ── e-mail addresses ───────────────────────────────────────────────────────────────────────
  withFields('e-mail a@b', { email: 'a@b' }, 422, errors({ field: 'email', code: 'TYPE_EMAIL' }), nothing),
  withFields('two e-mail addresses', { email: 'a@stadt.de, b@stadt.de' }, 422, errors({ field: 'email', code: 'TYPE_EMAIL' }), nothing),
  withFields('e-mail with CRLF and Bcc:', { email: 'a@stadt.de\r\nBcc: opfer@example.org' }, 422, errors({ field: 'email', code: 'TYPE_EMAIL' }), nothing),
  withFields('e-mail of 320 characters', { email: `${'a'.repeat(64)}@${'b'.repeat(252)}.de` }, 422, errors({ field: 'email', code: 'TYPE_EMAIL' }), nothing),
  withFields('e-mail with a display name', { email: 'Eve <eve@example.org>' }, 422, errors({ field: 'email', code: 'TYPE_EMAIL' }), nothing),
  // Internationalised addresses are refused with the format message (the schema accepts ASCII
  // addresses only); the punycode spelling of the same domain is accepted.
  withFields('IDN e-mail in Unicode', { email: 'info@bücherei-münster.de' }, 422, errors({ field: 'email', code: 'TYPE_EMAIL' }), nothing),
  withFields('IDN e-mail in punycode', { email: 'info@xn--bcherei-mnster-9ob0g.de' }, 200, success, stored(), async ({ mail }) => {
    // The header line as sent: mailparser shows the address's domain decoded from punycode.
    expect((await mail()).headerLines.find((h) => h.key === 'reply-to')?.line).toBe('Reply-To: info@xn--bcherei-mnster-9ob0g.de');
  }),
  // ── one line per single-line field; the Nachricht keeps its lines; no consent field any more ──
  ...[
    ['behoerde', 'Stadt\rDortmund'],
    ['ansprechperson', 'Erika\u2028Mustermann'],
    ['funktion', 'Leitung\u0085IT'],
    ['telefon', '0231\n123456'],
    ['ags', '05913\r\n000'],
    ['start', '03.\n2027'],
  ].map(([field = '', value]) => withFields(`a line break in ${field}`, { [field]: value }, 422, errors({ field, code: 'TYPE_TEXT' }), nothing)),
  withFields('line breaks in the Nachricht', { nachricht: 'Zeile 1\r\nZeile 2\u2028Zeile 3' }, 200, success, stored(), ({ saved }) =>
    expect(saved?.data['nachricht']).toBe('Zeile 1\r\nZeile 2\u2028Zeile 3'),
  ),
  withFields('a "datenschutz" value (the consent box is gone)', { datenschutz: 'on' }, 200, success, stored(), ({ saved }) =>
    expect(saved?.data).not.toHaveProperty('datenschutz'),
  ),
  // ── honeypot ───────────────────────────────────────────────────────────────────────────────
  withFields('honeypot filled', { _gotcha: 'https://spam.example' }, 200, success, { stored: 0, spam: 1 }),
  withFields('honeypot empty', { _gotcha: '' }, 200, success, stored()),
  {
    name: 'honeypot filled, plain form post with invalid data',
    req: { headers: formPost, body: urlencoded({ behoerde: 'x', _gotcha: 'spam' }) },
    status: 303,
    reply: { kind: 'redirect', to: thankYou },
    effect: { stored: 0, spam: 1 },
  },
  // ── _next (plain form posts) ───────────────────────────────────────────────────────────────
  ...['https://evil.example/phish', '//evil.example/x', '/\\evil.example/x', 'javascript:alert(1)', 'http://127.0.0.1:4321@evil.example/'].map(
    (next): Case => ({
      name: `_next ${next}`,
      req: { headers: formPost, body: urlencoded(validInteresse({ _next: next })) },
      status: 303,
      reply: { kind: 'redirect', to: thankYou },
      effect: stored(),
    }),
  ),
  {
    name: '_next with CRLF and a header',
    req: { headers: formPost, body: urlencoded(validInteresse({ _next: `${interesse.thankYouPath}\r\nSet-Cookie: sitzung=geklaut` })) },
    status: 303,
    reply: { kind: 'redirect', to: new RegExp(`^${SITE.replace(/\./g, '\\.')}${interesse.thankYouPath}[^\\r\\n]*ref=KV-`) },
    effect: stored(),
    then: ({ reply }) => expect(reply.headers['set-cookie']).toBeUndefined(),
  },
  {
    name: '_next to another origin from a JSON client',
    req: { body: validInteresse({ _next: 'https://evil.example/' }) },
    status: 200,
    reply: success,
    effect: stored(),
    then: ({ reply }) => expect(JSON.parse(reply.text).next).toMatch(thankYou),
  },
  // ── markup: stored verbatim, escaped in admin page and e-mail ─────────────────────────────
  withFields('<script> in Behörde', { behoerde: xssScript }, 200, success, stored(), roundTrip('behoerde', xssScript)),
  withFields('<img onerror> in Nachricht', { nachricht: xssImg }, 200, success, stored(), roundTrip('nachricht', xssImg)),
  withFields('"><svg/onload> in Ansprechperson (the Reply-To carries no name)', { ansprechperson: xssSvg }, 200, success, stored(), async (ctx) => {
    await roundTrip('ansprechperson', xssSvg)!(ctx);
    expect((await ctx.mail()).replyTo?.text).toContain('erika.mustermann@stadt.de');
  }),
  {
    name: 'markup in an invalid plain form post comes back escaped',
    req: { headers: formPost, body: urlencoded(validInteresse({ email: xssSvg, nachricht: xssScript })) },
    status: 422,
    reply: { kind: 'html', contains: ['Es gibt ein Problem'] },
    effect: nothing,
    then: ({ reply }) => {
      expect(decodeHtml(reply.text)).toContain(`value="${xssSvg}"`);
      expect(decodeHtml(reply.text)).toContain(`${xssScript}</textarea>`);
      expect(reply.text).not.toContain(xssScript);
      expect(reply.text).not.toContain('<svg');
    },
  },
  // ── CSV formulas ───────────────────────────────────────────────────────────────────────────
  withFields('=HYPERLINK formula', { behoerde: '=HYPERLINK("https://evil.example","klick")' }, 200, success, stored(),
    csvCell('behoerde', '=HYPERLINK("https://evil.example","klick")', `;"'=HYPERLINK(""https://evil.example"",""klick"")";`)),
  withFields('+1 formula', { behoerde: '+1' }, 200, success, stored(), csvCell('behoerde', '+1', ";'+1;")),
  withFields('-2+3 formula', { behoerde: '-2+3' }, 200, success, stored(), csvCell('behoerde', '-2+3', ";'-2+3;")),
  withFields('@SUM(1) formula', { funktion: '@SUM(1)' }, 200, success, stored(), csvCell('funktion', '@SUM(1)', ";'@SUM(1);")),
  withFields('formula after a leading TAB (trimmed, then neutralised)', { behoerde: '\t=1+1' }, 200, success, stored(), csvCell('behoerde', '=1+1', ";'=1+1;")),
  withFields('formula after a leading CR (trimmed, then neutralised)', { behoerde: '\r=cmd|"/c calc"!A1' }, 200, success, stored(),
    csvCell('behoerde', '=cmd|"/c calc"!A1', `;"'=cmd|""/c calc""!A1";`)),
  // ── unicode ────────────────────────────────────────────────────────────────────────────────
  withFields('NUL in Behörde', { behoerde: 'Stadt\u0000Dortmund' }, 422, errors({ field: 'behoerde', code: 'TYPE_TEXT' }), nothing, ({ reply }) =>
    expect(JSON.parse(reply.text).errors[0].message).toBe(controlMessage('Behörde'))),
  withFields('other control characters (ESC, DEL) in Nachricht', { nachricht: 'Hallo\u001b[31m rot\u007f' }, 422, errors({ field: 'nachricht', code: 'TYPE_TEXT' }), nothing, ({ reply }) =>
    expect(JSON.parse(reply.text).errors[0].message).toBe(controlMessage('Nachricht'))),
  {
    name: 'lone surrogate (\\ud800) in Ansprechperson',
    req: { body: JSON.stringify(validInteresse({ ansprechperson: 'PLACEHOLDER' })).replace('PLACEHOLDER', 'Erika \\ud800 Muster') },
    status: 422,
    reply: errors({ field: 'ansprechperson', code: 'TYPE_TEXT' }),
    effect: nothing,
  },
  withFields('right-to-left override U+202E', { behoerde: 'Stadt \u202Etxt.exe' }, 200, success, stored(), intact('behoerde', 'Stadt \u202Etxt.exe')),
  withFields('zero-width characters', { behoerde: 'Stadt\u200B Dort\u200Dmund\u2060' }, 200, success, stored(), intact('behoerde', 'Stadt\u200B Dort\u200Dmund\u2060')),
  withFields('stacked combining characters', { behoerde: 'Z\u0351\u0352\u0353a\u0300\u0301\u0302lgo' }, 200, success, stored(), intact('behoerde', 'Z\u0351\u0352\u0353a\u0300\u0301\u0302lgo')),
  withFields('NFC spelling kept as sent', { behoerde: 'M\u00fcnster' }, 200, success, stored(), intact('behoerde', 'M\u00fcnster')),
  withFields('NFD spelling kept as sent (not normalised)', { behoerde: 'Mu\u0308nster' }, 200, success, stored(), intact('behoerde', 'Mu\u0308nster')),
  withFields('4-byte characters (emoji, mathematical letters)', { behoerde: 'Stadt 🏛️ 𝔇𝔬𝔯𝔱𝔪𝔲𝔫𝔡' }, 200, success, stored(), intact('behoerde', 'Stadt 🏛️ 𝔇𝔬𝔯𝔱𝔪𝔲𝔫𝔡')),
  withFields('byte order mark before a value (trimmed)', { behoerde: '\uFEFFStadt Hamm' }, 200, success, stored(), ({ saved }) => expect(saved?.data['behoerde']).toBe('Stadt Hamm')),
  { name: 'byte order mark before the JSON body', req: { body: `\uFEFF${JSON.stringify(validInteresse())}` }, status: 200, reply: success, effect: stored() },
  // ── requests that are not submissions ──────────────────────────────────────────────────────
  { name: 'unknown form', req: { path: '/f/gibt-es-nicht', body: validInteresse() }, status: 404, reply: errors({ code: 'FORM_NOT_FOUND' }), effect: nothing },
  { name: 'form key with an encoded CRLF', req: { path: '/f/interesse%0d%0aSet-Cookie:%20x=1', body: validInteresse() }, status: 404, reply: errors({ code: 'FORM_NOT_FOUND' }), effect: nothing },
  { name: 'GET on the endpoint', req: { method: 'GET', headers: { accept: 'application/json' } }, status: 405, reply: errors({ code: 'METHOD_NOT_ALLOWED' }), effect: nothing },
  { name: 'post from a foreign origin', req: { headers: { ...json, origin: 'https://evil.example' }, body: validInteresse() }, status: 403, reply: errors({ code: 'BLOCKED' }), effect: nothing },
  // A sandboxed iframe on any website sends "Origin: null".
  { name: 'JSON post with Origin: null', req: { headers: { ...json, origin: 'null' }, body: validInteresse() }, status: 403, reply: errors({ code: 'BLOCKED' }), effect: nothing },
  {
    name: 'plain form post with Origin: null',
    req: { headers: { ...formPost, origin: 'null' }, body: urlencoded(validInteresse()) },
    status: 403,
    reply: { kind: 'html', contains: ['nur von der Website'] },
    effect: nothing,
  },
  // ── floods ─────────────────────────────────────────────────────────────────────────────────
  {
    name: 'flood from one address: the 4th post within a minute gets 429',
    env: { FORM_RATE_LIMIT: '3' },
    before: [{ body: validInteresse() }, { body: validInteresse() }, { body: validInteresse() }],
    req: { body: validInteresse() },
    status: 429,
    reply: errors({ code: 'RATE_LIMITED' }),
    effect: nothing,
    then: ({ reply }) => expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0),
  },
  {
    name: 'flood with a spoofed X-Forwarded-For per request, TRUST_PROXY unset: still 429',
    env: { FORM_RATE_LIMIT: '3' },
    before: ['203.0.113.1', '203.0.113.2', '203.0.113.3'].map((ip) => ({ headers: { ...json, 'x-forwarded-for': ip }, body: validInteresse() })),
    req: { headers: { ...json, 'x-forwarded-for': '203.0.113.4' }, body: validInteresse() },
    status: 429,
    reply: errors({ code: 'RATE_LIMITED' }),
    effect: nothing,
  },
  {
    name: 'TRUST_PROXY=127.0.0.1: X-Forwarded-For from the proxy names the client, so another client is served',
    env: { FORM_RATE_LIMIT: '3', TRUST_PROXY: '127.0.0.1' },
    before: ['203.0.113.1', '203.0.113.1', '203.0.113.1'].map((ip) => ({ headers: { ...json, 'x-forwarded-for': ip }, body: validInteresse() })),
    req: { headers: { ...json, 'x-forwarded-for': '203.0.113.2' }, body: validInteresse() },
    status: 200,
    reply: success,
    effect: stored(),
  },
];

function multipartReq(fields: Record<string, unknown>, files: { name: string; filename: string; content: string }[] = []): Req {
  const { payload, headers } = multipart(fields, files);
  return { headers, body: payload };
}

interface Server {
  t: TestApp;
  base: string;
}

async function listen(env: Record<string, string>, transport: 'sink' | 'none'): Promise<Server> {
  const t =
    transport === 'sink'
      ? await createTestApp({ SMTP_URL: sink.url, OUTBOX_POLL_MS: '50', ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'hostile-test-geheim', ...env }, {})
      : await createTestApp(env);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  return { t, base: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}` };
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

beforeAll(async () => {
  sink = smtpSink();
  await sink.start();
  shared = await listen({}, 'sink');
});
afterAll(async () => {
  await shared.t.close();
  await sink.stop();
});

describe('hostile input', () => {
  it(`has at least 40 cases (${cases.length})`, () => {
    console.log(`hostile input: ${cases.length} cases`);
    expect(cases.length).toBeGreaterThanOrEqual(40);
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
          const page = await send(server.base, { method: 'GET', path: '/admin/', headers: ADMIN });
          expect(page.status).toBe(200);
          return page.text;
        },
        csvRow: async (form) => {
          const csv = await send(server.base, { method: 'GET', path: `/admin/${form}.csv`, headers: ADMIN });
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
});
