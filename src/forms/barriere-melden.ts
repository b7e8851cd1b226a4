/**
 * "Barriere melden": the feedback mechanism the Erklärung zur Barrierefreiheit (BITV NRW) requires.
 * Anyone may report a barrier; the e-mail address is optional (for a reply).
 */
import { privacyNoticeField } from './common-fields.ts';
import type { FieldDefinition, FormMeta } from './types.ts';

/** Longest Beschreibung in characters. */
export const BESCHREIBUNG_MAX = 4000;

export const barriereMeldenFields: readonly FieldDefinition[] = [
  {
    name: 'seite',
    label: 'Welche Seite ist betroffen?',
    shortLabel: 'Seite',
    hint: 'Die Adresse oder der Titel der Seite, zum Beispiel „Aufenthaltstitel“',
    type: 'text',
    required: true,
    maxLength: 500,
    messages: {
      required: 'Geben Sie an, welche Seite betroffen ist',
      tooLong: 'Die Angabe zur Seite darf höchstens 500 Zeichen lang sein',
    },
  },
  {
    name: 'beschreibung',
    label: 'Beschreiben Sie die Barriere',
    shortLabel: 'Beschreibung',
    hint: `Was wollten Sie tun, und was hat nicht funktioniert? Höchstens ${BESCHREIBUNG_MAX} Zeichen.`,
    type: 'textarea',
    required: true,
    maxLength: BESCHREIBUNG_MAX,
    messages: {
      required: 'Beschreiben Sie die Barriere',
      tooLong: `Die Beschreibung darf höchstens ${BESCHREIBUNG_MAX} Zeichen lang sein`,
    },
  },
  {
    name: 'email',
    label: 'E-Mail-Adresse (optional)',
    shortLabel: 'E-Mail-Adresse',
    hint: 'Wenn Sie eine Antwort möchten.',
    type: 'email',
    required: false,
    maxLength: 254,
    autocomplete: 'email',
    inputmode: 'email',
    messages: {
      format: 'Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@stadt.de',
      tooLong: 'Die E-Mail-Adresse darf höchstens 254 Zeichen lang sein',
    },
  },
  privacyNoticeField,
];

/** The barrier report without its schema; the schema is built in schemas.ts. */
export const barriereMeldenMeta: FormMeta = {
  name: 'barriere-melden',
  title: 'Barriere melden',
  path: '/barrierefreiheit/barriere-melden/',
  thankYouPath: '/barrierefreiheit/barriere-melden/danke/',
  privacyHref: '/datenschutz/#formular-barriere-melden',
  referencePrefix: 'BF',
  fields: barriereMeldenFields,
  replyToField: 'email',
  subjectField: 'seite',
};
