/**
 * The form definitions (shared/forms) in the fixture build (content.json, what the server reads),
 * compared with the fixture content's offers: one interest form per offer with that offer's
 * choices, the schema built from the field list, and the rules every field follows.
 */
import { describe, expect, it } from 'vitest';
import {
  antragsstreckenOptions,
  barriereMeldenMeta,
  formKeyVariable,
  interesseFormName,
  OPEN_CHOICE,
  readFormKeys,
  stepsAfterForm,
  validateSubmission,
  withSchema,
  type FormDefinition,
} from '../../shared/forms/index.ts';
import { fixture } from '../lib/content-facts.ts';
import { fixtureForms, interesse, interesseOptions, validInteresse } from './helpers.ts';

const barrier = withSchema(barriereMeldenMeta);

function errorsOf(input: Record<string, unknown>, form: FormDefinition = interesse) {
  const result = validateSubmission(form, input);
  return result.ok ? [] : result.errors;
}

describe('the form registry', () => {
  it('has one interest form per offer, named after the offer, and the barrier report', () => {
    expect([...fixtureForms.keys()]).toEqual([...fixture.offers.map((offer) => `interesse-${offer.id}`), 'barriere-melden']);
    for (const offer of fixture.offers) {
      const form = fixtureForms.get(interesseFormName(offer.id));
      expect(form?.path).toBe(`/angebote/${offer.id}/interesse/`);
      expect(form?.thankYouPath).toBe(`/angebote/${offer.id}/interesse/danke/`);
      expect(form?.submissionName).toBe(`Interessenbekundung ${offer.titel}`);
      const after = stepsAfterForm(offer.schritte).map(({ titel, beschreibung, punkte }) => ({ titel, beschreibung, ...(punkte === undefined ? {} : { punkte }) }));
      expect(form?.nextSteps).toEqual(after);
    }
  });

  it('„Wie es weitergeht“ starts after the step the form itself does, not with it', () => {
    const offer = fixture.offers.find((o) => o.schritte.some((step) => step.formular));
    expect(offer, 'a fixture offer marks its form step').toBeDefined();
    const formStep = offer!.schritte.find((step) => step.formular)!;
    const next = fixtureForms.get(interesseFormName(offer!.id))?.nextSteps.map((step) => step.titel) ?? [];
    expect(next).not.toContain(formStep.titel);
    expect(next).toEqual(offer!.schritte.slice(offer!.schritte.indexOf(formStep) + 1).map((step) => step.titel));
    expect(stepsAfterForm([{ titel: 'A', beschreibung: 'a' }, { titel: 'B', beschreibung: 'b' }]).map((step) => step.titel)).toEqual(['A', 'B']);
  });

  it('offers each offer its own Antragsstrecken, in file order, each once, and "Noch offen – Beratung gewünscht"', () => {
    for (const offer of fixture.offers) {
      const choices = fixtureForms.get(interesseFormName(offer.id))?.fields.find((f) => f.name === 'antragsstrecken');
      expect(choices?.options).toEqual([...new Set(offer.leistungen.flatMap((l) => l.antragsstrecken)), OPEN_CHOICE]);
      for (const leistung of offer.leistungen) expect(choices?.hint).toContain(`„${leistung.name}“ (OZG-ID ${leistung.ozgId})`);
    }
    expect(antragsstreckenOptions({ leistungen: [{ name: 'L', ozgId: 1, antragsstrecken: ['A', ' B '] }, { name: 'M', ozgId: 2, antragsstrecken: ['A', ''] }] })).toEqual([
      'A',
      'B',
      OPEN_CHOICE,
    ]);
  });

  it("accepts exactly an offer's own choices: another offer's Antragsstrecke is refused", () => {
    const [first, second] = fixture.offers;
    const other = fixtureForms.get(interesseFormName(second?.id ?? ''));
    const foreign = second?.leistungen[0]?.antragsstrecken[0];
    expect(first?.leistungen.flatMap((l) => l.antragsstrecken)).not.toContain(foreign);
    expect(errorsOf(validInteresse({ antragsstrecken: [foreign] }))).toEqual([
      { field: 'antragsstrecken', code: 'TYPE_TEXT', message: 'Wählen Sie nur Antragsstrecken aus der Liste aus' },
    ]);
    expect(errorsOf(validInteresse({ antragsstrecken: [foreign] }), other)).toEqual([]);
    expect(errorsOf(validInteresse({ antragsstrecken: [OPEN_CHOICE] }))).toEqual([]);
  });

  it('has no consent checkbox; each form keeps the link to its privacy notice as data', () => {
    for (const form of fixtureForms.values()) {
      expect(form.fields.map((f) => f.name)).not.toContain('datenschutz');
      expect(form.privacyHref).toMatch(/^\/datenschutz\/#formular-/);
    }
    expect(validateSubmission(interesse, validInteresse()).ok).toBe(true);
  });

  it('warns in the Nachricht hint not to send applicants\u2019 personal data', () => {
    expect(interesse.fields.find((f) => f.name === 'nachricht')?.hint).toContain('keine Daten von Antragstellerinnen und Antragstellern');
  });
});

describe('form keys from the environment', () => {
  const names = [...fixtureForms.keys()];

  it('names the variable after the form: upper case, - as _, PUBLIC_ for the build', () => {
    expect(formKeyVariable('interesse-muster-dienst', 'server')).toBe('FORM_KEY_INTERESSE_MUSTER_DIENST');
    expect(formKeyVariable('barriere-melden', 'build')).toBe('PUBLIC_FORM_KEY_BARRIERE_MELDEN');
  });

  it('maps a configured key to its form and keeps the name working', () => {
    const keys = readFormKeys(names, { [formKeyVariable(interesse.name, 'server')]: ' abc123 ' }, 'server');
    expect(keys.problems).toEqual([]);
    expect(keys.keyOf.get(interesse.name)).toBe('abc123');
    expect(keys.formOf.get('abc123')).toBe(interesse.name);
    expect(keys.formOf.get(interesse.name)).toBe(interesse.name);
    expect(keys.keyOf.get('barriere-melden')).toBe('barriere-melden');
  });

  it('reports a variable for a form that does not exist, a bad key and a key used twice, in German', () => {
    const keys = readFormKeys(
      names,
      { FORM_KEY_INTERESSE: 'alt', FORM_KEY_BARRIERE_MELDEN: 'a b', [formKeyVariable(interesse.name, 'server')]: 'barriere-melden', PUBLIC_FORM_KEY_X: 'egal' },
      'server',
    );
    expect(keys.problems).toEqual([
      expect.stringMatching(/^FORM_KEY_INTERESSE: Ein solches Formular gibt es nicht\. Möglich sind FORM_KEY_INTERESSE_/),
      'FORM_KEY_BARRIERE_MELDEN: „a b“ geht nicht; nur Buchstaben, Ziffern, - und _ sind erlaubt (höchstens 64 Zeichen).',
      `${formKeyVariable(interesse.name, 'server')}: Der Schlüssel „barriere-melden“ gehört schon zum Formular „barriere-melden“.`,
    ]);
  });
});

describe('interest form schema', () => {
  it('accepts a complete submission and cleans it', () => {
    const result = validateSubmission(interesse, validInteresse({ behoerde: '  Stadt Bonn  ', ags: '05 314 000', start: '3/2027', unknown: 'x' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data['behoerde']).toBe('Stadt Bonn');
    expect(result.data['ags']).toBe('05314000');
    expect(result.data['start']).toBe('2027-03');
    expect(result.data).not.toHaveProperty('unknown');
  });

  it('names every missing required field with a GOV.UK-style German message and Formspree code', () => {
    expect(errorsOf({})).toEqual([
      { field: 'behoerde', code: 'REQUIRED_FIELD_MISSING', message: 'Geben Sie den Namen Ihrer Behörde ein' },
      { field: 'ansprechperson', code: 'REQUIRED_FIELD_MISSING', message: 'Geben Sie den Namen der Ansprechperson ein' },
      { field: 'email', code: 'REQUIRED_FIELD_MISSING', message: 'Geben Sie eine E-Mail-Adresse ein' },
      { field: 'antragsstrecken', code: 'REQUIRED_FIELD_MISSING', message: 'Wählen Sie mindestens eine Antragsstrecke aus' },
    ]);
  });

  it('treats blank text as empty, not as given', () => {
    expect(errorsOf(validInteresse({ behoerde: '   ' }))).toEqual([
      { field: 'behoerde', code: 'REQUIRED_FIELD_EMPTY', message: 'Geben Sie den Namen Ihrer Behörde ein' },
    ]);
  });

  it('rejects an e-mail address in the wrong format with TYPE_EMAIL', () => {
    for (const email of ['erika', 'erika@stadt', 'a b@stadt.de']) {
      expect(errorsOf(validInteresse({ email }))).toEqual([
        { field: 'email', code: 'TYPE_EMAIL', message: 'Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@beispiel.de' },
      ]);
    }
  });

  it('takes the 5-digit Kreisschlüssel and the 8-digit Gemeindeschlüssel from NRW, nothing else', () => {
    for (const ags of ['', '05913', '05 958', '05913000', '05 314 000']) expect(errorsOf(validInteresse({ ags })), ags).toEqual([]);
    const format = 'Geben Sie den Kreisschlüssel mit 5 Ziffern oder den Gemeindeschlüssel mit 8 Ziffern ein, z. B. 05978 (Kreis Unna) oder 05913000 (Stadt Dortmund)';
    for (const ags of ['0591', '059130', '0591300', '059130001', '05a13000']) expect(errorsOf(validInteresse({ ags }))[0]?.message, ags).toBe(format);
    for (const ags of ['09162', '09162000']) {
      expect(errorsOf(validInteresse({ ags }))[0]?.message, ags).toBe('Geben Sie einen Schlüssel aus Nordrhein-Westfalen ein. Er beginnt mit 05');
    }
    const field = interesse.fields.find((f) => f.name === 'ags');
    expect(field?.label).toMatch(/Gemeinde- oder Kreisschlüssel/);
    expect(field?.hint).toMatch(/5 Ziffern.*Kreis.*8 Ziffern.*Gemeinde/);
  });

  it('the key hint gives a Kreis with 5 digits and a Stadt with 8 as examples, each accepted, in whole sentences', () => {
    const hint = interesse.fields.find((f) => f.name === 'ags')?.hint ?? '';
    expect(hint).toContain('In Nordrhein-Westfalen beginnt er mit 05. Zum Beispiel: 05978 (Kreis Unna) oder 05913000 (Stadt Dortmund).');
    const examples = [...hint.matchAll(/\b(\d+) \((Kreis|Stadt) [^)]+\)/g)].map(([, key = '', kind]) => ({ key, kind }));
    expect(examples.map(({ key, kind }) => `${kind} ${key.length}`)).toEqual(['Kreis 5', 'Stadt 8']);
    for (const { key } of examples) expect(errorsOf(validInteresse({ ags: key })), key).toEqual([]);
  });

  it('labels carry no optional mark of their own: the form adds one word to every optional field, as the privacy notice does', () => {
    for (const form of [interesse, barrier]) {
      for (const field of form.fields) expect(field.label, field.name).not.toMatch(/optional|freiwillig/i);
    }
  });

  it('accepts Antragsstrecken as one string or a list, only from the offer', () => {
    const [a] = interesseOptions;
    expect(validateSubmission(interesse, validInteresse({ antragsstrecken: a }))).toMatchObject({ ok: true, data: { antragsstrecken: [a] } });
    expect(validateSubmission(interesse, validInteresse({ antragsstrecken: [a, a] }))).toMatchObject({ ok: true, data: { antragsstrecken: [a] } });
    expect(errorsOf(validInteresse({ antragsstrecken: [] }))).toEqual([
      { field: 'antragsstrecken', code: 'REQUIRED_FIELD_EMPTY', message: 'Wählen Sie mindestens eine Antragsstrecke aus' },
    ]);
    expect(errorsOf(validInteresse({ antragsstrecken: [a, 'Erfunden'] }))[0]?.message).toBe('Wählen Sie nur Antragsstrecken aus der Liste aus');
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
  it('needs the page and the description; the e-mail address is optional', () => {
    const result = validateSubmission(barrier, {});
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.message])).toEqual([
      ['seite', 'Geben Sie an, welche Seite betroffen ist'],
      ['beschreibung', 'Beschreiben Sie die Barriere'],
    ]);
    expect(validateSubmission(barrier, { seite: '/', beschreibung: 'Kontrast', email: '' }).ok).toBe(true);
    expect(validateSubmission(barrier, { seite: '/', beschreibung: 'Kontrast', email: 'kaputt' })).toMatchObject({
      ok: false,
      errors: [{ field: 'email', code: 'TYPE_EMAIL' }],
    });
  });
});
