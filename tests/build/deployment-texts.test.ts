/**
 * The published texts describe the configuration the site is built for. Two real builds of a
 * temporary copy: one for this site's own form server, one for hosted Formspree. Both set periods,
 * a recipient and a build date the texts could only show by reading the configuration; one page gets
 * a "Stand der Angaben" in its frontmatter. What is expected is derived from those settings and from
 * the copy's content, not from today's wording.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createTempProject, type BuildResult, type TempProject } from '../../scripts/lib/temp-project.ts';
import { isChecked } from '../../src/lib/checked.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { resolveBuildDate } from '../../src/lib/build-info.ts';
import { de } from '../../src/strings/de.ts';

const BUILD_DATE = '2031-02-03';
const CHECKED_ON = '2025-06-30';
/** The own-server copy is built for a server with an admin area; the Formspree copy has none. */
const settings = { RETENTION_DAYS: '123', SPAM_RETENTION_DAYS: '7', NOTIFY_TO: 'eingang@example.org', BUILD_DATE, ADMIN_PASSWORD: 'bau-test-passwort' };
const { ADMIN_PASSWORD: _admin, ...withoutAdmin } = settings;
const formspree = { ...withoutAdmin, PUBLIC_FORM_ENDPOINT: 'https://formspree.io', FORMSPREE_BESTAETIGT: 'ja' };
/** A fictional phone number the own-server copy gets in site.yaml; the Formspree copy keeps the gap. */
const PHONE = '+49 231 0000-0';

/** Every built page: its path and its visible text (scripts, styles and tags removed). */
function builtPages(root: string): Map<string, { html: string; text: string }> {
  const dist = join(root, 'dist');
  const pages = new Map<string, { html: string; text: string }>();
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const file = join(entry.parentPath, entry.name);
    const path = `/${relative(dist, entry.parentPath).split(sep).join('/')}/`.replace('//', '/');
    const html = readFileSync(file, 'utf8');
    const text = html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<astro-island\b[^>]*>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    pages.set(path, { html, text });
  }
  return pages;
}

/** The page path of each content entry that sets a Stand der Angaben in the copy. */
function checkedPaths(root: string): Set<string> {
  const routes: Record<string, (id: string) => string> = { pages: (id) => `/${id}/`, offers: (id) => `/angebote/${id}/`, news: (id) => `/aktuelles/${id}/` };
  const paths = new Set<string>();
  for (const [collection, route] of Object.entries(routes)) {
    const dir = join(root, 'content', collection);
    for (const name of readdirSync(dir).filter((n) => /\.mdx?$/.test(n))) {
      if (isChecked(readFileSync(join(dir, name), 'utf8'))) paths.add(route(name.replace(/\.mdx?$/, '')));
    }
  }
  return paths;
}

