/**
 * Every string of the form island and the form pages, German. The field labels, hints and error
 * messages live with each form in src/forms/ (shared with the server); these are the texts around
 * them: summary, busy state, confirmation, failure and the page texts.
 */
export const formStrings = {
  errorPrefix: 'Fehler:',
  titlePrefix: 'Fehler: ',
  summaryHeading: 'Es gibt ein Problem',
  requiredNote: 'Alle Felder ohne „(optional)“ sind Pflichtfelder.',
  submit: 'Absenden',
  submitting: 'Wird gesendet …',
  busyStatus: 'Ihre Angaben werden gesendet. Bitte warten Sie.',
  honeypotLabel: 'Dieses Feld bitte leer lassen',
  privacyLink: 'Datenschutzhinweise zu diesem Formular',
  /** GOV.UK character count under long texts: the limit (also without JavaScript) and the live count. */
  characterCount: {
    limit: 'Sie können bis zu {max} Zeichen eingeben.',
    remaining: 'Sie haben noch {n} Zeichen.',
    over: 'Sie haben {n} Zeichen zu viel.',
  },
  failure: {
    heading: 'Ihre Angaben konnten nicht gesendet werden',
    text: 'Es gab ein technisches Problem. Ihre Eingaben sind noch da.',
    retry: 'Erneut senden',
    mailto: 'Oder schreiben Sie uns eine E-Mail an {postfach}: Ihre Angaben sind in der E-Mail schon eingetragen.',
    mailtoLink: 'E-Mail mit Ihren Angaben schreiben',
  },
  confirmation: {
    referenceLabel: 'Ihre Vorgangsnummer',
    referenceHint: 'Bitte geben Sie diese Nummer an, wenn Sie uns schreiben.',
    nextStepsHeading: 'Wie es weitergeht',
  },
  interesse: {
    pageTitle: 'Interesse bekunden',
    pageDescription: 'Ihre Ausländerbehörde möchte den Online-Dienst „Aufenthaltstitel“ nachnutzen? Melden Sie Ihr Interesse bei d-NRW AöR.',
    intro: 'Ihre Ausländerbehörde möchte den Online-Dienst „{angebot}“ nachnutzen? Melden Sie sich hier. Wir melden uns per E-Mail bei Ihnen.',
    confirmationHeading: 'Vielen Dank, Ihre Interessenbekundung ist eingegangen',
    confirmationText: 'Wir haben Ihre Angaben erhalten und melden uns per E-Mail bei Ihnen.',
    nextSteps: [
      { text: 'Laden Sie den Einzelabruf herunter.', link: 'Zu den Downloads', anchor: 'downloads' },
      { text: 'Lassen Sie ihn von der für den Dienst zuständigen Stelle unterzeichnen.', link: 'Zum Ablauf', anchor: 'ablauf' },
      { text: 'Senden Sie ihn über das BeBPo an d-NRW AöR, oder per Post.', link: 'So senden Sie den Einzelabruf', anchor: 'einreichung' },
    ],
    thanksTitle: 'Interesse eingegangen',
    thanksDescription: 'Ihre Interessenbekundung ist bei d-NRW AöR eingegangen.',
  },
  'barriere-melden': {
    pageTitle: 'Barriere melden',
    statementLabel: 'Erklärung zur Barrierefreiheit',
    pageDescription: 'Melden Sie uns Barrieren auf diesem Portal: Seiten oder Inhalte, die Sie nicht oder nur schwer nutzen können.',
    intro: 'Sie können eine Seite oder einen Inhalt dieses Portals nicht oder nur schwer nutzen? Beschreiben Sie uns das Problem. Wir antworten Ihnen, wenn Sie eine E-Mail-Adresse angeben.',
    confirmationHeading: 'Vielen Dank, Ihre Meldung ist eingegangen',
    confirmationText: 'Wir prüfen Ihre Meldung. Wenn Sie eine E-Mail-Adresse angegeben haben, antworten wir Ihnen.',
    nextSteps: [],
    thanksTitle: 'Meldung eingegangen',
    thanksDescription: 'Ihre Meldung einer Barriere ist bei d-NRW AöR eingegangen.',
  },
  thanks: {
    back: 'Zurück zur Startseite',
    noReference: 'Sie erhalten keine Eingangsbestätigung per E-Mail; wir melden uns bei Ihnen.',
  },
} as const;

export type FormStrings = typeof formStrings;
