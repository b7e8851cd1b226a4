/**
 * "Interesse bekunden": an Ausländerbehörde registers its interest in the offer. The Antragsstrecken
 * to choose from come from the offer (see antragsstrecken.ts), so the definition is created for a
 * list of options: `createInteresseForm(antragsstreckenOptions(offer))`.
 */
import * as z from 'zod/mini';
import { consentSchema, emailSchema, fieldNamed, monthSchema, phoneSchema, textSchema, choicesSchema, blankToUndefined } from './fields.ts';
import type { FieldDefinition, FormDefinition } from './types.ts';

/** Longest Nachricht in characters. */
export const NACHRICHT_MAX = 2000;

export function interesseFields(antragsstrecken: readonly string[]): readonly FieldDefinition[] {
  return [
    {
      name: 'behoerde',
      label: 'Name Ihrer Behörde',
      shortLabel: 'Behörde',
      hint: 'Zum Beispiel: Stadt Dortmund, Ausländerbehörde',
      type: 'text',
      required: true,
      maxLength: 200,
      autocomplete: 'organization',
      messages: {
        required: 'Geben Sie den Namen Ihrer Behörde ein',
        tooLong: 'Der Name der Behörde darf höchstens 200 Zeichen lang sein',
      },
    },
    {
      name: 'ags',
      label: 'Amtlicher Gemeindeschlüssel (optional)',
      shortLabel: 'Amtlicher Gemeindeschlüssel',
      hint: '8 Ziffern, in Nordrhein-Westfalen beginnend mit 05, zum Beispiel 05913000',
      type: 'text',
      required: false,
      maxLength: 12,
      inputmode: 'numeric',
      width: 10,
      messages: {
        format: 'Geben Sie den Amtlichen Gemeindeschlüssel mit 8 Ziffern ein, z. B. 05913000',
        option: 'Geben Sie einen Amtlichen Gemeindeschlüssel aus Nordrhein-Westfalen ein, er beginnt mit 05',
        tooLong: 'Geben Sie den Amtlichen Gemeindeschlüssel mit 8 Ziffern ein, z. B. 05913000',
      },
    },
    {
      name: 'ansprechperson',
      label: 'Name der Ansprechperson',
      shortLabel: 'Ansprechperson',
      type: 'text',
      required: true,
      maxLength: 200,
      autocomplete: 'name',
      messages: {
        required: 'Geben Sie den Namen der Ansprechperson ein',
        tooLong: 'Der Name der Ansprechperson darf höchstens 200 Zeichen lang sein',
      },
    },
    {
      name: 'funktion',
      label: 'Funktion der Ansprechperson (optional)',
      shortLabel: 'Funktion',
      hint: 'Zum Beispiel: Leitung der Ausländerbehörde, IT-Koordination',
      type: 'text',
      required: false,
      maxLength: 200,
      autocomplete: 'organization-title',
      messages: {
        format: 'Geben Sie die Funktion als Text ein',
        tooLong: 'Die Funktion darf höchstens 200 Zeichen lang sein',
      },
    },
    {
      name: 'email',
      label: 'E-Mail-Adresse',
      hint: 'An diese Adresse schicken wir unsere Antwort.',
      type: 'email',
      required: true,
      maxLength: 254,
      autocomplete: 'email',
      inputmode: 'email',
      messages: {
        required: 'Geben Sie eine E-Mail-Adresse ein',
        format: 'Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@stadt.de',
        tooLong: 'Die E-Mail-Adresse darf höchstens 254 Zeichen lang sein',
      },
    },
    {
      name: 'telefon',
      label: 'Telefonnummer (optional)',
      shortLabel: 'Telefon',
      hint: 'Für Rückfragen, zum Beispiel 0231 123456',
      type: 'tel',
      required: false,
      maxLength: 40,
      autocomplete: 'tel',
      inputmode: 'tel',
      width: 20,
      messages: {
        format: 'Geben Sie eine Telefonnummer im richtigen Format ein, z. B. 0231 123456',
        tooLong: 'Die Telefonnummer darf höchstens 40 Zeichen lang sein',
      },
    },
    {
      name: 'antragsstrecken',
      label: 'Welche Antragsstrecken möchten Sie nutzen?',
      shortLabel: 'Antragsstrecken',
      hint: 'Wählen Sie alle zutreffenden aus.',
      type: 'checkboxes',
      required: true,
      options: antragsstrecken,
      messages: {
        required: 'Wählen Sie mindestens eine Antragsstrecke aus',
        option: 'Wählen Sie nur Antragsstrecken aus der Liste aus',
      },
    },
    {
      name: 'start',
      label: 'Gewünschter Start (optional)',
      shortLabel: 'Gewünschter Start',
      hint: 'Monat und Jahr, zum Beispiel 03.2027',
      type: 'month',
      required: false,
      maxLength: 20,
      width: 10,
      messages: {
        format: 'Geben Sie den gewünschten Start als Monat und Jahr ein, z. B. 03.2027',
      },
    },
    {
      name: 'nachricht',
      label: 'Ihre Nachricht (optional)',
      shortLabel: 'Nachricht',
      hint: `Zum Beispiel Fragen zum Ablauf oder zu den Kosten. Höchstens ${NACHRICHT_MAX} Zeichen.`,
      type: 'textarea',
      required: false,
      maxLength: NACHRICHT_MAX,
      messages: {
        format: 'Geben Sie die Nachricht als Text ein',
        tooLong: `Die Nachricht darf höchstens ${NACHRICHT_MAX} Zeichen lang sein`,
      },
    },
    {
      name: 'datenschutz',
      label: 'Ich habe die Datenschutzhinweise gelesen und bin mit der Verarbeitung meiner Angaben einverstanden.',
      shortLabel: 'Datenschutzhinweise gelesen',
      type: 'consent',
      required: true,
      messages: {
        required: 'Bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben',
      },
    },
  ];
}

