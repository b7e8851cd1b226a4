/**
 * The published texts describe the configuration the site is built for. Two real builds of a
 * temporary copy of the real content: one for this site's own form server (with an admin area), one
 * for hosted Formspree (without). Both set periods, a recipient and a build date the texts could only
 * show by reading the configuration; one page gets a "Stand der Angaben" in its frontmatter. Only
 * what holds for any content is checked here; which blocks a page shows for which set-up is checked
 * on the fixture content (fixture-deployment-texts.test.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createTempProject, type BuildResult, type TempProject } from '../../scripts/lib/temp-project.ts';
import { isChecked } from '../../src/lib/checked.ts';
import { formatDate } from '../../shared/lib/dates.ts';
import { resolveBuildDate } from '../../src/lib/build-info.ts';
import { de, fill } from '../../shared/strings/de.ts';
import { phoneNumber } from '../../src/lib/phone.ts';
import { contentFacts } from '../lib/content-facts.ts';
import { BUILD_DATE, BUILD_TIMEOUT_MS, builtPages, expectedSettings, formspree, marked, settings, shownSettings, textOf, type BuiltPage } from './built-site.ts';

const CHECKED_ON = '2025-06-30';
/** A fictional phone number the own-server copy gets in site.yaml; the Formspree copy gets a gap. */
const PHONE = '+49 231 0000-0';
const PHONE_GAP = '[LÜCKE: Telefonnummer für den Build-Test]';

/** The page path of each content entry that sets a Stand der Angaben in the copy (a missing folder has none). */
function checkedPaths(root: string): Set<string> {
  const routes: Record<string, (id: string) => string> = { pages: (id) => `/${id}/`, offers: (id) => `/angebote/${id}/`, news: (id) => `/aktuelles/${id}/` };
  const paths = new Set<string>();
  for (const [collection, route] of Object.entries(routes)) {
    const dir = join(root, 'content', collection);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => /\.mdx?$/.test(n))) {
      if (isChecked(readFileSync(join(dir, name), 'utf8'))) paths.add(route(name.replace(/\.mdx?$/, '')));
    }
  }
  return paths;
}

/** A copy of the project whose site.yaml has `phone` as the organisation's telefon, built with `env`. */
function build(env: Record<string, string>, phone: string): { project: TempProject; result: Promise<BuildResult> } {
  const project = createTempProject(process.cwd(), 'kv-deploy-');
  const site = join(project.root, 'content/site/site.yaml');
  const yaml = readFileSync(site, 'utf8');
  const telefon = /^(\s+telefon: ).*$/m;
  if (!telefon.test(yaml)) throw new Error('content/site/site.yaml: keine Zeile „telefon:“ unter organisation; passen Sie tests/build/deployment-texts.test.ts an.');
  writeFileSync(site, yaml.replace(telefon, `$1"${phone}"`));
  const impressum = join(project.root, 'content/pages/impressum.mdx');
  writeFileSync(impressum, readFileSync(impressum, 'utf8').replace(/^stand: .*\n/m, '').replace(/^titel: /m, `stand: ${CHECKED_ON}\ntitel: `));
  return { project, result: buildProject(project.root, env) };
}

/** Every <Einstellung /> and <Benachrichtigung /> on the pages shows the value the build was given. */
function expectConfiguredValues(pages: Map<string, BuiltPage>, env: Record<string, string>): void {
  const expected = expectedSettings(env);
  for (const [path, page] of pages) {
    for (const [name, value, text] of shownSettings(page.html)) {
      if (name === 'NOTIFY_TO' || name === 'PUBLIC_FORM_ENDPOINT') {
        const address = name === 'NOTIFY_TO' ? env['NOTIFY_TO'] : expected[name];
        expect(value, `${path}: ${name}`).toBe(address);
        expect(text, `${path}: ${name}`).toBe(address);
      } else {
        expect(value, `${path}: ${name}`).toBe(expected[name]);
        expect(text, `${path}: ${name}`).toMatch(new RegExp(`^${value} \\S`));
      }
    }
  }
}

