/**
 * The editors' guide (REDAKTION.md), walked on a copy of the project as an editor would: replace a
 * stand-in PDF and set `platzhalter: false`, fill the phone gap with a number written as people write
 * it, add a contact, add a news item and add a second offer from the guide's templates (used as they
 * are, with the placeholders filled in). Once the editors have replaced every stand-in PDF or filled
 * the phone number, the walk first puts a stand-in or the phone gap back into its copy, so that both
 * steps always run. Then the build passes, the new offer has its page and its form, the real server
 * accepts a submission to it, html-validate passes on the copy's build, and the content-independent
 * browser checks (tests/e2e/any-content) pass on it: the whole-site ones on every page, the
 * page-by-page ones on the pages the walk added or changed (E2E_PAGES).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createTempProject, type BuildResult, type TempProject } from '../../scripts/lib/temp-project.ts';
import { buildApp } from '../../server/http/app.ts';
import { loadConfig } from '../../server/config.ts';
import { findGaps, isGap, type Gap } from '../../shared/lib/gaps.ts';
import { phoneNumber } from '../../src/lib/phone.ts';
import { isoDate } from '../../shared/lib/dates.ts';
import { de } from '../../shared/strings/de.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { tempDir, type TempDir } from '../../scripts/lib/temp-dir.ts';
import { guide, templateUnder } from './guide.ts';

const today = isoDate(new Date());
const steps = guide(process.cwd());
const NEW = { offer: 'redaktionstest-dienst', download: 'redaktionstest-vertrag', contact: 'rita-redaktionstest', news: 'redaktionstest-meldung' };
/** The phone number the walk writes into the phone gap, as people write it (space and hyphen). */
const PHONE_AS_WRITTEN = '0231 222438-0';
/** The stand-in download the walk adds when the content has no stand-in PDF an offer lists. */
const SEEDED_STAND_IN = 'redaktionstest-platzhalter';

let project: TempProject;
let scratch: TempDir;
let build: BuildResult;
let replaced: { yaml: string; pdf: string } | undefined;
let filled: { file: string; what: string } | undefined;
/** Whether the walk added SEEDED_STAND_IN (the new offer then lists it). */
let seededStandIn = false;
const path = (...parts: string[]) => join(project.root, ...parts);
const read = (...parts: string[]) => readFileSync(path(...parts), 'utf8');
const write = (text: string, ...parts: string[]) => writeFileSync(path(...parts), text);
const html = (page: string) => read('dist', page, 'index.html');
const gapCount = (output: string) => Number(/(\d+) offene redaktionelle Lücke/.exec(output)?.[1] ?? 0);

async function pdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([595.28, 841.89]).drawText(`Redaktionstest, Seite ${i}`, { x: 50, y: 780, size: 14, font });
  return doc.save();
}

/** A download of the copy that is a stand-in PDF, listed under some offer's `downloads:`, if there is one. */
function listedStandInPdf(): string | undefined {
  const offers = readdirSync(path('content/offers')).map((f) => read('content/offers', f));
  return readdirSync(path('content/downloads')).find((f) => {
    const yaml = read('content/downloads', f);
    const id = f.replace(/\.ya?ml$/, '');
    return /^platzhalter: true$/m.test(yaml) && /^datei: \S+\.pdf$/m.test(yaml) && offers.some((offer) => new RegExp(`^\\s+- ${id}\\s*$`, 'm').test(offer));
  });
}

/** Every content file with its gaps, as the build lists them. */
function gapsOfCopy(): Gap[] {
  const files = readdirSync(path('content'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(ya?ml|mdx?)$/.test(e.name));
  return files.flatMap((e) => findGaps(join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'utf8')));
}