/** The Amtlicher Gemeindeschlüssel: 8 digits (spaces are ignored), in NRW starting with 05. */
function agsSchema(field: FieldDefinition) {
  const format = field.messages.format ?? '';
  const nrw = field.messages.option ?? format;
  const withoutSpaces = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/\s+/g, '') : blankToUndefined(v));
  return z.pipe(
    z.transform(blankToUndefined),
    z.optional(
      z.pipe(
        z.transform(withoutSpaces),
        z.string({ error: format }).check(
          z.regex(/^\d{8}$/, { error: format }),
          z.refine((v) => !/^\d{8}$/.test(v) || v.startsWith('05'), { error: nrw }),
        ),
      ),
    ),
  );
}

export function createInteresseForm(antragsstrecken: readonly string[]) {
  if (antragsstrecken.length === 0) throw new Error('Interessenbekundung: das Angebot hat keine Antragsstrecken.');
  const fields = interesseFields(antragsstrecken);
  const f = (name: string) => fieldNamed(fields, name);
  const schema = z.object({
    behoerde: textSchema(f('behoerde')),
    ags: agsSchema(f('ags')),
    ansprechperson: textSchema(f('ansprechperson')),
    funktion: textSchema(f('funktion')),
    email: emailSchema(f('email')),
    telefon: phoneSchema(f('telefon')),
    antragsstrecken: choicesSchema(f('antragsstrecken')),
    start: monthSchema(f('start')),
    nachricht: textSchema(f('nachricht')),
    datenschutz: consentSchema(f('datenschutz')),
  });
  return {
    name: 'interesse',
    title: 'Interesse bekunden',
    path: '/interesse/',
    thankYouPath: '/interesse/danke/',
    referencePrefix: 'KV',
    fields,
    replyToField: 'email',
    replyToNameField: 'ansprechperson',
    subjectField: 'behoerde',
    schema,
  } as const satisfies FormDefinition<typeof schema>;
}

export type InteresseForm = ReturnType<typeof createInteresseForm>;
export type InteresseValues = z.output<InteresseForm['schema']>;
