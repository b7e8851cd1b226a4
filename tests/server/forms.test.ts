import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  antragsstreckenOptions,
  barriereMeldenForm,
  createInteresseForm,
  validateSubmission,
} from '../../src/forms/index.ts';
import { readInteresseOptions } from '../../server/content.ts';
import { repoRoot, validInteresse } from './helpers.ts';

const options = readInteresseOptions(join(repoRoot, 'content'));
const interesse = createInteresseForm(options);

function errorsOf(input: Record<string, unknown>) {
  const result = validateSubmission(interesse, input);
  return result.ok ? [] : result.errors;
}

describe('interest form choices', () => {
  it('offers every Antragsstrecke of every Leistung of the offer, in file order, each once', () => {
    const text = readFileSync(join(repoRoot, 'content/offers/aufenthaltstitel.mdx'), 'utf8');
    const frontmatter = parse(text.split(/^---$/m)[1] ?? '') as { leistungen: { antragsstrecken: string[] }[] };
    expect(options).toEqual(frontmatter.leistungen.flatMap((l) => l.antragsstrecken));
    expect(options).toContain('§ 24 AufenthG (Ukraine)');
    expect(options).toContain('Aufenthaltskarten und aufenthaltsrelevante Bescheinigungen (alle verfügbaren Antragsstrecken)');
  });

  it('drops duplicates and blanks', () => {
    expect(antragsstreckenOptions({ leistungen: [{ antragsstrecken: ['A', ' B '] }, { antragsstrecken: ['A', ''] }] })).toEqual(['A', 'B']);
  });
});

