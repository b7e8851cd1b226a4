/**
 * Which texts a build shows for which configuration, on the fixture content (its Datenschutzerklärung
 * and accessibility statement have a block for each way the forms send their data, the configured
 * values and an admin-area block outside both): three builds of a temporary copy, for the own form
 * server with and without an admin area and for hosted Formspree, with the settings of
 * deployment-texts.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempProject } from '../../scripts/lib/temp-project.ts';
import { de } from '../../src/strings/de.ts';
import { buildFixture, builtPages, fixtureCopy, formspree, marked, settings, shownSettings, withoutAdmin, type BuiltPage } from './built-site.ts';

const days = de.units.days.other;
/** The admin-area block of the fixture's Datenschutzerklärung says this. */
const ADMIN_TEXT = /Verwaltungsbereich/;

describe('texts of the fixture content for each form set-up', { timeout: 240_000 }, () => {
  let own: TempProject;
  let ownPlain: TempProject;
  let hosted: TempProject;
  const pages: Record<'own' | 'ownPlain' | 'hosted', Map<string, BuiltPage>> = { own: new Map(), ownPlain: new Map(), hosted: new Map() };
  const page = (set: keyof typeof pages, path: string): BuiltPage => pages[set].get(path) ?? { html: '', text: '' };

  // The copies build side by side; on a busy machine that takes longer than the default 30 s of a hook.
  beforeAll(async () => {
    own = fixtureCopy('kv-deploy-own-');
    ownPlain = fixtureCopy('kv-deploy-plain-');
    hosted = fixtureCopy('kv-deploy-hosted-');
    const results = await Promise.all([buildFixture(own, settings), buildFixture(ownPlain, withoutAdmin), buildFixture(hosted, formspree)]);
    for (const result of results) expect(result.code, result.output.slice(-3000)).toBe(0);
    pages.own = builtPages(own.root);
    pages.ownPlain = builtPages(ownPlain.root);
    pages.hosted = builtPages(hosted.root);
  }, 240_000);
  afterAll(() => {
    own?.remove();
    ownPlain?.remove();
    hosted?.remove();
  });

  it('the own-server build shows the configured periods and recipient and the admin area, and names no form service', () => {
    const privacy = page('own', '/datenschutz/');
    const shown = shownSettings(privacy.html);
    expect(shown).toContainEqual(['RETENTION_DAYS', '123', `123 ${days}`]);
    expect(shown).toContainEqual(['SPAM_RETENTION_DAYS', '7', `7 ${days}`]);
    expect(shown).toContainEqual(['NOTIFY_TO', 'eingang@example.org', 'eingang@example.org']);
    expect(privacy.html).toMatch(/data-setting="NOTIFY_TO"[^>]*>eingang@example\.org</);
    expect(privacy.html).toContain('data-formularweg="eigener-server"');
    expect(privacy.html, 'the admin area is described where it exists').toContain('data-verwaltung');
    expect(marked(privacy.html, 'data-verwaltung').map((block) => block.text).join(' ')).toMatch(ADMIN_TEXT);
    for (const [path, built] of pages.own) {
      expect(built.html, path).not.toContain('data-formularweg="formspree"');
      expect(built.text, `${path} names Formspree although the forms do not use it`).not.toMatch(/formspree/i);
    }
  });

  it('the own-server build without an admin password describes no admin area', () => {
    const privacy = page('ownPlain', '/datenschutz/');
    expect(privacy.html).toContain('data-formularweg="eigener-server"');
    expect(shownSettings(privacy.html)).toContainEqual(['RETENTION_DAYS', '123', `123 ${days}`]);
    for (const [path, built] of pages.ownPlain) expect(built.html, `${path} describes an admin area the build has none of`).not.toContain('data-verwaltung');
    expect(privacy.text).not.toMatch(ADMIN_TEXT);
  });

  it('the Formspree build names Formspree in the Datenschutzerklärung and the accessibility statement and drops the own-server and admin texts', () => {
    for (const path of ['/datenschutz/', '/barrierefreiheit/']) {
      expect(page('hosted', path).html, path).toContain('data-formularweg="formspree"');
      expect(page('hosted', path).text, path).toMatch(/Formspree/);
    }
    for (const [path, built] of pages.hosted) expect(built.html, path).not.toContain('data-formularweg="eigener-server"');
    for (const [path, built] of pages.hosted) expect(built.html, `${path} describes an admin area the build has none of`).not.toContain('data-verwaltung');
    expect(page('hosted', '/datenschutz/').text).not.toMatch(ADMIN_TEXT);
  });

  it('the own-server privacy notice claims no Art. 20 right (processing under lit. e); the fixture names it only in the Formspree block', () => {
    expect(page('hosted', '/datenschutz/').text).toMatch(/Art\.\s*20\b/);
    expect(page('own', '/datenschutz/').text).not.toMatch(/Art\.\s*20\b/);
    expect(page('ownPlain', '/datenschutz/').text).not.toMatch(/Art\.\s*20\b/);
  });
});
