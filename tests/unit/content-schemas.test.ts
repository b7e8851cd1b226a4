/**
 * The content schemas' messages, written for editors. The valid starting point is the fixture
 * content (fictional offers), so editors changing content/ never break these tests.
 */
import { readFileSync } from 'node:fs';
import { parseFrontmatter } from 'astro/markdown';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { contactSchema, downloadSchema, newsSchema, offerSchema, plainRef, siteSchema } from '../../src/lib/content-schemas.ts';

const offer = offerSchema(plainRef);
const FIXTURE = 'tests/fixtures/content';

function frontmatter(path: string): Record<string, unknown> {
  return parseFrontmatter(readFileSync(path, 'utf8')).frontmatter;
}

/** The messages an editor would see, with the field path Astro prints before them. */
function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('errors written for editors', () => {
  const valid = frontmatter(`${FIXTURE}/offers/musterdienst.mdx`);

  it('the fixture offers pass (the starting point of the cases below)', () => {
    expect(offer.safeParse(valid).success).toBe(true);
    expect(offer.safeParse(frontmatter(`${FIXTURE}/offers/beispielantrag.md`)).success).toBe(true);
  });

  it('a publication date is optional and must be a date', () => {
    const { veroeffentlicht: _omit, ...without } = frontmatter(`${FIXTURE}/offers/beispielantrag.md`);
    expect(offer.safeParse(without).success).toBe(true);
    expect(messages(offer.safeParse({ ...valid, veroeffentlicht: 'gestern' }))).toEqual([
      'veroeffentlicht: Das Feld „veroeffentlicht“ ist kein gültiges Datum. Schreiben Sie es als JJJJ-MM-TT, z. B. 2024-01-01.',
    ]);
  });

  it('a missing title names the field in German', () => {
    const { titel: _omit, ...rest } = valid;
    expect(messages(offer.safeParse(rest))).toEqual(['titel: Das Feld „titel“ fehlt oder ist kein Text. Tragen Sie den Namen des Angebots ein.']);
  });

  it('a date in German notation says how to write it, also one JavaScript would misread as a month', () => {
    for (const stand of ['28.11.2026', '01.11.2026', '11/01/2026', 'November 2026']) {
      expect(messages(offer.safeParse({ ...valid, stand })), stand).toEqual([
        'stand: Das Feld „stand“ ist kein gültiges Datum. Schreiben Sie es als JJJJ-MM-TT, z. B. 2024-01-01.',
      ]);
    }
    expect(offer.safeParse({ ...valid, stand: '2026-11-01' }).data?.stand).toEqual(new Date('2026-11-01'));
  });

  it('a cost phase without dates and one ending before it starts are explained', () => {
    const bad = {
      ...valid,
      kostenphasen: [
        { titel: 'A', beschreibung: 'x', rechtsgrundlage: 'y' },
        { titel: 'B', von: '2025-01-01', bis: '2024-01-01', beschreibung: 'x', rechtsgrundlage: 'y' },
      ],
    };
    expect(messages(offer.safeParse(bad))).toEqual([
      'kostenphasen.0: Eine Kostenphase braucht „von“ oder „bis“ (oder beides) als Datum JJJJ-MM-TT.',
      'kostenphasen.1: In einer Kostenphase liegt „von“ nach „bis“. Tauschen Sie die Daten.',
    ]);
  });

  it('rollout steps need their own ids, a choice two options, and a date or text none', () => {
    const step = (id: string, angaben: unknown[] = []) => ({ id, titel: `Schritt ${id}`, angaben });
    const bad = {
      ...valid,
      rollout: [
        step('start'),
        step('start', [{ id: 'weg', titel: 'Weg', art: 'auswahl', optionen: ['nur eine'] }]),
        step('Großer Schritt', [
          { id: 'datum', titel: 'Datum', art: 'datum', optionen: ['x', 'y'] },
          { id: 'datum', titel: 'Noch ein Datum', art: 'datum' },
        ]),
      ],
    };
    expect(messages(offer.safeParse(bad))).toEqual([
      'rollout.1.angaben.0: Eine Angabe der Art „auswahl“ braucht mindestens zwei „optionen“; die Arten „datum“ und „text“ haben keine.',
      'rollout.2.id: Das Feld „rollout → id“ besteht aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. „einzelabruf“.',
      'rollout.2.angaben.0: Eine Angabe der Art „auswahl“ braucht mindestens zwei „optionen“; die Arten „datum“ und „text“ haben keine.',
      'rollout.2: Zwei Angaben eines Rollout-Schritts haben dieselbe „id“. Geben Sie jeder eine eigene.',
      'rollout: Zwei Rollout-Schritte haben dieselbe „id“. Geben Sie jedem Schritt eine eigene.',
    ]);
    expect(messages(offer.safeParse({ ...valid, rollout: [step('a'), step('a')] }))).toEqual([
      'rollout: Zwei Rollout-Schritte haben dieselbe „id“. Geben Sie jedem Schritt eine eigene.',
    ]);
    const { rollout: _omit, ...without } = valid;
    expect(offer.safeParse(without).data?.rollout).toEqual([]);
    // Each milestone belongs to one step at most, and only the two named ones exist.
    const milestone = (id: string, meilenstein: string) => ({ ...step(id), meilenstein });
    expect(messages(offer.safeParse({ ...valid, rollout: [milestone('a', 'einzelabruf'), milestone('b', 'einzelabruf'), milestone('c', 'live')] }))).toEqual([
      'rollout: Zwei Rollout-Schritte haben denselben „meilenstein“. Jeder Meilenstein („einzelabruf“, „live“) gehört zu höchstens einem Schritt.',
    ]);
    expect(messages(offer.safeParse({ ...valid, rollout: [milestone('a', 'start')] }))).toEqual([
      'rollout.0.meilenstein: Das Feld „rollout → meilenstein“ ist „einzelabruf“, „live“ oder fehlt.',
    ]);
  });

  it('an OZG-ID written as text asks for a number', () => {
    const bad = { ...valid, leistungen: [{ name: 'X', ozgId: 'zehn', antragsstrecken: ['A'] }] };
    expect(messages(offer.safeParse(bad))).toEqual(['leistungen.0.ozgId: Das Feld „leistungen → ozgId“ braucht die OZG-ID als Zahl, z. B. 10255.']);
  });

  it('a too long short description says to shorten it', () => {
    const bad = { ...valid, kurzbeschreibung: 'x'.repeat(161) };
    expect(messages(offer.safeParse(bad))[0]).toContain('länger als 160 Zeichen');
  });

  it('a description too short for a search result asks for a whole sentence', () => {
    const bad = { ...valid, kurzbeschreibung: 'Vertrag ersetzt.' };
    expect(messages(offer.safeParse(bad))[0]).toContain('Das Feld „kurzbeschreibung“ ist zu kurz');
    expect(offer.safeParse({ ...valid, kurzbeschreibung: 'x'.repeat(21) }).success).toBe(true);
  });

  it('a download file name with spaces or an unknown type is refused with the allowed endings', () => {
    const result = downloadSchema.safeParse({ titel: 'T', beschreibung: 'B', datei: 'Einzelabruf final.doc', stand: '2026-01-01' });
    expect(messages(result)).toEqual([
      'datei: Das Feld „datei“ braucht einen Dateinamen aus public/downloads/ in Kleinbuchstaben ohne Leerzeichen, mit der Endung .pdf, .docx, .xlsx, .pptx, .odt, .ods oder .odp.',
    ]);
  });

  it('a contact e-mail with "(at)" is refused', () => {
    const result = contactSchema.safeParse({ name: 'N', rolle: 'R', email: 'kommunalvertreter(at)digitales.nrw.de' });
    expect(messages(result)).toEqual(['email: Das Feld „email“ ist keine gültige E-Mail-Adresse, z. B. name@digitales.nrw.de.']);
  });

  it('a postcode without quotes (a number) asks for five digits in quotes', () => {
    const site = load(readFileSync(`${FIXTURE}/site/site.yaml`, 'utf8')) as { organisation: { anschrift: Record<string, unknown> } };
    site.organisation.anschrift['plz'] = 4413;
    expect(messages(siteSchema.safeParse(site))[0]).toMatch(/^organisation\.anschrift\.plz: Das Feld „organisation → anschrift → plz“/);
  });

  it('a phone number may be written as people write it or be a gap; a text without digits is refused', () => {
    const site = load(readFileSync(`${FIXTURE}/site/site.yaml`, 'utf8')) as { organisation: Record<string, unknown> };
    const withPhone = (telefon: string) => siteSchema.safeParse({ ...site, organisation: { ...site.organisation, telefon } });
    expect(withPhone('0231 123456-0').success).toBe(true);
    expect(withPhone('[LÜCKE: Telefonnummer]').success).toBe(true);
    expect(messages(withPhone('folgt'))).toEqual([
      'organisation.telefon: Das Feld „organisation → telefon“ enthält keine Ziffer. Tragen Sie die Telefonnummer ein, z. B. "0231 123456-0", oder markieren Sie sie als [LÜCKE: …].',
    ]);
  });

  it('a news item with an empty headline is refused', () => {
    expect(messages(newsSchema.safeParse({ titel: '  ', beschreibung: 'Eine Meldung mit leerer Überschrift.', datum: '2024-01-01' }))).toEqual([
      'titel: Das Feld „titel“ ist leer. Tragen Sie die Überschrift der Meldung ein.',
    ]);
  });
});
