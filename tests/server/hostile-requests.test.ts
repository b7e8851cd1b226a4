/**
 * Hostile requests, one table (tests/server/hostile-harness.ts runs it): bodies too large, chunked
 * or in the wrong encoding, malformed JSON, unknown fields, requests that are not submissions, and
 * floods. One table rather than many tests: every case is the same request-and-check, so a new
 * attack is one row.
 */
import { expect } from 'vitest';
import { errors, hostileInput, multipartReq, nothing, stored, success, urlencodedJson, withFields, type Case } from './hostile-harness.ts';
import { formPost, json, urlencoded, validInteresse } from './helpers.ts';

const manyFields = Object.fromEntries([...Object.entries(validInteresse()), ...Array.from({ length: 250 }, (_, i) => [`feld${i}`, `wert${i}`])]);

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
  // A field's value is a text or a list of texts (null: not given); anything else is unreadable.
  withFields('an object where text belongs', { behoerde: { $gt: '' } }, 400, errors({ code: 'INVALID_BODY' }), nothing),
  withFields('a number where text belongs', { telefon: 2311234 }, 400, errors({ code: 'INVALID_BODY' }), nothing),
  withFields('a list of objects for the choices', { antragsstrecken: [{ $ne: '' }] }, 400, errors({ code: 'INVALID_BODY' }), nothing),
  {
    name: 'JSON nested 15,000 lists deep in a field',
    req: { body: JSON.stringify(validInteresse({ nachricht: 'PLACEHOLDER' })).replace('"PLACEHOLDER"', `${'['.repeat(15_000)}"x"${']'.repeat(15_000)}`) },
    status: 400,
    reply: errors({ code: 'INVALID_BODY' }),
    effect: nothing,
  },
  {
    name: 'JSON nested 15,000 lists deep in the honeypot',
    req: { body: JSON.stringify(validInteresse({ _gotcha: 'PLACEHOLDER' })).replace('"PLACEHOLDER"', `${'['.repeat(15_000)}"x"${']'.repeat(15_000)}`) },
    status: 400,
    reply: errors({ code: 'INVALID_BODY' }),
    effect: nothing,
  },
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
  // ── requests that are not submissions ──────────────────────────────────────────────────────
  { name: 'unknown form', req: { path: '/f/gibt-es-nicht', body: validInteresse() }, status: 404, reply: errors({ code: 'FORM_NOT_FOUND' }), effect: nothing },
  { name: 'form key with an encoded CRLF', req: { path: '/f/interesse%0d%0aSet-Cookie:%20x=1', body: validInteresse() }, status: 404, reply: errors({ code: 'FORM_NOT_FOUND' }), effect: nothing },
  // Fastify answers these before any route or hook: the same headers, a fixed text, no echo.
  { name: 'malformed URL GET /%', req: { method: 'GET', path: '/%', headers: { accept: 'text/html' } }, status: 400, reply: { kind: 'text', equals: 'Ungültige Anfrage' }, effect: nothing },
  {
    name: 'malformed URL with markup POST /f/%<script>',
    req: { path: '/f/%<script>alert(1)</script>', body: validInteresse() },
    status: 400,
    reply: { kind: 'text', equals: 'Ungültige Anfrage' },
    effect: nothing,
  },
  { name: 'form key longer than the router allows', req: { path: `/f/${'x'.repeat(500)}`, body: validInteresse() }, status: 414, reply: { kind: 'text', equals: 'Ungültige Anfrage' }, effect: nothing },
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
  // An IPv6 client picks a fresh address from its /64 for every post: it is one client.
  {
    name: 'flood rotating through one IPv6 /64, TRUST_PROXY=127.0.0.1: the 4th post gets 429',
    env: { FORM_RATE_LIMIT: '3', TRUST_PROXY: '127.0.0.1' },
    before: ['2001:db8:aa:bb::1', '2001:db8:aa:bb:1::2', '2001:db8:aa:bb:ffff:ffff:ffff:3'].map((ip) => ({ headers: { ...json, 'x-forwarded-for': ip }, body: validInteresse() })),
    req: { headers: { ...json, 'x-forwarded-for': '2001:db8:aa:bb:4:4:4:4' }, body: validInteresse() },
    status: 429,
    reply: errors({ code: 'RATE_LIMITED' }),
    effect: nothing,
  },
  {
    name: 'after a flood from one IPv6 /64 the next /64 is served',
    env: { FORM_RATE_LIMIT: '3', TRUST_PROXY: '127.0.0.1' },
    before: ['2001:db8:aa:bb::1', '2001:db8:aa:bb::2', '2001:db8:aa:bb::3'].map((ip) => ({ headers: { ...json, 'x-forwarded-for': ip }, body: validInteresse() })),
    req: { headers: { ...json, 'x-forwarded-for': '2001:db8:aa:bc::1' }, body: validInteresse() },
    status: 200,
    reply: success,
    effect: stored(),
  },
];

hostileInput('hostile requests', cases, 42);
