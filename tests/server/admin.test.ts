import { describe, expect, it } from 'vitest';
import { ADMIN_PAGE_SIZE } from '../../server/admin/routes.ts';
import { safeEqual } from '../../server/http/safe-equal.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { bearer, brokenStorageEnv, decodeHtml, fixtureOffers, fixtureRollout, INTERESSE, interesse, interesseOptions, json, signInApp, validInteresse, type TestApp } from './helpers.ts';

const cleanups = cleanupAfterEach();

const ADMIN = { ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'richtig-geheim' };
const METRICS_TOKEN = 'metriken-test-0123456789abcdef0123456789';

/** An app with the admin area (ADMIN_PASSWORD as its first account), and the Cookie header of a sign-in. */
async function signedIn(env: Record<string, string> = {}): Promise<{ t: TestApp; auth: { cookie: string } }> {
  const t = await cleanups.app({ ...ADMIN, ...env });
  return { t, auth: (await signInApp(t.app, ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD)).cookie };
}

describe('admin area', () => {
  it('does not exist without an admin area (404)', async () => {
    const t = await cleanups.app();
    expect((await t.app.inject({ method: 'GET', url: '/admin/' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.csv` })).statusCode).toBe(404);
  });

  it('lists the submissions of every form, escaped, with no-store', async () => {
    const { t, auth } = await signedIn();
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse({ behoerde: '<img src=x onerror=alert(1)> Stadt' }), headers: json });
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse({ _gotcha: 'bot', behoerde: 'Spam GmbH' }), headers: json });
    await t.app.inject({ method: 'POST', url: '/f/barriere-melden', payload: { seite: '/kontakt/', beschreibung: 'Kein Fokus' }, headers: json });
    const res = await t.app.inject({ method: 'GET', url: '/admin/', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain(`Interessenbekundung ${fixtureOffers[0]?.titel} (1)`);
    expect(res.body).toContain(`Interessenbekundung ${fixtureOffers[1]?.titel} (0)`);
    expect(res.body).toContain('Barrieremeldung (1)');
    expect(decodeHtml(res.body)).toContain('<img src=x onerror=alert(1)> Stadt');
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).not.toContain('Spam GmbH');
    expect(res.body).toContain('1 Einsendung(en) als Spam erkannt');
    expect(res.body).toContain('Kein Fokus');
    expect(res.body).toMatch(/<td class="whole"><bdi>03\.2027<\/bdi><\/td>/);
    // In the admin frame: who is signed in and the sign-out form, no public navigation.
    expect(res.body).toContain('Angemeldet als <strong class="whole">dnrw</strong>');
    expect(res.body).toMatch(/<form class="admin-account" method="post" action="\/admin\/abmelden"/);
  });

  it('exports a form as CSV with BOM, semicolons and neutralised formulas, without spam', async () => {
    const { t, auth } = await signedIn();
    await t.app.inject({
      method: 'POST',
      url: `/f/${INTERESSE}`,
      payload: validInteresse({ behoerde: '=HYPERLINK("http://evil.example","klick")', funktion: '@SUM(A1)', nachricht: '-2+3\nzweite "Zeile"; mit Semikolon' }),
      headers: json,
    });
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse({ _gotcha: 'x', behoerde: 'Spam GmbH' }), headers: json });
    const res = await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.csv`, headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${INTERESSE}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    expect(res.headers['cache-control']).toBe('no-store');
    const csv = res.body;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header] = csv.slice(1).split('\r\n');
    // Last the Vorgang, its status and one date per rollout step of the offer (fixture content).
    const stepDays = (fixtureRollout.get(INTERESSE) ?? []).map((step) => `Datum: ${step.titel}`);
    expect(header).toBe(
      ['Eingangsnummer;Eingegangen;Angebot;Behörde;Gemeinde- oder Kreisschlüssel;Ansprechperson;Funktion;E-Mail-Adresse;Telefon;Antragsstrecken;Gewünschter Start;Nachricht;Vorgang;Stand', ...stepDays].join(';'),
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""klick"")"`);
    expect(csv).toContain(";'@SUM(A1);");
    expect(csv).toContain(`"'-2+3\nzweite ""Zeile""; mit Semikolon"`);
    expect(csv).toContain(`;${fixtureOffers[0]?.titel};`);
    expect(csv).toContain(`;"${interesseOptions.slice(0, 2).join('; ')}";`);
    expect(csv).toContain(';03.2027;');
    expect(csv).not.toContain('Spam GmbH');
    expect((await t.app.inject({ method: 'GET', url: '/admin/unbekannt.csv', headers: auth })).statusCode).toBe(404);
  });
});

describe('admin list paging', () => {
  it(`shows ${ADMIN_PAGE_SIZE} submissions per page, newest first, with links to older and newer ones; the export has all`, async () => {
    const { t, auth } = await signedIn();
    const total = ADMIN_PAGE_SIZE + 3;
    const saved = await t.app.store.saveSubmissions(
      Array.from({ length: total }, (_, i) => ({ form: INTERESSE, prefix: 'KV', data: validInteresse({ behoerde: `Behörde Nr. ${i + 1}` }), spam: false })),
    );
    const first = await t.app.inject({ method: 'GET', url: '/admin/', headers: auth });
    const rows = (html: string) => [...html.matchAll(/<th scope="row" class="whole">(KV-\d{4}-\d{6})<\/th>/g)].map((m) => m[1]);
    expect(decodeHtml(first.body)).toContain(`${interesse.submissionName} (${total})`);
    expect(rows(first.body)).toEqual(saved.slice(3).reverse().map((s) => s.reference));
    expect(first.body).toContain('href="/admin/?seite=2">Ältere Einsendungen');
    expect(first.body).not.toContain('Neuere Einsendungen');
    const second = await t.app.inject({ method: 'GET', url: '/admin/?seite=2', headers: auth });
    expect(rows(second.body)).toEqual(saved.slice(0, 3).reverse().map((s) => s.reference));
    expect(second.body).toContain('href="/admin/?seite=1">Neuere Einsendungen');
    expect(second.body).not.toContain('Ältere Einsendungen');
    for (const odd of ['0', '-1', 'abc', '1e3']) expect((await t.app.inject({ method: 'GET', url: `/admin/?seite=${odd}`, headers: auth })).statusCode).toBe(200);
    const csv = await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.csv`, headers: auth });
    expect(csv.body.split('\r\n').filter((line) => /^KV-/.test(line))).toHaveLength(total);
  });
});

describe('/metrics', () => {
  it('does not exist without METRICS_TOKEN, asks for the token (the staff sign-in does not open it), and counts submissions, the outbox and requests', async () => {
    const open = await cleanups.app(ADMIN);
    expect((await open.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);

    const { t, auth: staff } = await signedIn({ METRICS_TOKEN });
    const auth = bearer(METRICS_TOKEN);
    for (const headers of [{}, staff, bearer('falsch'), bearer(`${METRICS_TOKEN}x`), { authorization: `Basic ${Buffer.from(`dnrw:${METRICS_TOKEN}`).toString('base64')}` }]) {
      const refused = await t.app.inject({ method: 'GET', url: '/metrics', headers });
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(refused.body).not.toContain('kv_');
    }
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json });
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse({ _gotcha: 'x' }), headers: json });
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse({ email: 'kaputt' }), headers: json });
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: { ...json, origin: 'null' } });
    await t.app.inject({ method: 'POST', url: '/f/gibt-es-nicht', payload: {}, headers: json });
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers['cache-control']).toBe('no-store');
    const text = res.body;
    for (const line of [
      `kv_submissions_total{form="${INTERESSE}",result="accepted"} 1`,
      `kv_submissions_total{form="${INTERESSE}",result="spam"} 1`,
      `kv_submissions_total{form="${INTERESSE}",result="INVALID_FIELDS"} 1`,
      `kv_submissions_total{form="${INTERESSE}",result="BLOCKED"} 1`,
      'kv_submissions_total{form="unknown",result="FORM_NOT_FOUND"} 1',
      'kv_outbox_pending 1',
      'kv_store_commits_total 2',
      'kv_store_committed_submissions_total 2',
      'kv_mails_sent_total 0',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).toMatch(/^kv_outbox_oldest_pending_age_seconds \d/m);
    expect(text).toMatch(/^kv_http_request_duration_seconds_count\{method="POST",route="\/f\/:formKey",status_code="200"\} 2$/m);
    expect(text).toContain('# TYPE kv_mail_failures_total counter');
    expect(text).toContain('# TYPE kv_storage_errors_total counter');
  });

  it('answers 429 (not 500) when scraped more than 60 times a minute', async () => {
    const t = await cleanups.app({ METRICS_TOKEN });
    const auth = bearer(METRICS_TOKEN);
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) statuses.push((await t.app.inject({ method: 'GET', url: '/metrics', headers: auth })).statusCode);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
  });

  it('counts storage errors, and the admin list answers 503 while the store is down', async () => {
    const broken = await brokenStorageEnv(cleanups.folder('kv-metrics-'));
    const t = await cleanups.app({ ...ADMIN, METRICS_TOKEN, ...broken });
    expect((await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json })).statusCode).toBe(503);
    const text = (await t.app.inject({ method: 'GET', url: '/metrics', headers: bearer(METRICS_TOKEN) })).body;
    expect(text).toMatch(/^kv_storage_errors_total\{reason="[^"]+"\} [1-9]/m);
    expect(text).toContain(`kv_submissions_total{form="${INTERESSE}",result="STORAGE_UNAVAILABLE"} 1`);
    // Without a store, no session can be looked up: 503, not the sign-in page.
    expect((await t.app.inject({ method: 'GET', url: '/admin/', headers: { cookie: 'kv_verwaltung=x' } })).statusCode).toBe(503);
  });
});

describe('CSV formula neutralisation', () => {
  it('exports cells starting with = + - @ TAB CR or a full-width ＝ ＋ － ＠ with a leading apostrophe, and leaves others alone', async () => {
    const { t, auth } = await signedIn();
    const dangerous = ['=1+1', '+49 231', '-1', '@x', '\tx', '\rx', '＝1+1', '＋1', '－1', '＠x'];
    const harmless = ['Stadt', '0231', ' =x', 'a=b'];
    // Stored as they are: the form's own trimming would already remove a leading TAB or CR.
    await t.app.store.saveSubmissions(
      [...dangerous, ...harmless].map((behoerde) => ({ form: INTERESSE, prefix: 'KV', data: validInteresse({ behoerde }), spam: false })),
    );
    const csv = (await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.csv`, headers: auth })).body;
    const cell = (text: string) => (/[;"\r\n]/.test(text) ? `"${text}"` : text);
    for (const value of dangerous) expect(csv).toContain(`;${cell(`'${value}`)};`);
    for (const value of harmless) expect(csv).toContain(`;${cell(value)};`);
    expect(csv).not.toContain(";'Stadt;");
  });
});

describe('constant-time comparison', () => {
  it('compares secrets of any length', () => {
    expect(safeEqual('a', 'a')).toBe(true);
    expect(safeEqual('a', 'ab')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
