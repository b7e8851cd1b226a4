/**
 * Which texts a build shows for which configuration, on the fixture content (its Datenschutzerklärung
 * and accessibility statement have blocks for the ways the forms send their data, the configured
 * values and an admin-area block outside them): four builds of a temporary copy, for the own form
 * server with and without an admin area, for the own form server on another address and for hosted
 * Formspree, with the settings of deployment-texts.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempProject } from '../../scripts/lib/temp-project.ts';
import { AXE_TAGS, describeWcagTags } from '../../src/lib/accessibility-checks.ts';
import { de } from '../../shared/strings/de.ts';
import { formStrings } from '../../shared/strings/form.ts';
import { logFields } from '../../src/strings/log-fields.ts';
import { BUILD_TIMEOUT_MS, buildFixture, builtPages, external, fixtureCopy, formspree, marked, settings, shownSettings, textOf, withoutAdmin, type BuiltPage } from './built-site.ts';

const days = de.units.days.other;
/** The admin-area block of the fixture's Datenschutzerklärung says this. */
const ADMIN_TEXT = /Verwaltungsbereich/;

/** The four builds: their settings and the FORM_BACKEND each describes. */
const BUILDS = {
  own: { env: settings, kind: 'eigener-server' },
  ownPlain: { env: withoutAdmin, kind: 'eigener-server' },
  extern: { env: external, kind: 'eigener-server-extern' },
  hosted: { env: formspree, kind: 'formspree' },
} as const;
type Build = keyof typeof BUILDS;

/** The cases of every <Formularweg> block a page shows. */
const formularwege = (html: string): string[][] => [...html.matchAll(/data-formularweg="([^"]*)"/g)].map(([, cases = '']) => cases.split(' '));

/** The CSP the build wrote for static hosting (dist/_headers). */
const staticCsp = (project: TempProject): string => /Content-Security-Policy: (.*)/.exec(readFileSync(join(project.root, 'dist/_headers'), 'utf8'))?.[1] ?? '';