describe('texts of a build for hosted Formspree and of one for the own form server', { timeout: BUILD_TIMEOUT_MS }, () => {
  let own: TempProject;
  let hosted: TempProject;
  // The copies build side by side; on a busy machine that takes longer than the default 30 s of a hook.
  beforeAll(async () => {
    const a = build(settings, PHONE);
    const b = build(formspree, PHONE_GAP);
    own = a.project;
    hosted = b.project;
    for (const result of await Promise.all([a.result, b.result])) expect(result.code, result.output.slice(-3000)).toBe(0);
  }, BUILD_TIMEOUT_MS);
  afterAll(() => {
    own?.remove();
    hosted?.remove();
  });

  it('the own-server build shows the configured periods and recipient wherever the texts use them, and no Formspree block', () => {
    const pages = builtPages(own.root);
    expectConfiguredValues(pages, settings);
    for (const [path, page] of pages) expect(page.html, path).not.toContain('data-formularweg="formspree"');
  });

  it('the Formspree build shows the configured periods wherever the texts use them, no own-server block and no admin-area text', () => {
    const pages = builtPages(hosted.root);
    expectConfiguredValues(pages, formspree);
    for (const [path, page] of pages) expect(page.html, path).not.toContain('data-formularweg="eigener-server"');
    for (const [path, page] of pages) expect(page.html, `${path} describes an admin area the build has none of`).not.toContain('data-verwaltung');
  });

  it('shows a Stand der Angaben only where the content sets one, and never the build date', () => {
    const buildDay = formatDate(resolveBuildDate(BUILD_DATE));
    for (const project of [own, hosted]) {
      const expected = checkedPaths(project.root);
      expect(expected.has('/impressum/')).toBe(true);
      const pages = builtPages(project.root);
      for (const [path, page] of pages) {
        expect(page.text, `${path} shows the build date`).not.toContain(buildDay);
        expect(marked(page.html, 'data-stand').length, `${path}: Stand der Angaben shown?`).toBe(expected.has(path) ? 1 : 0);
      }
      expect(marked(pages.get('/impressum/')?.html ?? '', 'data-stand').map((stand) => stand.text)).toEqual([
        `${de.stand} ${formatDate(new Date(`${CHECKED_ON}T12:00:00Z`))}`,
      ]);
    }
  });

  it('the Kontakt page shows the phone number once it is filled in, and no phone line while it is a gap', () => {
    const filled = builtPages(own.root).get('/kontakt/')?.html ?? '';
    const line = marked(filled, 'data-telefon');
    const shown = phoneNumber(PHONE);
    expect(line.map((element) => element.text)).toEqual([de.contact.phone, textOf(shown.text).trim()]);
    expect(filled).toContain(`<a href="${shown.href}">${shown.text}</a>`);
    const gap = marked(builtPages(hosted.root).get('/kontakt/')?.html ?? '', 'data-telefon');
    expect(gap).toEqual([]);
    const gapText = gap.map((element) => element.text).join(' ');
    expect(gapText).not.toContain(de.contact.phone);
    expect(gapText).not.toContain(de.gap);
  });

  it('each offer page invites its target group to get in touch once', () => {
    const pages = builtPages(own.root);
    const { site, offers } = contentFacts(join(own.root, 'content'));
    expect(offers.length).toBeGreaterThan(0);
    for (const offer of offers) {
      const invitation = fill(de.offer.startText, { zielgruppe: offer.zielgruppe, organisation: site.organisation.name });
      expect(pages.get(`/angebote/${offer.id}/`)?.text.split(invitation).length, offer.id).toBe(2);
    }
  });

  it('a Formspree build without the operator’s confirmation, and an external endpoint without its kind, stop the build with a German message', async () => {
    const project = createTempProject(process.cwd(), 'kv-deploy-');
    try {
      const unconfirmed = await buildProject(project.root, { FORM_BACKEND: 'formspree', PUBLIC_FORM_ENDPOINT: 'https://formspree.io' });
      expect(unconfirmed.code).not.toBe(0);
      expect(unconfirmed.output).toContain('FORM_BACKEND=formspree: Die Formulare senden ihre Daten an Formspree.');
      expect(unconfirmed.output).toContain('FORMSPREE_BESTAETIGT=ja');
      const kindless = await buildProject(project.root, { PUBLIC_FORM_ENDPOINT: 'https://formulare.example' });
      expect(kindless.code).not.toBe(0);
      expect(kindless.output).toContain('PUBLIC_FORM_ENDPOINT=https://formulare.example: Die Formulare würden ihre Daten an einen anderen Server senden, FORM_BACKEND ist aber eigener-server.');
    } finally {
      project.remove();
    }
  });
});