function build(env: Record<string, string>, phone?: string): { project: TempProject; result: Promise<BuildResult> } {
  const project = createTempProject(process.cwd(), 'kv-deploy-');
  if (phone !== undefined) {
    const site = join(project.root, 'content/site/site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace(/^( {2}telefon: ).*$/m, `$1"${phone}"`));
  }
  const impressum = join(project.root, 'content/pages/impressum.mdx');
  writeFileSync(impressum, readFileSync(impressum, 'utf8').replace(/^stand: .*\n/m, '').replace(/^titel: /m, `stand: ${CHECKED_ON}\ntitel: `));
  return { project, result: buildProject(project.root, env) };
}

describe('texts of a build for hosted Formspree and of one for the own form server', { timeout: 240_000 }, () => {
  let own: TempProject;
  let hosted: TempProject;
  beforeAll(async () => {
    const a = build(settings, PHONE);
    const b = build(formspree);
    own = a.project;
    hosted = b.project;
    for (const result of await Promise.all([a.result, b.result])) expect(result.code, result.output.slice(-3000)).toBe(0);
  });
  afterAll(() => {
    own?.remove();
    hosted?.remove();
  });

  it('the own-server build shows the configured periods and recipient, and names no form service', () => {
    const pages = builtPages(own.root);
    const privacy = pages.get('/datenschutz/')?.html ?? '';
    expect(privacy).toMatch(/data-setting="RETENTION_DAYS" data-value="123"/);
    expect(privacy).toMatch(/data-setting="SPAM_RETENTION_DAYS" data-value="7"/);
    expect(privacy).toMatch(/data-setting="NOTIFY_TO"[^>]*>eingang@example\.org</);
    expect(privacy).toContain('data-formularweg="eigener-server"');
    expect(privacy, 'the admin area is described where it exists').toContain('data-verwaltung');
    for (const [path, page] of pages) {
      expect(page.html, path).not.toContain('data-formularweg="formspree"');
      expect(page.text, `${path} names Formspree although the forms do not use it`).not.toMatch(/formspree/i);
    }
  });

  it('the Formspree build names Formspree in the Datenschutzerklärung and the accessibility statement and drops the own-server texts', () => {
    const pages = builtPages(hosted.root);
    for (const path of ['/datenschutz/', '/barrierefreiheit/']) {
      const page = pages.get(path);
      expect(page?.html, path).toContain('data-formularweg="formspree"');
      expect(page?.text, path).toMatch(/Formspree/);
    }
    for (const [path, page] of pages) expect(page.html, path).not.toContain('data-formularweg="eigener-server"');
    for (const [path, page] of pages) expect(page.html, `${path} describes an admin area the build has none of`).not.toContain('data-verwaltung');
    expect(pages.get('/datenschutz/')?.text).not.toMatch(/Verwaltungsbereich/);
  });

  it('shows a Stand der Angaben only where the content sets one, and never the build date', () => {
    const buildDay = formatDate(resolveBuildDate(BUILD_DATE));
    for (const project of [own, hosted]) {
      const expected = checkedPaths(project.root);
      expect(expected.has('/impressum/')).toBe(true);
      for (const [path, page] of builtPages(project.root)) {
        expect(page.text, `${path} shows the build date`).not.toContain(buildDay);
        expect(page.text.includes('Stand der Angaben'), `${path}: Stand der Angaben shown?`).toBe(expected.has(path));
      }
      expect(builtPages(project.root).get('/impressum/')?.text).toContain(`Stand der Angaben: ${formatDate(new Date(`${CHECKED_ON}T12:00:00Z`))}`);
    }
  });

  it('the Kontakt page shows the phone number once it is filled in, and no phone line while it is a gap', () => {
    const filled = builtPages(own.root).get('/kontakt/')?.html ?? '';
    expect(filled).toContain(`href="tel:${PHONE.replace(/[^\d+]/g, '')}"`);
    expect(filled).toContain(`>${PHONE}</a>`);
    const gap = builtPages(hosted.root).get('/kontakt/');
    expect(gap?.text).not.toContain(de.contact.phone);
    expect(gap?.text).not.toContain(de.gap);
  });

  it('each offer page invites authorities to get in touch once, and the privacy notice claims no Art. 20 right (processing under lit. e)', () => {
    const pages = builtPages(own.root);
    const offers = [...pages].filter(([path]) => /^\/angebote\/[^/]+\/$/.test(path));
    expect(offers.length).toBeGreaterThan(0);
    for (const [path, page] of offers) expect(page.text.split(de.offer.startText).length - 1, path).toBe(1);
    expect(pages.get('/datenschutz/')?.text).not.toMatch(/Art\.\s*20\b/);
  });

  it('an external form endpoint without the operator’s confirmation stops the build with a German message', async () => {
    const project = createTempProject(process.cwd(), 'kv-deploy-');
    try {
      const result = await buildProject(project.root, { PUBLIC_FORM_ENDPOINT: 'https://formspree.io' });
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('PUBLIC_FORM_ENDPOINT=https://formspree.io: Die Formulare würden ihre Daten an einen anderen Anbieter senden.');
      expect(result.output).toContain('FORMSPREE_BESTAETIGT=ja');
    } finally {
      project.remove();
    }
  });
});
