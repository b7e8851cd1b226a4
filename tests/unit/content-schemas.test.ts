import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { contactSchema, downloadSchema, newsSchema, offerSchema, siteSchema, type RefFactory } from '../../src/lib/content-schemas.ts';

const ref: RefFactory = (collection) => z.string().transform((id) => ({ collection, id }));
const offer = offerSchema(ref);

function frontmatter(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  if (!match?.[1]) throw new Error(`${path} has no frontmatter`);
  return parseYaml(match[1]) as Record<string, unknown>;
}

/** The messages an editor would see, with the field path Astro prints before them. */
function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the real content', () => {
  it('the Aufenthaltstitel offer passes its schema', () => {
    const result = offer.safeParse(frontmatter('content/offers/aufenthaltstitel.mdx'));
    expect(result.success).toBe(true);
    expect(result.data?.leistungen.map((l) => l.ozgId)).toEqual([10255, 10596]);
  });

  it('site.yaml passes and publishes the seed mailbox', () => {
    const result = siteSchema.safeParse(parseYaml(readFileSync('content/site/site.yaml', 'utf8')));
    expect(result.success).toBe(true);
    expect(result.data?.organisation.postfach).toBe('kommunalvertreter@digitales.nrw.de');
  });
});

describe('errors written for editors', () => {
  const valid = frontmatter('content/offers/aufenthaltstitel.mdx');

  it('a missing title names the field in German', () => {
    const { titel: _omit, ...rest } = valid;
    expect(messages(offer.safeParse(rest))).toEqual(['titel: Das Feld „titel“ fehlt oder ist kein Text. Tragen Sie den Namen des Angebots ein.']);
  });

  it('a date in German notation says how to write it', () => {
    const bad = { ...valid, stand: '28.11.2026' };
    expect(messages(offer.safeParse(bad))).toEqual([
      'stand: Das Feld „stand“ ist kein gültiges Datum. Schreiben Sie es als JJJJ-MM-TT, z. B. 2024-01-01.',
    ]);
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

  it('an OZG-ID written as text asks for a number', () => {
    const bad = { ...valid, leistungen: [{ name: 'X', ozgId: 'zehn', antragsstrecken: ['A'] }] };
    expect(messages(offer.safeParse(bad))).toEqual(['leistungen.0.ozgId: Das Feld „leistungen → ozgId“ braucht die OZG-ID als Zahl, z. B. 10255.']);
  });

  it('a too long short description says to shorten it', () => {
    const bad = { ...valid, kurzbeschreibung: 'x'.repeat(161) };
    expect(messages(offer.safeParse(bad))[0]).toContain('länger als 160 Zeichen');
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
    const site = parseYaml(readFileSync('content/site/site.yaml', 'utf8')) as { organisation: { anschrift: Record<string, unknown> } };
    site.organisation.anschrift['plz'] = 4413;
    expect(messages(siteSchema.safeParse(site))[0]).toMatch(/^organisation\.anschrift\.plz: Das Feld „organisation → anschrift → plz“/);
  });

  it('a news item with an empty headline is refused', () => {
    expect(messages(newsSchema.safeParse({ titel: '  ', beschreibung: 'B', datum: '2024-01-01' }))).toEqual([
      'titel: Das Feld „titel“ ist leer. Tragen Sie die Überschrift der Meldung ein.',
    ]);
  });
});