describe("the editors' guide, walked on a copy of the project", () => {
  let gapsBefore = 0;

  beforeAll(async () => {
    project = createTempProject();
    scratch = tempDir('kv-walk-');
    // Folders git drops once the editors have removed every file in them.
    for (const folder of ['content/downloads', 'content/news', 'public/downloads']) mkdirSync(path(folder), { recursive: true });

    // What the next two steps need, put in as an editor would have, when the content has none left:
    // a stand-in PDF that the new offer lists ("Eine Download-Datei hinzufügen" with
    // `platzhalter: true`), and a gap in site.yaml written as the guide shows it.
    let standIn = listedStandInPdf();
    if (standIn === undefined) {
      writeFileSync(path('public/downloads', `${SEEDED_STAND_IN}.pdf`), await pdf(1));
      const yaml = templateUnder(steps, 'Eine Download-Datei hinzufügen').replaceAll('<name>', SEEDED_STAND_IN).replace('Titel des Dokuments', 'Platzhalter im Redaktionstest');
      if (!/^platzhalter: false$/m.test(yaml)) throw new Error('Redaktionsleitfaden: die Vorlage unter „Eine Download-Datei hinzufügen“ hat keine Zeile „platzhalter: false“.');
      write(yaml.replace(/^platzhalter: false$/m, 'platzhalter: true'), 'content/downloads', `${SEEDED_STAND_IN}.yaml`);
      standIn = `${SEEDED_STAND_IN}.yaml`;
      seededStandIn = true;
    }
    const site = read('content/site/site.yaml');
    const telefon = /^(\s+telefon: )(.*)$/m;
    const phoneLine = telefon.exec(site);
    if (phoneLine === null) throw new Error('content/site/site.yaml: keine Zeile „telefon:“; passen Sie tests/walk/editors-guide.test.ts an.');
    if (!isGap(phoneLine[2] ?? '')) write(site.replace(telefon, '$1"[LÜCKE: Telefonnummer, vom Redaktionstest eingesetzt]"'), 'content/site/site.yaml');
    gapsBefore = gapsOfCopy().length;

    // "Eine Download-Datei ersetzen": a stand-in PDF an offer lists.
    const yaml = read('content/downloads', standIn);
    const file = /^datei: (\S+)$/m.exec(yaml)?.[1] ?? '';
    writeFileSync(path('public/downloads', file), await pdf(3));
    write(yaml.replace(/^platzhalter: true$/m, 'platzhalter: false').replace(/^stand: .*$/m, `stand: ${today}`), 'content/downloads', standIn);
    replaced = { yaml: standIn, pdf: file };

    // "Redaktionelle Lücken": fill the phone gap in site.yaml with a number as people write it.
    const gap = gapsOfCopy().find((g) => g.file.endsWith(join('site', 'site.yaml')) && telefon.test(readFileSync(g.file, 'utf8').split('\n')[g.line - 1] ?? ''));
    if (gap !== undefined) {
      const text = readFileSync(gap.file, 'utf8');
      writeFileSync(gap.file, text.replace(`[LÜCKE: ${gap.what}]`, PHONE_AS_WRITTEN));
      filled = gap;
    }

    // "Einen Kontakt hinzufügen", and list it under the first offer's `kontakte:`.
    write(templateUnder(steps, 'Einen Kontakt hinzufügen').replace('Vorname Nachname', 'Rita Redaktionstest'), 'content/contacts', `${NEW.contact}.yaml`);
    const firstOffer = readdirSync(path('content/offers')).sort()[0] ?? '';
    write(read('content/offers', firstOffer).replace(/^kontakte:\n/m, `kontakte:\n  - ${NEW.contact}\n`), 'content/offers', firstOffer);

    // "Eine Meldung (Aktuelles) hinzufügen".
    const news = templateUnder(steps, 'Eine Meldung (Aktuelles) hinzufügen');
    // Published today: the guide's template carries `# datum: JJJJ-MM-TT` (a draft until the # goes).
    if (!/^# datum: JJJJ-MM-TT$/m.test(news)) throw new Error('Redaktionsleitfaden: die Vorlage unter „Eine Meldung (Aktuelles) hinzufügen“ hat keine Zeile „# datum: JJJJ-MM-TT“.');
    // A headline with ": " needs quotes (the guide says so; without them the build stops).
    write(news.replace('Überschrift der Meldung', '"Redaktionstest: eine neue Meldung"').replace(/^# datum: JJJJ-MM-TT$/m, `datum: ${today}`), 'content/news', `${NEW.news}.mdx`);

    // "Eine Download-Datei hinzufügen" and "Ein neues Angebot hinzufügen".
    writeFileSync(path('public/downloads', `${NEW.download}.pdf`), await pdf(1));
    const download = templateUnder(steps, 'Eine Download-Datei hinzufügen').replaceAll('<name>', NEW.download).replace('Titel des Dokuments', 'Vertrag zum Redaktionstest');
    write(download.replace(/^stand: .*$/m, `stand: ${today}`), 'content/downloads', `${NEW.download}.yaml`);
    const offer = templateUnder(steps, 'Ein neues Angebot hinzufügen')
      .replace('Name des Online-Dienstes', 'Redaktionstest-Dienst')
      .replace(/^kurzbeschreibung: .*$/m, 'kurzbeschreibung: Ein Angebot aus der Vorlage im Redaktionsleitfaden, vom Test angelegt.')
      .replaceAll('<name-des-downloads>', NEW.download)
      .replaceAll('<vorname-nachname>', NEW.contact)
      .replace(/^stand: .*$/m, `stand: ${today}`)
      .replace(/^# veroeffentlicht: JJJJ-MM-TT$/m, `veroeffentlicht: ${today}`);
    if (seededStandIn && !/^downloads:\n/m.test(offer)) throw new Error('Redaktionsleitfaden: die Vorlage unter „Ein neues Angebot hinzufügen“ hat keine Zeile „downloads:“.');
    write(seededStandIn ? offer.replace(/^downloads:\n/m, `downloads:\n  - ${SEEDED_STAND_IN}\n`) : offer, 'content/offers', `${NEW.offer}.mdx`);

    build = await buildProject(project.root);
  });

  afterAll(() => {
    project?.remove();
    scratch?.remove();
  });

  it('builds (exit 0)', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
  });

  it('the replaced stand-in shows the new file', () => {
    expect(replaced).toBeDefined();
    const linking = readdirSync(path('dist/angebote'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => html(`angebote/${e.name}`))
      .filter((page) => page.includes(`/downloads/${replaced?.pdf}`));
    expect(linking.length).toBeGreaterThan(0);
    const id = replaced?.yaml.replace(/\.yaml$/, '');
    for (const page of linking) {
      const item = new RegExp(`<li[^>]*id="download-${id}"[^>]*>([\\s\\S]*?)</li>`).exec(page)?.[1] ?? '';
      expect(item).toMatch(/\(PDF, [\d,]+ KB, 3 Seiten\)/);
      expect(item).not.toContain(de.offer.placeholder);
    }
  });

  it('the filled gap is gone from the build\u2019s list of gaps', () => {
    expect(filled).toBeDefined();
    expect(gapCount(build.output)).toBe(gapsBefore - 1);
    expect(build.output).not.toContain(filled?.what);
  });

  it('the phone number written as people write it is an unbreakable tel: link on the Kontakt page, and html-validate passes on the copy', () => {
    const { text, href } = phoneNumber(PHONE_AS_WRITTEN);
    expect(html('kontakt')).toContain(`<a href="${href}">${text}</a>`);
    // The copy has no .htmlvalidate.json of its own: the project's rules, as in the html-validate step of npm test.
    const run = spawnSync('npx', ['html-validate', '--config', '.htmlvalidate.json', path('dist')], { encoding: 'utf8', timeout: 300_000 });
    expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-4000)).toBe(0);
  });

  it('the new contact is on its offer page and the contact page', () => {
    expect(html('kontakt')).toContain('Rita Redaktionstest');
    expect(html(`angebote/${NEW.offer}`)).toContain('Rita Redaktionstest');
  });

  it('the news item has its page and is in the feed', () => {
    expect(html(`aktuelles/${NEW.news}`)).toContain('Redaktionstest: eine neue Meldung');
    expect(read('dist/aktuelles/rss.xml')).toContain(`/aktuelles/${NEW.news}/</link>`);
  });

  it('the new offer has its page and its form, and the sitemap, the catalogue and the feed list it', () => {
    expect(html(`angebote/${NEW.offer}`)).toContain('Redaktionstest-Dienst');
    expect(html(`angebote/${NEW.offer}/interesse`)).toContain(`action="/f/interesse-${NEW.offer}"`);
    expect(html(`angebote/${NEW.offer}/interesse`)).toContain('Name der ersten Antragsstrecke');
    const sitemap = read('dist/sitemap-0.xml');
    expect(sitemap).toContain(`/angebote/${NEW.offer}/</loc>`);
    expect(sitemap).toContain(`/angebote/${NEW.offer}/interesse/</loc>`);
    expect(html('interesse')).toContain(`href="/angebote/${NEW.offer}/interesse/"`);
    expect(read('dist/aktuelles/rss.xml')).toContain(`/angebote/${NEW.offer}/</link>`);
  });

  it('the real server accepts a valid submission to the new offer\u2019s form', async () => {
    const config = loadConfig({ DIST_DIR: path('dist'), DATA_DIR: join(scratch.path, 'data'), LOG_LEVEL: 'silent' }, project.root);
    const app = await buildApp(config, { transport: null, startOutbox: false });
    try {
      expect((await app.inject({ method: 'GET', url: `/angebote/${NEW.offer}/interesse/` })).statusCode).toBe(200);
      const reply = await app.inject({
        method: 'POST',
        url: `/f/interesse-${NEW.offer}`,
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        payload: { behoerde: 'Stadt Redaktionstest', ansprechperson: 'Rita', email: 'rita@stadt.example', antragsstrecken: ['Name der ersten Antragsstrecke'] },
      });
      expect(reply.statusCode, reply.body).toBe(200);
      expect(await app.store.listSubmissions(`interesse-${NEW.offer}`)).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('the content-independent browser checks pass on the copy (axe, frame, links, CSP, budgets, sitemap), page by page on the pages the walk added or changed', async () => {
    // The other pages are the same as in the build of the real content, which the playwright step of
    // npm test has checked page by page; the whole-site checks (sitemap, links, titles) take all.
    const offerPages = readdirSync(path('dist/angebote'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && (html(`angebote/${e.name}`).includes(`/downloads/${replaced?.pdf}`) || html(`angebote/${e.name}`).includes('Rita Redaktionstest')))
      .map((e) => `/angebote/${e.name}/`);
    // The lists (start page, catalogue, news, forms) only gain a card with the walk's short titles; the
    // pages the guide's templates made, and those whose content the walk changed, are checked.
    const pages = new Set(['/kontakt/', `/aktuelles/${NEW.news}/`, `/angebote/${NEW.offer}/interesse/`, ...offerPages]);
    expect(pages).toContain(`/angebote/${NEW.offer}/`);
    // The editing UI's checks (editing-ui.spec.ts) look at /redaktion/, which content does not change.
    const specs = readdirSync('tests/e2e/any-content').filter((name) => name.endsWith('.spec.ts') && name !== 'editing-ui.spec.ts');
    expect(specs.length).toBeGreaterThan(3);
    const run = spawnSync('npx', ['playwright', 'test', ...specs.map((name) => `tests/e2e/any-content/${name}`), '--reporter=line', `--output=${join(scratch.path, 'e2e')}`], {
      env: {
        ...process.env,
        E2E_SITES: 'site',
        E2E_SITE_ROOT: project.root,
        E2E_PAGES: [...pages].join(','),
        E2E_PORT: String(await freePort()),
        E2E_MAIL_ROOT: scratch.path,
        FORCE_COLOR: '0',
      },
      encoding: 'utf8',
      timeout: 600_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-4000)).toBe(0);
    expect(run.stdout).toMatch(/\d+ passed/);
  });
});