describe('interest form schema', () => {
  it('accepts a complete submission and cleans it', () => {
    const result = validateSubmission(interesse, validInteresse({ behoerde: '  Stadt Bonn  ', ags: '05 314 000', start: '3/2027', unknown: 'x' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.behoerde).toBe('Stadt Bonn');
    expect(result.data.ags).toBe('05314000');
    expect(result.data.start).toBe('2027-03');
    expect(result.data).not.toHaveProperty('unknown');
  });

  it('names every missing required field with a GOV.UK-style German message and Formspree code', () => {
    expect(errorsOf({})).toEqual([
      { field: 'behoerde', code: 'REQUIRED_FIELD_MISSING', message: 'Geben Sie den Namen Ihrer Behörde ein' },
      { field: 'ansprechperson', code: 'REQUIRED_FIELD_MISSING', message: 'Geben Sie den Namen der Ansprechperson ein' },
      { field: 'email', code: 'REQUIRED_FIELD_MISSING', message: 'Geben Sie eine E-Mail-Adresse ein' },
      { field: 'antragsstrecken', code: 'REQUIRED_FIELD_MISSING', message: 'Wählen Sie mindestens eine Antragsstrecke aus' },
      { field: 'datenschutz', code: 'REQUIRED_FIELD_MISSING', message: 'Bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben' },
    ]);
  });

  it('treats blank text as empty, not as given', () => {
    expect(errorsOf(validInteresse({ behoerde: '   ' }))).toEqual([
      { field: 'behoerde', code: 'REQUIRED_FIELD_EMPTY', message: 'Geben Sie den Namen Ihrer Behörde ein' },
    ]);
  });

  it('rejects an e-mail address in the wrong format with TYPE_EMAIL', () => {
    for (const email of ['erika', 'erika@stadt', 'a b@stadt.de', 'x@stadt.de\r\nBcc: y@z.de']) {
      expect(errorsOf(validInteresse({ email }))).toEqual([
        { field: 'email', code: 'TYPE_EMAIL', message: 'Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@stadt.de' },
      ]);
    }
  });

  it('checks the Amtlicher Gemeindeschlüssel: optional, 8 digits, NRW starts with 05', () => {
    expect(errorsOf(validInteresse({ ags: '' }))).toEqual([]);
    expect(errorsOf(validInteresse({ ags: '0591300' }))[0]?.message).toBe('Geben Sie den Amtlichen Gemeindeschlüssel mit 8 Ziffern ein, z. B. 05913000');
    expect(errorsOf(validInteresse({ ags: '05a13000' }))[0]?.field).toBe('ags');
    expect(errorsOf(validInteresse({ ags: '09162000' }))[0]?.message).toBe(
      'Geben Sie einen Amtlichen Gemeindeschlüssel aus Nordrhein-Westfalen ein, er beginnt mit 05',
    );
  });

  it('accepts Antragsstrecken as one string or a list, only from the offer', () => {
    expect(validateSubmission(interesse, validInteresse({ antragsstrecken: 'Ausbildung' }))).toMatchObject({ ok: true, data: { antragsstrecken: ['Ausbildung'] } });
    expect(validateSubmission(interesse, validInteresse({ antragsstrecken: ['Ausbildung', 'Ausbildung'] }))).toMatchObject({
      ok: true,
      data: { antragsstrecken: ['Ausbildung'] },
    });
    expect(errorsOf(validInteresse({ antragsstrecken: [] }))).toEqual([
      { field: 'antragsstrecken', code: 'REQUIRED_FIELD_EMPTY', message: 'Wählen Sie mindestens eine Antragsstrecke aus' },
    ]);
    expect(errorsOf(validInteresse({ antragsstrecken: ['Ausbildung', 'Erfunden'] }))).toEqual([
      { field: 'antragsstrecken', code: 'TYPE_TEXT', message: 'Wählen Sie nur Antragsstrecken aus der Liste aus' },
    ]);
  });

  it('accepts consent as "on", "true", true or "1" and nothing else', () => {
    for (const datenschutz of ['on', 'true', true, '1']) expect(errorsOf(validInteresse({ datenschutz }))).toEqual([]);
    for (const datenschutz of ['off', false, '', 'no', 0]) expect(errorsOf(validInteresse({ datenschutz }))[0]?.field).toBe('datenschutz');
  });

  it('accepts the start month as JJJJ-MM or MM.JJJJ and rejects other text', () => {
    expect(validateSubmission(interesse, validInteresse({ start: '11.2027' }))).toMatchObject({ ok: true, data: { start: '2027-11' } });
    expect(errorsOf(validInteresse({ start: '2027-13' }))[0]?.message).toBe('Geben Sie den gewünschten Start als Monat und Jahr ein, z. B. 03.2027');
    expect(errorsOf(validInteresse({ start: 'bald' }))[0]?.field).toBe('start');
  });

  it('limits the Nachricht to 2000 characters', () => {
    expect(errorsOf(validInteresse({ nachricht: 'x'.repeat(2000) }))).toEqual([]);
    expect(errorsOf(validInteresse({ nachricht: 'x'.repeat(2001) }))).toEqual([
      { field: 'nachricht', code: 'TYPE_TEXT', message: 'Die Nachricht darf höchstens 2000 Zeichen lang sein' },
    ]);
  });

  it('rejects a phone number with letters', () => {
    expect(errorsOf(validInteresse({ telefon: 'ruf an' }))[0]?.field).toBe('telefon');
    expect(errorsOf(validInteresse({ telefon: '+49 (231) 12-34/56' }))).toEqual([]);
  });

  it('rejects lists and objects where text is expected', () => {
    expect(errorsOf(validInteresse({ behoerde: ['a', 'b'] }))[0]).toMatchObject({ field: 'behoerde', code: 'TYPE_TEXT' });
    expect(errorsOf(validInteresse({ behoerde: { a: 1 } }))[0]).toMatchObject({ field: 'behoerde', code: 'TYPE_TEXT' });
  });
});

describe('barrier report schema', () => {
  it('needs the page, the description and consent; the e-mail address is optional', () => {
    const result = validateSubmission(barriereMeldenForm, {});
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.message])).toEqual([
      ['seite', 'Geben Sie an, welche Seite betroffen ist'],
      ['beschreibung', 'Beschreiben Sie die Barriere'],
      ['datenschutz', 'Bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben'],
    ]);
    expect(validateSubmission(barriereMeldenForm, { seite: '/', beschreibung: 'Kontrast', email: '', datenschutz: 'on' }).ok).toBe(true);
    expect(validateSubmission(barriereMeldenForm, { seite: '/', beschreibung: 'Kontrast', email: 'kaputt', datenschutz: 'on' })).toMatchObject({
      ok: false,
      errors: [{ field: 'email', code: 'TYPE_EMAIL' }],
    });
  });
});
