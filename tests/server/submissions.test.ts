/**
 * POST /f/:formKey as @formspree/core and other clients send it: what is stored and answered for
 * JSON, urlencoded and multipart bodies, form keys, the honeypot, and /healthz. Plain form posts
 * without JavaScript: plain-form-post.test.ts; CORS and the rate limit: origins-and-rate-limit.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { rawSubmissionRows } from '../lib/test-store.ts';
import { formKeyVariable } from '../../shared/forms/index.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { formPost, INTERESSE, interesse, json, multipart, postForm, SITE, urlencoded, validInteresse, type TestApp } from './helpers.ts';

const cleanups = cleanupAfterEach();
let t: TestApp;
beforeEach(async () => {
  t = await cleanups.app();
});
const post = (payload: unknown, headers?: Record<string, string>, url?: string) => postForm(t, payload, headers, url);

/** Every error reply: JSON with `errors`, never a `next` (@formspree/core would call it a success). */
function expectErrorBody(body: string, code: string) {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  expect(parsed).not.toHaveProperty('next');
  const errors = parsed['errors'] as { code: string; message: string }[];
  expect(Array.isArray(errors) && errors.length > 0).toBe(true);
  expect(errors[0]?.code).toBe(code);
  for (const error of errors) expect(typeof error.message).toBe('string');
  return parsed as { errors: { code: string; message: string; field?: string }[] };
}

describe('POST /f/:formKey with JSON', () => {
  it('stores a valid submission and answers { next, id } with a reference number', async () => {
    const res = await post(validInteresse());
    expect(res.statusCode).toBe(200);
    const body = res.json<{ next: string; id: string }>();
    expect(body.id).toMatch(/^KV-\d{4}-\d{6}$/);
    expect(body.next).toBe(`${SITE}${interesse.thankYouPath}?ref=${body.id}`);
    const stored = (await t.app.store.listSubmissions(INTERESSE));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ reference: body.id, data: { behoerde: 'Stadt Dortmund, Ausländerbehörde' } });
    expect((await t.app.store.outboxStatus()).pending).toBe(1);
  });

  it('numbers references one after another per form', async () => {
    const a = (await post(validInteresse())).json<{ id: string }>().id;
    const b = (await post(validInteresse())).json<{ id: string }>().id;
    const c = (
      await post({ seite: '/', beschreibung: 'Kontrast zu gering' }, json, '/f/barriere-melden')
    ).json<{ id: string }>().id;
    expect(Number(b.slice(-6))).toBe(Number(a.slice(-6)) + 1);
    expect(c).toMatch(/^BF-\d{4}-000001$/);
  });

  it('drops unknown fields before storing', async () => {
    await post(validInteresse({ isAdmin: true, _subject: 'Hallo', '__proto__x': 1 }));
    const [stored] = (await t.app.store.listSubmissions(INTERESSE));
    expect(Object.keys(stored?.data ?? {}).sort()).toEqual(
      interesse.fields.map((field) => field.name).sort(),
    );
  });

  it('answers 422 with one Formspree error per field and stores nothing', async () => {
    const res = await post(validInteresse({ behoerde: '', email: 'kaputt', antragsstrecken: [] }));
    expect(res.statusCode).toBe(422);
    const body = expectErrorBody(res.body, 'REQUIRED_FIELD_EMPTY');
    expect(body.errors).toEqual([
      { field: 'behoerde', code: 'REQUIRED_FIELD_EMPTY', message: 'Geben Sie den Namen Ihrer Behörde ein' },
      { field: 'email', code: 'TYPE_EMAIL', message: 'Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@beispiel.de' },
      { field: 'antragsstrecken', code: 'REQUIRED_FIELD_EMPTY', message: 'Wählen Sie mindestens eine Antragsstrecke aus' },
    ]);
    expect((await t.app.store.listSubmissions(INTERESSE))).toHaveLength(0);
  });

  it('answers 400 for malformed JSON, a JSON array and null', async () => {
    for (const payload of ['{"behoerde": ', '[{"behoerde":"x"}]', 'null', '"text"', '42']) {
      const res = await post(payload);
      expect(res.statusCode, payload).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expectErrorBody(res.body, 'INVALID_BODY');
    }
    expect((await t.app.store.listSubmissions(INTERESSE))).toHaveLength(0);
  });

  it('refuses prototype pollution attempts with 400', async () => {
    const res = await post('{"__proto__": {"admin": true}, "behoerde": "x"}');
    expect(res.statusCode).toBe(400);
    expectErrorBody(res.body, 'INVALID_BODY');
  });

  it('answers 404 FORM_NOT_FOUND for an unknown form', async () => {
    const res = await post(validInteresse(), json, '/f/unbekannt');
    expect(res.statusCode).toBe(404);
    expect(expectErrorBody(res.body, 'FORM_NOT_FOUND').errors[0]?.message).toMatch(/gibt es nicht/);
  });

  it('answers 405 with Allow for other methods', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH'] as const) {
      const res = await t.app.inject({ method, url: `/f/${INTERESSE}`, headers: { accept: 'application/json' } });
      expect(res.statusCode, method).toBe(405);
      expect(res.headers['allow']).toBe('POST, OPTIONS');
      expectErrorBody(res.body, 'METHOD_NOT_ALLOWED');
    }
  });

  it('answers 413 for a body over 32 KB', async () => {
    const res = await post(validInteresse({ nachricht: 'x'.repeat(33 * 1024) }));
    expect(res.statusCode).toBe(413);
    expectErrorBody(res.body, 'PAYLOAD_TOO_LARGE');
    expect((await t.app.store.listSubmissions(INTERESSE))).toHaveLength(0);
  });

  it('answers 415 for other content types', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/octet-stream']) {
      const res = await post('behoerde=x', { accept: 'application/json', 'content-type': type });
      expect(res.statusCode, type).toBe(415);
      expectErrorBody(res.body, 'UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('refuses a post from an origin that is not allowed, and stores nothing', async () => {
    const res = await post(validInteresse(), { ...json, origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expectErrorBody(res.body, 'BLOCKED');
    expect((await t.app.store.listSubmissions(INTERESSE))).toHaveLength(0);
  });
});

