/**
 * The pages the form server writes, against the fixture site (dist-fixtures/ from the fixture
 * content, which `npm test` builds first, served with that content):
 * the same frame as every page of the site, the same form markup as the island, the visitor's
 * input kept, and valid HTML (html-validate and the W3C Nu checker on saved copies).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormMeta } from '../../shared/forms/index.ts';
import { ADMIN_FRAME_FILE, FORM_SLOT_ATTRIBUTE, FORM_SLOT_VALUE, FRAME_FILE } from '../../shared/lib/server-files.ts';
import { buildDeploymentEnv, createTestApp, decodeHtml, FIXTURE_DIST, FIXTURE_SERVER_DIR, fixtureForms, formPost, INTERESSE, interesse, interesseOptions, json, repoRoot, signInApp, signInBody, tempDir, urlencoded, validInteresse, type TestApp } from './helpers.ts';

const dist = FIXTURE_DIST;
const frameFile = join(FIXTURE_SERVER_DIR, FRAME_FILE);
const adminFrameFile = join(FIXTURE_SERVER_DIR, ADMIN_FRAME_FILE);
const [choice = ''] = interesseOptions;
/** A form of the running app by name. */
const formOf = (target: TestApp, name: string): FormMeta => {
  const form = target.app.forms.get(name);
  if (form === undefined) throw new Error(`Kein Formular „${name}“.`);
  return form;
};
/** The Cookie header of a sign-in to `target`'s admin area. */
const admin = async (target: TestApp) => (await signInApp(target.app, 'dnrw', 'seiten-test-4711')).cookie;
const opened: TestApp[] = [];
let t: TestApp;

async function app(env: Record<string, string> = {}): Promise<TestApp> {
  const created = await createTestApp({ ...buildDeploymentEnv(), DIST_DIR: dist, ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'seiten-test-4711', ...env });
  opened.push(created);
  return created;
}

beforeAll(async () => {
  if (!existsSync(frameFile)) throw new Error(`${frameFile} fehlt: bauen Sie zuerst die Fixture-Website (npm test -- "build fixtures").`);
  t = await app();
});
afterAll(async () => {
  for (const each of opened) await each.close();
});

const builtPage = (form: FormMeta): string => readFileSync(join(dist, form.path, 'index.html'), 'utf8');

/** The parts of the site's frame in a page: skip link, header, footer and the stylesheets. */
function frameParts(html: string): string[] {
  const parts = [/<a class="skip-link"[^>]*>[^<]*<\/a>/, /<header\b[\s\S]*?<\/header>/, /<footer\b[\s\S]*?<\/footer>/].map((pattern) => pattern.exec(html)?.[0]);
  const stylesheets = [...html.matchAll(/<link rel="stylesheet"[^>]*>|<style\b[^>]*>[\s\S]*?<\/style>/g)].map((match) => match[0]);
  expect(parts.every((part) => part !== undefined) && stylesheets.length > 0, 'the page has the whole frame').toBe(true);
  return [...(parts as string[]), ...stylesheets];
}

/** The frame of a page the server writes is that of `built` (a form's page, or the frame for the server's own pages). */
function expectSiteFrame(html: string, built = readFileSync(frameFile, 'utf8')): void {
  expect(html).toMatch(/^<!DOCTYPE html><html lang="de">/);
  expect(frameParts(html)).toEqual(frameParts(built));
}

it('the frame of the server pages is the frame of the site', () => {
  // The 404 page, like the frame, is no page of the navigation (the header marks the current one).
  expectSiteFrame(readFileSync(frameFile, 'utf8'), readFileSync(join(dist, '404.html'), 'utf8'));
});

