/**
 * "Barriere melden": the feedback mechanism the Erklärung zur Barrierefreiheit (BITV NRW) requires.
 * Anyone may report a barrier; the e-mail address is optional (for a reply).
 */
import { formStrings } from '../strings/form.ts';
import type { FieldDefinition, FormMeta } from './types.ts';

/** Longest Beschreibung in characters. */
const BESCHREIBUNG_MAX = 4000;

const barriereMeldenFields: readonly FieldDefinition[] = [
  {
    name: 'seite',
    label: 'Welche Seite ist betroffen?',
    shortLabel: 'Seite',
    hint: 'Die Adresse oder der Titel der Seite, zum Beispiel /kontakt/ oder „Kontakt“',
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
    hint: 'Was wollten Sie tun, und was hat nicht funktioniert?',
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
    label: 'E-Mail-Adresse',
    shortLabel: 'E-Mail-Adresse',
    hint: 'Wenn Sie eine Antwort möchten.',
    type: 'email',
    required: false,
    maxLength: 254,
    autocomplete: 'email',
    inputmode: 'email',
    messages: {
      format: formStrings.messages.emailFormat,
      tooLong: 'Die E-Mail-Adresse darf höchstens 254 Zeichen lang sein',
    },
  },
];

/** The name of the barrier report, also its key at /f/<name> and its name in storage. */
const BARRIERE_MELDEN = 'barriere-melden';

const t = formStrings['barriere-melden'];

/** The barrier report without its schema; the schema is built from its fields in schemas.ts. */
export const barriereMeldenMeta: FormMeta = {
  name: BARRIERE_MELDEN,
  submissionName: t.submissionName,
  texts: {
    pageTitle: t.pageTitle,
    pageDescription: t.pageDescription,
    intro: t.intro,
    confirmationHeading: t.confirmationHeading,
    confirmationText: t.confirmationText,
    thanksTitle: t.thanksTitle,
    thanksDescription: t.thanksDescription,
  },
  path: '/barrierefreiheit/barriere-melden/',
  thankYouPath: '/barrierefreiheit/barriere-melden/danke/',
  privacyHref: '/datenschutz/#formular-barriere-melden',
  nextSteps: [],
  referencePrefix: 'BF',
  fields: barriereMeldenFields,
  replyToField: 'email',
  subjectField: 'seite',
};