describe('POST /f/:formKey with other encodings', () => {
  it('accepts urlencoded bodies with repeated keys for several Antragsstrecken', async () => {
    const res = await post(urlencoded(validInteresse()), { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(200);
    expect((await t.app.store.listSubmissions(INTERESSE))[0]?.data['antragsstrecken']).toEqual(validInteresse()['antragsstrecken']);
  });

  it('accepts multipart/form-data without files (what @formspree/react sends from a form)', async () => {
    const { payload, headers } = multipart(validInteresse());
    const res = await post(payload, headers);
    expect(res.statusCode).toBe(200);
    expect((await t.app.store.listSubmissions(INTERESSE))[0]?.data).toMatchObject({ antragsstrecken: validInteresse()['antragsstrecken'] });
  });

  it('answers 415 NO_FILE_UPLOADS for a multipart body with a file and stores nothing', async () => {
    const { payload, headers } = multipart(validInteresse(), [{ name: 'anhang', filename: 'a.txt', content: 'hallo' }]);
    const res = await post(payload, headers);
    expect(res.statusCode).toBe(415);
    expectErrorBody(res.body, 'NO_FILE_UPLOADS');
    expect((await t.app.store.listSubmissions(INTERESSE))).toHaveLength(0);
  });

  it('answers 413 for multipart fields that add up to more than 32 KB', async () => {
    const fields: Record<string, unknown> = validInteresse();
    for (let i = 0; i < 40; i++) fields[`extra${i}`] = 'x'.repeat(1000);
    const { payload, headers } = multipart(fields);
    const res = await post(payload, headers);
    expect(res.statusCode).toBe(413);
    expectErrorBody(res.body, 'PAYLOAD_TOO_LARGE');
  });
});

describe('honeypot', () => {
  it('answers a filled honeypot like a success but keeps it out of the list, the export and the mail', async () => {
    const res = await post(validInteresse({ _gotcha: 'http://spam.example' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: expect.stringMatching(/^KV-/), next: expect.stringContaining(interesse.thankYouPath) });
    expect((await t.app.store.listSubmissions(INTERESSE))).toHaveLength(0);
    expect((await t.app.store.countSpam(INTERESSE))).toBe(1);
    expect((await t.app.store.outboxStatus()).pending).toBe(0);
  });

  it('answers a plain form post with a filled honeypot with the normal redirect, even with invalid data', async () => {
    const res = await post(urlencoded({ behoerde: 'x', _gotcha: 'spam' }), formPost);
    expect(res.statusCode).toBe(303);
    expect((await t.app.store.listSubmissions(INTERESSE))).toHaveLength(0);
  });

  it('ignores an empty honeypot', async () => {
    expect((await post(validInteresse({ _gotcha: '' }))).statusCode).toBe(200);
    expect((await t.app.store.listSubmissions(INTERESSE))).toHaveLength(1);
  });

  it('stores only what is needed to count a catch: form, reference and time, none of the submitted data', async () => {
    const bulky = { tief: Array.from({ length: 50 }, (_, i) => ({ ebene: i, text: 'x'.repeat(200) })) };
    const res = await post({ ...validInteresse({ behoerde: 'Spam GmbH' }), _gotcha: 'https://spam.example', extra: bulky });
    expect(res.statusCode).toBe(200);
    const { id } = res.json<{ id: string }>();
    const rows = await rawSubmissionRows(t.config);
    expect(rows).toEqual([{ reference: id, spam: true, data: '{}' }]);
    expect(await t.app.store.countSpam(INTERESSE)).toBe(1);
  });
});

describe('form keys', () => {
  it('accepts a key mapped with FORM_KEY_<FORM> (one per offer) as well as the form name', async () => {
    const other = await cleanups.app({ [formKeyVariable(INTERESSE, 'server')]: 'xyzabc12', FORM_KEY_BARRIERE_MELDEN: 'bf99' });
    const mapped = await other.app.inject({ method: 'POST', url: '/f/xyzabc12', payload: validInteresse(), headers: json });
    expect(mapped.statusCode).toBe(200);
    expect(mapped.json<{ id: string }>().id).toMatch(/^KV-/);
    const barrier = await other.app.inject({ method: 'POST', url: '/f/bf99', payload: { seite: 'x', beschreibung: 'y' }, headers: json });
    expect(barrier.json<{ id: string }>().id).toMatch(/^BF-/);
    expect((await other.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json })).statusCode).toBe(200);
  });
});

describe('health', () => {
  it('GET /healthz answers ok and reveals nothing else (no mail backlog)', async () => {
    await post(validInteresse());
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