describe('texts of the fixture content for each form set-up', { timeout: BUILD_TIMEOUT_MS }, () => {
  const projects: Partial<Record<Build, TempProject>> = {};
  const pages: Record<Build, Map<string, BuiltPage>> = { own: new Map(), ownPlain: new Map(), extern: new Map(), hosted: new Map() };
  const page = (set: Build, path: string): BuiltPage => pages[set].get(path) ?? { html: '', text: '' };

  // The copies build side by side; on a busy machine that takes longer than the default 30 s of a hook.
  beforeAll(async () => {
    const sets = Object.keys(BUILDS) as Build[];
    for (const set of sets) projects[set] = fixtureCopy(`kv-deploy-${set}-`);
    const results = await Promise.all(sets.map((set) => buildFixture(projects[set]!, BUILDS[set].env)));
    for (const result of results) expect(result.code, result.output.slice(-3000)).toBe(0);
    for (const set of sets) pages[set] = builtPages(projects[set]!.root);
  }, BUILD_TIMEOUT_MS);
  afterAll(() => {
    for (const project of Object.values(projects)) project.remove();
  });

  it('each build shows exactly the <Formularweg> blocks that name its form set-up', () => {
    for (const [set, { kind }] of Object.entries(BUILDS) as [Build, (typeof BUILDS)[Build]][]) {
      for (const [path, built] of pages[set]) {
        for (const cases of formularwege(built.html)) expect(cases, `${set} ${path}`).toContain(kind);
      }
      const privacy = formularwege(page(set, '/datenschutz/').html);
      expect(privacy.length, `${set}: the fixture privacy notice has blocks for ${kind}`).toBeGreaterThan(0);
      if (kind !== 'formspree') expect(privacy, `${set}: the blocks for either own-server set-up`).toContainEqual(['eigener-server', 'eigener-server-extern']);
    }
  });

  it('the own form server on another address: the texts name that address, the forms post there, the CSP allows it, and nothing names Formspree', () => {
    const privacy = page('extern', '/datenschutz/');
    expect(shownSettings(privacy.html)).toContainEqual(['PUBLIC_FORM_ENDPOINT', 'https://formulare.example', 'https://formulare.example']);
    expect(shownSettings(privacy.html)).toContainEqual(['RETENTION_DAYS', '123', `123 ${days}`]);
    expect(page('extern', '/angebote/musterdienst/interesse/').html).toContain('action="https://formulare.example/f/interesse-musterdienst"');
    expect(staticCsp(projects.extern!)).toMatch(/form-action 'self' https:\/\/formulare\.example;/);
    for (const [path, built] of pages.extern) expect(built.text, `${path} names Formspree although the forms do not use it`).not.toMatch(/formspree/i);
    expect(privacy.text).not.toMatch(/Art\.\s*20\b/);
  });

  it('the CSP lets each build post only where its forms go', () => {
    expect(staticCsp(projects.own!)).toMatch(/form-action 'self';/);
    expect(staticCsp(projects.hosted!)).toMatch(/form-action 'self' https:\/\/formspree\.io;/);
  });

  it('both own-server set-ups name the mail server and the mailbox as recipients of the notification; the Formspree build does not', () => {
    for (const set of ['own', 'extern'] as const) expect(page(set, '/datenschutz/').text, set).toMatch(/Mail-Server.*Betreiber des Postfachs/);
    expect(page('hosted', '/datenschutz/').text).not.toMatch(/Mail-Server/);
  });

  it('the Formspree build says that the plain form posts to Formspree itself, in its own section and as the exception to „no third parties“', () => {
    const blocks = marked(page('hosted', '/datenschutz/').html, 'data-formularweg');
    expect(blocks.length).toBe(2);
    for (const block of blocks) expect(block.text).toContain('https://formspree.io');
    for (const set of ['own', 'ownPlain', 'extern'] as const) expect(page(set, '/datenschutz/').text, set).not.toContain('https://formspree.io');
  });

  it('the own-server build shows the configured periods and recipient and the admin area, and names no form service', () => {
    const privacy = page('own', '/datenschutz/');
    const shown = shownSettings(privacy.html);
    expect(shown).toContainEqual(['RETENTION_DAYS', '123', `123 ${days}`]);
    expect(shown).toContainEqual(['SPAM_RETENTION_DAYS', '7', `7 ${days}`]);
    expect(shown).toContainEqual(['NOTIFY_TO', 'eingang@example.org', 'eingang@example.org']);
    expect(privacy.html).toMatch(/data-setting="NOTIFY_TO"[^>]*>eingang@example\.org</);
    expect(privacy.html).toContain('data-formularweg="eigener-server eigener-server-extern"');
    expect(privacy.html, 'the admin area is described where it exists').toContain('data-verwaltung');
    const adminText = marked(privacy.html, 'data-verwaltung')
      .map((block) => block.text)
      .join(' ');
    expect(adminText).toMatch(ADMIN_TEXT);
    // With an admin area, an interest's retention counts from the end of its Vorgang, with this build's period.
    expect(adminText.replace(/\s+/g, ' ')).toContain(`solange er offen ist, und werden 123 ${days} nach seinem Abschluss gelöscht`);
    for (const [path, built] of pages.own) {
      expect(built.html, path).not.toContain('data-formularweg="formspree"');
      expect(built.text, `${path} names Formspree although the forms do not use it`).not.toMatch(/formspree/i);
    }
  });

  it('the own-server build without an admin password describes no admin area', () => {
    const privacy = page('ownPlain', '/datenschutz/');
    expect(privacy.html).toContain('data-formularweg="eigener-server eigener-server-extern"');
    expect(shownSettings(privacy.html)).toContainEqual(['RETENTION_DAYS', '123', `123 ${days}`]);
    for (const [path, built] of pages.ownPlain) expect(built.html, `${path} describes an admin area the build has none of`).not.toContain('data-verwaltung');
    expect(privacy.text).not.toMatch(ADMIN_TEXT);
  });

  it('the Formspree build names Formspree in the Datenschutzerklärung and the accessibility statement and drops the own-server and admin texts', () => {
    for (const path of ['/datenschutz/', '/barrierefreiheit/']) {
      expect(page('hosted', path).html, path).toContain('data-formularweg="formspree"');
      expect(page('hosted', path).text, path).toMatch(/Formspree/);
    }
    for (const [path, built] of pages.hosted) expect(built.html, path).not.toMatch(/data-formularweg="[^"]*eigener-server/);
    for (const [path, built] of pages.hosted) expect(built.html, `${path} describes an admin area the build has none of`).not.toContain('data-verwaltung');
    expect(page('hosted', '/datenschutz/').text).not.toMatch(ADMIN_TEXT);
  });

  it('the own-server privacy notice lists what the form server logs, from the list the log test compares with the logger', () => {
    const html = page('own', '/datenschutz/').html;
    const list = /<ul data-log-fields="([^"]*)">([\s\S]*?)<\/ul>/.exec(html);
    expect(list?.[1]).toBe(Object.keys(logFields).join(' '));
    expect([...(list?.[2] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((item) => textOf(item[1] ?? '').trim())).toEqual(Object.values(logFields).map((text) => textOf(text).trim()));
  });

  it('the privacy notice marks the optional fields of the interest form with the word the form uses', () => {
    const form = page('own', '/angebote/musterdienst/interesse/').html;
    const labels = [...form.matchAll(/<(label|legend)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((match) => textOf(match[2] ?? '').trim());
    const listHtml = /<ul data-form-fields="interesse">([\s\S]*?)<\/ul>/.exec(page('own', '/datenschutz/').html)?.[1] ?? '';
    const listed = [...listHtml.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => textOf(match[1] ?? '').trim());
    const optional = (texts: string[]) => texts.filter((text) => text.endsWith(` ${formStrings.optionalMark}`));
    expect(listed.length, 'the fixture privacy notice lists the interest form fields').toBeGreaterThan(0);
    expect(optional(listed).length).toBeGreaterThan(0);
    expect(optional(listed).length, `form: ${labels.join(' | ')}\nprivacy: ${listed.join(' | ')}`).toBe(optional(labels).length);
  });

  it('the accessibility statement names the WCAG versions and levels the axe run of the browser tests checks, and no other', () => {
    for (const set of ['own', 'hosted'] as const) {
      const claims = marked(page(set, '/barrierefreiheit/').html, 'data-axe-tags');
      expect(claims).toEqual([{ tag: `<span data-axe-tags="${AXE_TAGS.join(' ')}">`, text: describeWcagTags(AXE_TAGS) }]);
    }
  });

  it('the own-server privacy notice claims no Art. 20 right (processing under lit. e); the fixture names it only in the Formspree block', () => {
    expect(page('hosted', '/datenschutz/').text).toMatch(/Art\.\s*20\b/);
    expect(page('own', '/datenschutz/').text).not.toMatch(/Art\.\s*20\b/);
    expect(page('ownPlain', '/datenschutz/').text).not.toMatch(/Art\.\s*20\b/);
  });
});
