/**
 * An editor's work in the editing UI, on the fixture content in the CMS's test repository: change an
 * offer's short description, add an Antragsstrecke, pick a contact, upload a PDF as a new download
 * and list it, fill a gap in the settings and add a news item. The files the CMS writes are read
 * back, checked with the content schemas, built in a copy of the project, and every change is on
 * the built pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from '@playwright/test';
import { field, openEditingUi, openEntry, readTestRepository, saveEntry } from '../../../scripts/lib/cms-browser.ts';
import { findGaps } from '../../../shared/lib/gaps.ts';
import { isoDate } from '../../../shared/lib/dates.ts';
import { buildProject, dataOf, projectWith, schemaProblems } from './content-check.ts';
import { fixtureRepository } from './repository.ts';
import { expect, test } from './fixtures.ts';
import { phoneNumber } from '../../../src/lib/phone.ts';

const CONTENT = 'tests/fixtures/content';
/** A number as an editor types it. */
const PHONE = '0123 456789';
const today = isoDate(new Date());
const text = (files: Map<string, Buffer>, path: string): string => files.get(path)?.toString('utf8') ?? '';

async function pdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([595.28, 841.89]).drawText(`Hochgeladen in der Redaktionsoberfläche, Seite ${i}`, { x: 50, y: 780, size: 14, font });
  return Buffer.from(await doc.save());
}

/**
 * Uploads `file` in the file field labelled `label` as an editor does (Durchsuchen, Hochladen,
 * Einfügen) until the field shows `stored` (the name the CMS gives it). Sveltia CMS 0.221.1 once
 * (in a CI run; every run before passed) left the field empty after inserting a fresh upload,
 * showing „Ersetzen“, and the entry could not be saved; an editor then sees the empty field and
 * uploads again, and so does this test, once, saying so in its output.
 */
async function uploadInto(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }, stored: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const group = await field(page, label);
    await group.getByRole('button', { name: /^(Durchsuchen|Datei ersetzen)$/ }).click();
    const assets = page.getByRole('dialog', { name: 'Datei auswählen' });
    const chooser = page.waitForEvent('filechooser');
    await assets.getByRole('button', { name: 'Hochladen' }).click();
    await (await chooser).setFiles(file);
    const option = assets.getByRole('option', { name: new RegExp(`^${stored.replace(/\./g, '\\.')}`) });
    // A fresh upload is selected at once; uploaded again under the same name, it is listed unselected.
    if (attempt > 1 && (await option.getAttribute('aria-selected', { timeout: 5_000 })) !== 'true') await option.click();
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await assets.getByRole('button', { name: 'Einfügen' }).click();
    const shown = group.getByRole('textbox', { name: label, exact: true });
    try {
      await expect(shown).toHaveText(stored, { timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 2) throw error;
      console.log(`${label}: the CMS left the field empty after inserting the upload (shows „${await shown.textContent()}“); uploading again`);
    }
  }
}

/** Fills the text field labelled `label` (scrolled into view first). */
async function fill(page: Page, label: string, value: string): Promise<void> {
  await (await field(page, label)).getByRole('textbox', { name: label, exact: true }).fill(value);
}

