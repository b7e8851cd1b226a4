/**
 * "Interesse bekunden": an Ausländerbehörde registers its interest in the offer. The Antragsstrecken
 * to choose from come from the offer (see antragsstrecken.ts), so the form is created for a list of
 * options: `interesseMeta(antragsstreckenOptions(offer))`; its schema is built from these fields in
 * schemas.ts (`createInteresseForm`).
 */
import { privacyNoticeField } from './common-fields.ts';
import type { FieldDefinition, FormMeta } from './types.ts';

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
    privacyNoticeField,
  ];
}

/** The interest form without its schema (labels, hints, messages, paths). */
export function interesseMeta(antragsstrecken: readonly string[]): FormMeta {
  if (antragsstrecken.length === 0) throw new Error('Interessenbekundung: das Angebot hat keine Antragsstrecken.');
  return {
    name: 'interesse',
    title: 'Interesse bekunden',
    path: '/interesse/',
    thankYouPath: '/interesse/danke/',
    privacyHref: '/datenschutz/#formular-interesse-bekunden',
    referencePrefix: 'KV',
    fields: interesseFields(antragsstrecken),
    replyToField: 'email',
    replyToNameField: 'ansprechperson',
    subjectField: 'behoerde',
  };
}