/** A form's markup split into its field groups (by field name) and the rest after the fields. */
function formParts(form: string): { fields: Map<string, string>; tail: string } {
  const end = form.indexOf('<div aria-hidden="true" class="form-honeypot"');
  const groups = form.slice(0, end).split(/(?=<div class="form-group)/).slice(1);
  return { fields: new Map(groups.map((group) => [/name="([^"]+)"/.exec(group)?.[1] ?? '', group])), tail: form.slice(end) };
}

const post = (target: TestApp, url: string, fields: Record<string, unknown>) =>
  target.app.inject({ method: 'POST', url, headers: formPost, payload: urlencoded(fields) });

describe('the error page of a form post without JavaScript', () => {
  it('is the form page in the site frame, with "Fehler: ", the errors, the privacy link and the input kept', async () => {
    const form = formOf(t, INTERESSE);
    const res = await post(t, `/f/${INTERESSE}`, { behoerde: 'Stadt <Prüfhausen> & "Umland"', antragsstrecken: choice, nachricht: 'Bitte $& melden', _next: interesse.thankYouPath });
    expect(res.statusCode).toBe(422);
    const html = res.body;
    expectSiteFrame(html, builtPage(form));
    const title = /<title>([^<]*)<\/title>/.exec(builtPage(form))?.[1] ?? '';
    expect(html).toContain(`<title>Fehler: ${title}</title>`);
    // The element of ours holds the server's form and nothing else: no island hydrates over it.
    expect(html).toMatch(new RegExp(`<div ${FORM_SLOT_ATTRIBUTE}="${FORM_SLOT_VALUE}"><form\\b(?:(?!<form\\b)[\\s\\S])*</form></div>`));
    expect(html).toContain(`<a href="${form.privacyHref}">Datenschutzhinweise zu diesem Formular</a>`);
    expect(html).toContain('<a href="#ansprechperson">Geben Sie den Namen der Ansprechperson ein</a>');
    expect(decodeHtml(html)).toContain('value="Stadt <Prüfhausen> & "Umland""');
    expect(html).toContain(`value="${choice}" checked`);
    expect(html).toContain('>Bitte $&amp; melden</textarea>');
  });

  it.each([...fixtureForms.keys()])('%s: renders every field without an error exactly as the island does in the build', async (name) => {
    const form = formOf(t, name);
    const island = /<form\b[\s\S]*?<\/form>/.exec(builtPage(form))?.[0];
    if (island === undefined) throw new Error(`${form.path}: kein Formular im Build`);
    const res = await post(t, `/f/${name}`, { _next: form.thankYouPath });
    expect(res.statusCode).toBe(422);
    const served = /<form\b[\s\S]*?<\/form>/.exec(res.body)?.[0] ?? '';
    const built = formParts(island);
    const page = formParts(served);
    const unflagged = form.fields.filter((field) => !res.body.includes(`id="${field.name}-error"`));
    expect(unflagged.length, 'some fields are optional').toBeGreaterThan(0);
    for (const field of unflagged) expect(page.fields.get(field.name), field.name).toBe(built.fields.get(field.name));
    expect(page.tail).toBe(built.tail);
  });

  it('shows a failure of the whole submission as the island does, with the input for the e-mail', async () => {
    const limited = await app({ FORM_RATE_LIMIT: '1' });
    await post(limited, '/f/barriere-melden', { seite: '/', beschreibung: 'Erste' });
    const res = await post(limited, '/f/barriere-melden', { seite: '/kontakt/', beschreibung: 'Zweite Meldung' });
    expect(res.statusCode).toBe(429);
    expectSiteFrame(res.body, builtPage(formOf(limited, 'barriere-melden')));
    expect(res.body).toContain('Ihre Angaben konnten nicht gesendet werden');
    expect(res.body).toContain('Sie haben in kurzer Zeit sehr viele Formulare gesendet.');
    expect(decodeURIComponent(/href="(mailto:[^"]+)"/.exec(res.body)?.[1] ?? '')).toContain('Beschreibung: Zweite Meldung');
    expect(res.body).toContain('>Zweite Meldung</textarea>');
  });
});

/** The parts of the admin frame in a page: skip link, header (without the signed-in account's links and name) and the stylesheets. */
function adminFrameParts(html: string): string[] {
  const header = /<header class="admin-header">[\s\S]*?<\/header>/.exec(html)?.[0]?.replace(/<nav class="admin-nav"[\s\S]*<\/form>|<!--kv:konto-->/, '');
  const stylesheets = [...html.matchAll(/<style\b[^>]*>[\s\S]*?<\/style>/g)].map((match) => match[0]);
  return [/<a class="skip-link"[^>]*>[^<]*<\/a>/.exec(html)?.[0] ?? '', header ?? '', ...stylesheets];
}

describe('the other pages of the server', () => {
  it('puts message pages into the site frame, and the admin area into its own frame without the public navigation', async () => {
    const message = await t.app.inject({ method: 'GET', url: `/f/${INTERESSE}`, headers: { accept: 'text/html' } });
    expect(message.statusCode).toBe(405);
    expectSiteFrame(message.body);
    const adminPages = [
      await t.app.inject({ method: 'GET', url: '/admin/', headers: await admin(t) }),
      await t.app.inject({ method: 'GET', url: '/admin/anmelden' }),
      await t.app.inject({ method: 'POST', url: '/admin/anmelden', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: signInBody('dnrw', 'falsch') }),
    ];
    expect(adminPages.map((res) => res.statusCode)).toEqual([200, 200, 401]);
    const built = readFileSync(adminFrameFile, 'utf8');
    for (const res of adminPages) {
      expect(res.body).toMatch(/^<!DOCTYPE html><html lang="de">/);
      expect(adminFrameParts(res.body)).toEqual(adminFrameParts(built));
      expect(res.body).not.toContain('<nav aria-label="Hauptnavigation"');
      expect(res.body).not.toContain('<footer');
      // The public pages' reflow rule (break anywhere) is not in the admin stylesheet.
      expect(res.body).not.toContain('overflow-wrap:anywhere');
    }
    expect(adminPages[0]?.body).toContain('Angemeldet als <strong class="whole">dnrw</strong>');
    expect(adminPages.map((res) => /<h1>([^<]*)<\/h1>/.exec(res.body)?.[1])).toEqual(['Vorgänge und Einsendungen', 'Anmelden', 'Anmelden']);
    expect(adminPages[2]?.body).toContain('<title>Fehler: Anmelden');
  });
});

describe('HTML of the server pages', { timeout: 120_000 }, () => {
  it('is valid for html-validate and the W3C Nu checker (saved copies)', async () => {
    const bare = await createTestApp({ ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'seiten-test-4711' });
    opened.push(bare);
    await post(t, '/f/barriere-melden', { seite: '/', beschreibung: 'Zeile 1\nZeile <2>' });
    const pages: Record<string, string> = {};
    for (const [name, target] of [['site', t], ['bare', bare]] as const) {
      pages[`${name}-interesse`] = (await post(target, `/f/${INTERESSE}`, { email: 'x', antragsstrecken: [choice, 'Erfunden'] })).body;
      pages[`${name}-barriere`] = (await post(target, '/f/barriere-melden', { beschreibung: 'x'.repeat(5000) })).body;
      pages[`${name}-message`] = (await target.app.inject({ method: 'GET', url: `/f/${INTERESSE}`, headers: { accept: 'text/html' } })).body;
      const vorgang = (await target.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json })).json<{ id: string }>().id;
      const session = await signInApp(target.app, 'dnrw', 'seiten-test-4711');
      pages[`${name}-admin`] = (await target.app.inject({ method: 'GET', url: '/admin/', headers: session.cookie })).body;
      pages[`${name}-vorgang`] = (await target.app.inject({ method: 'GET', url: `/admin/vorgang/${vorgang}`, headers: session.cookie })).body;
      pages[`${name}-uebersicht`] = (await target.app.inject({ method: 'GET', url: '/admin/uebersicht', headers: session.cookie })).body;
      // A status link: the Vorgang page that shows its address, the authority's page, an unknown link's page.
      const created = await target.app.inject({
        method: 'POST',
        url: `/admin/vorgang/${vorgang}/statuslink`,
        headers: { ...session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${session.csrfToken}&gueltigkeit=90`,
      });
      pages[`${name}-statuslink`] = created.body;
      const statusPath = new URL(/value="(http[^"]+)"/.exec(created.body)?.[1] ?? 'http://x/').pathname;
      pages[`${name}-status`] = (await target.app.inject({ method: 'GET', url: statusPath })).body;
      expect(pages[`${name}-status`]).toContain('<h1>Stand Ihrer Nachnutzung</h1>');
      pages[`${name}-status-unknown`] = (await target.app.inject({ method: 'GET', url: `/status/${'C'.repeat(43)}` })).body;
      pages[`${name}-login`] = (await target.app.inject({ method: 'GET', url: '/admin/anmelden' })).body;
      const signInPost = { method: 'POST', url: '/admin/anmelden', headers: { 'content-type': 'application/x-www-form-urlencoded' } } as const;
      pages[`${name}-login-error`] = (await target.app.inject({ ...signInPost, payload: signInBody('', '') })).body;
      const signOut = { method: 'POST', url: '/admin/abmelden', headers: { ...signInPost.headers, ...session.cookie } } as const;
      pages[`${name}-csrf`] = (await target.app.inject({ ...signOut, payload: '_csrf=falsch' })).body;
      pages[`${name}-signed-out`] = (await target.app.inject({ ...signOut, payload: `_csrf=${session.csrfToken}` })).body;
    }
    const folder = tempDir('kv-server-pages-');
    try {
      for (const [name, html] of Object.entries(pages)) writeFileSync(join(folder.path, `${name}.html`), html);
      const validator = new HtmlValidate(new FileSystemConfigLoader());
      const problems: string[] = [];
      for (const name of Object.keys(pages)) {
        const report = await validator.validateFile(join(folder.path, `${name}.html`));
        for (const result of report.results) for (const m of result.messages) problems.push(`${name}: ${m.ruleId} ${m.message}`);
      }
      expect(problems).toEqual([]);
      const nu = spawnSync(process.execPath, ['scripts/vnu.ts', folder.path], { cwd: repoRoot, encoding: 'utf8' });
      expect(`${nu.stdout}${nu.stderr}`.trim()).toBe('');
      expect(nu.status).toBe(0);
    } finally {
      folder.remove();
    }
  });
});