test('an editor changes an offer, uploads a PDF, fills a gap and adds news; the files pass the schemas and the pages show it', async ({ page }) => {
  test.setTimeout(150_000);
  const repository = fixtureRepository();
  // What the edits refer to, taken from the fixture content.
  const offerFile = `${CONTENT}/offers/beispielantrag.md`;
  const offer = dataOf(offerFile, text(repository, offerFile)) as { kontakte: string[]; leistungen: { antragsstrecken: string[] }[] };
  const contacts = [...repository.keys()].filter((p) => p.startsWith(`${CONTENT}/contacts/`));
  const newContactFile = contacts.find((p) => !offer.kontakte.some((id) => p.endsWith(`/${id}.yaml`))) ?? '';
  const newContact = (dataOf(newContactFile, text(repository, newContactFile)) as { name: string }).name;
  const siteFile = `${CONTENT}/site/site.yaml`;
  const gapsBefore = [...repository].flatMap(([p, b]) => (/\.(mdx?|ya?ml)$/.test(p) ? findGaps(p, b.toString('utf8')) : []));
  const phoneGap = gapsBefore.find((g) => g.file === siteFile && /Telefon/.test(g.what));
  expect(phoneGap, 'the fixture site.yaml has a gap for the phone number').toBeDefined();

  await openEditingUi(page, repository);

  // A new download with its PDF, uploaded under a name as an editor's computer has it.
  await page.goto('/redaktion/#/collections/downloads/new');
  await fill(page, 'Titel', 'Amtliches Merkblatt');
  await fill(page, 'Beschreibung', 'Das Merkblatt, hochgeladen in der Redaktionsoberfläche.');
  await uploadInto(page, 'Datei', { name: 'Amtliches Merkblatt.pdf', mimeType: 'application/pdf', buffer: await pdf(2) }, 'amtliches-merkblatt.pdf');
  await saveEntry(page);

  // The offer: short description, one more Antragsstrecke, one more contact, the new download.
  await openEntry(page, 'offers', 'beispielantrag');
  await fill(page, 'Kurzbeschreibung', 'Geändert in der Redaktionsoberfläche: ein erfundener Dienst, nur für Tests.');
  const services = await field(page, 'OZG-Leistungen');
  await services.getByRole('button', { name: /^\W*Antragsstrecke\W* hinzufügen$/ }).first().click();
  await services.getByRole('textbox', { name: 'Antragsstrecke', exact: true }).last().fill('Neue Strecke aus der Redaktion');
  await (await field(page, 'Kontakte')).getByRole('checkbox', { name: newContact, exact: true }).check();
  await (await field(page, 'Downloads')).getByRole('checkbox', { name: 'Amtliches Merkblatt', exact: true }).check();
  await saveEntry(page);

  // A gap in the settings, filled.
  await openEntry(page, 'site', 'site');
  await fill(page, 'Telefon', PHONE);
  await saveEntry(page);

  // A news item, dated today.
  await page.goto('/redaktion/#/collections/news/new');
  await fill(page, 'Überschrift', 'Neue Meldung aus der Redaktion');
  await fill(page, 'Beschreibung', 'Eine Meldung, die die Redaktion in der Redaktionsoberfläche geschrieben hat.');
  await (await field(page, 'Datum')).getByRole('textbox', { name: 'Datum', exact: true }).fill(today);
  await (await field(page, 'Text')).getByRole('textbox', { name: 'Text', exact: true }).fill('Der Text der Meldung.');
  await saveEntry(page);

  const written = await readTestRepository(page);
  const changed = [...written.keys()].filter((p) => !repository.get(p)?.equals(written.get(p) ?? Buffer.alloc(0)));
  expect(schemaProblems(written, CONTENT)).toEqual([]);
  expect(written.get('tests/fixtures/public/downloads/amtliches-merkblatt.pdf')?.length, 'the PDF, under the file name the schema allows').toBeGreaterThan(0);
  expect(text(written, `${CONTENT}/downloads/amtliches-merkblatt.yaml`)).toMatch(/^datei: amtliches-merkblatt\.pdf$/m);
  const news = changed.find((p) => p.startsWith(`${CONTENT}/news/`)) ?? '';
  expect(dataOf(news, text(written, news))).toMatchObject({ titel: 'Neue Meldung aus der Redaktion' });
  expect(text(written, news)).toMatch(new RegExp(`^datum: ${today}$`, 'm'));

  // Built from exactly these files, with the fixture site's settings.
  const project = projectWith(written);
  try {
    const env = parseEnv(readFileSync('tests/fixtures/fixture.env', 'utf8')) as Record<string, string>;
    const build = await buildProject(project.root, { ...env, DIST_DIR: 'dist' });
    expect(build.code, build.output.slice(-3000)).toBe(0);
    const html = (path: string) => readFileSync(join(project.root, 'dist', path, 'index.html'), 'utf8');
    const offerPage = html('angebote/beispielantrag');
    expect(offerPage).toContain('Geändert in der Redaktionsoberfläche: ein erfundener Dienst, nur für Tests.');
    expect(offerPage).toContain(newContact);
    expect(offerPage).toMatch(/href="\/downloads\/amtliches-merkblatt\.pdf"[\s\S]*?\(PDF, [\d,]+ KB, 2 Seiten\)/);
    expect(html('angebote/beispielantrag/interesse')).toContain('Neue Strecke aus der Redaktion');
    // The page shows the number as src/lib/phone.ts writes it (non-breaking space, tel: link by its digits).
    const phone = phoneNumber(PHONE);
    expect(html('impressum')).toContain(`<a href="${phone.href}">${phone.text}</a>`);
    expect(html(`aktuelles/${news.split('/').pop()?.replace(/\.mdx$/, '')}`)).toContain('Neue Meldung aus der Redaktion');
    // The phone gap is filled; the build reports exactly the gaps the written files still hold
    // (the new short description replaced one more of the fixture's gaps).
    const gapsAfter = [...written].flatMap(([p, b]) => (/\.(mdx?|ya?ml)$/.test(p) ? findGaps(p, b.toString('utf8')) : []));
    expect(gapsAfter.some((g) => g.file === siteFile && g.what === phoneGap?.what)).toBe(false);
    expect(gapsAfter.length).toBeLessThan(gapsBefore.length);
    expect(build.output).toContain(`${gapsAfter.length} offene redaktionelle Lücke(n)`);
  } finally {
    project.remove();
  }
});
