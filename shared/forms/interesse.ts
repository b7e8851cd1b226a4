/**
 * "Interesse bekunden": an authority registers its interest in one offer. Every offer
 * (content/offers/<id>.md or .mdx) has its own interest form, `interesse-<id>`; its Antragsstrecken
 * come from the offer's Leistungen, its next steps are the offer's `schritte`. The form's schema is
 * built from these fields in schemas.ts.
 */
import { fill } from '../strings/template.ts';
import { formStrings } from '../strings/form.ts';
import { interestFormPath, interestThanksPath, offerPath } from '../lib/routes.ts';
import type { FieldDefinition, FormMeta, NextStep } from './types.ts';
import { interesseFormName } from './names.ts';

/** The part of an offer (content/offers/<id>.mdx) its interest form needs. */
export interface OfferForForm {
  /** The offer's id: its file name without extension. */
  readonly id: string;
  readonly titel: string;
  readonly leistungen: readonly { readonly name: string; readonly ozgId: number; readonly antragsstrecken: readonly string[] }[];
  readonly schritte: readonly NextStep[];
}

/** A choice every interest form offers besides the offer's Antragsstrecken. */
export const OPEN_CHOICE = 'Noch offen – Beratung gewünscht';

export { interesseFormName } from './names.ts';

/**
 * The choices of an offer's interest form: every Antragsstrecke of every Leistung, in the order of
 * the offer file, each once, then "Noch offen – Beratung gewünscht".
 */
export function antragsstreckenOptions(offer: Pick<OfferForForm, 'leistungen'>): string[] {
  const options = offer.leistungen.flatMap((leistung) => leistung.antragsstrecken.map((name) => name.trim()));
  return [...new Set([...options.filter((name) => name !== ''), OPEN_CHOICE])];
}

/** The hint of the Antragsstrecken field: the offer's Leistungen with their OZG-IDs. */
function leistungenHint(offer: OfferForForm): string {
  const t = formStrings.interesse;
  const names = offer.leistungen.map((l) => fill(t.leistung, { name: l.name, ozgId: l.ozgId }));
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')}${t.and}${names.at(-1) ?? ''}` : (names[0] ?? '');
  return fill(t.leistungenHint, { leistungen: list });
}

/** A Kreisschlüssel (5 digits) and a Gemeindeschlüssel (8 digits) from NRW, each with what it stands for. */
const AGS_EXAMPLES = '05978 (Kreis Unna) oder 05913000 (Stadt Dortmund)';

/** Longest Nachricht in characters. */
const NACHRICHT_MAX = 2000;

function interesseFields(offer: OfferForForm): readonly FieldDefinition[] {
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
      label: 'Amtlicher Gemeinde- oder Kreisschlüssel',
      shortLabel: 'Gemeinde- oder Kreisschlüssel',
      hint: `Für einen Kreis 5 Ziffern (Kreisschlüssel), für eine Stadt oder Gemeinde 8 Ziffern (Gemeindeschlüssel). In Nordrhein-Westfalen beginnt er mit 05. Zum Beispiel: ${AGS_EXAMPLES}.`,
      type: 'ags',
      required: false,
      maxLength: 12,
      inputmode: 'numeric',
      width: 10,
      messages: {
        format: `Geben Sie den Kreisschlüssel mit 5 Ziffern oder den Gemeindeschlüssel mit 8 Ziffern ein, z. B. ${AGS_EXAMPLES}`,
        option: 'Geben Sie einen Schlüssel aus Nordrhein-Westfalen ein. Er beginnt mit 05',
        tooLong: `Geben Sie den Kreisschlüssel mit 5 Ziffern oder den Gemeindeschlüssel mit 8 Ziffern ein, z. B. ${AGS_EXAMPLES}`,
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
      label: 'Funktion der Ansprechperson',
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
        format: formStrings.messages.emailFormat,
        tooLong: 'Die E-Mail-Adresse darf höchstens 254 Zeichen lang sein',
      },
    },
    {
      name: 'telefon',
      label: 'Telefonnummer',
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
      hint: leistungenHint(offer),
      type: 'checkboxes',
      required: true,
      options: antragsstreckenOptions(offer),
      messages: {
        required: 'Wählen Sie mindestens eine Antragsstrecke aus',
        option: 'Wählen Sie nur Antragsstrecken aus der Liste aus',
      },
    },
    {
      name: 'start',
      label: 'Gewünschter Start',
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
      label: 'Ihre Nachricht',
      shortLabel: 'Nachricht',
      hint: 'Zum Beispiel Fragen zum Ablauf oder zu den Kosten. Schreiben Sie bitte keine Daten von Antragstellerinnen und Antragstellern hinein.',
      type: 'textarea',
      required: false,
      maxLength: NACHRICHT_MAX,
      messages: {
        format: 'Geben Sie die Nachricht als Text ein',
        tooLong: `Die Nachricht darf höchstens ${NACHRICHT_MAX} Zeichen lang sein`,
      },
    },
  ];
}

/** The privacy notice of every interest form. */
const PRIVACY_HREF = '/datenschutz/#formular-interesse-bekunden';

/**
 * The steps still to come once the interest form is sent: those after the step the form does
 * (`formular: true`), or all of them when no step is marked.
 */
export function stepsAfterForm(steps: readonly NextStep[]): readonly NextStep[] {
  return steps.slice(steps.findLastIndex((step) => step.formular === true) + 1);
}

/** The interest form of an offer, without its schema (labels, hints, messages, paths, texts). */
export function interesseMeta(offer: OfferForForm): FormMeta {
  const t = formStrings.interesse;
  const angebot = { angebot: offer.titel };
  return {
    name: interesseFormName(offer.id),
    submissionName: fill(t.submissionName, angebot),
    texts: {
      pageTitle: fill(t.pageTitle, angebot),
      pageDescription: fill(t.pageDescription, angebot),
      intro: fill(t.intro, angebot),
      confirmationHeading: t.confirmationHeading,
      confirmationText: fill(t.confirmationText, angebot),
      thanksTitle: fill(t.thanksTitle, angebot),
      thanksDescription: fill(t.thanksDescription, angebot),
    },
    path: interestFormPath(offer.id),
    thankYouPath: interestThanksPath(offer.id),
    privacyHref: PRIVACY_HREF,
    offer: { id: offer.id, titel: offer.titel, href: offerPath(offer.id) },
    nextSteps: stepsAfterForm(offer.schritte).map(({ titel, beschreibung, punkte }) => ({ titel, beschreibung, ...(punkte === undefined ? {} : { punkte }) })),
    referencePrefix: 'KV',
    fields: interesseFields(offer),
    replyToField: 'email',
    subjectField: 'behoerde',
  };
}

/** The titles of the pages an offer makes (its page and its form page), for the title-length check. */
export function offerPageTitles(offer: OfferForForm): string[] {
  return [offer.titel, interesseMeta(offer).texts.pageTitle];
}

/**
 * An offer file's page texts for the build's checks (title length, texts two pages share): its
 * titles and its `kurzbeschreibung`, named as the editor wrote it.
 */
export function offerPageTexts(file: string, offer: OfferForForm & { readonly kurzbeschreibung: string }) {
  return { file, titel: offer.titel, titles: offerPageTitles(offer), description: { field: 'kurzbeschreibung', text: offer.kurzbeschreibung } };
}
