/**
 * Every string of the form island and the form pages, German. The field labels, hints and error
 * messages live with each form in shared/forms/ (shared with the server); these are the texts around
 * them: summary, busy state, confirmation, failure and the page texts.
 */
export const formStrings = {
  errorPrefix: 'Fehler:',
  titlePrefix: 'Fehler: ',
  summaryHeading: 'Es gibt ein Problem',
  /** After the label of every field that is not required: on the form and in the privacy notice's list of collected data. */
  optionalMark: '(optional)',
  requiredNote: 'Alle Felder ohne „{optional}“ sind Pflichtfelder.',
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
    referenceLabel: 'Ihre Eingangsnummer',
    referenceHint: 'Bitte geben Sie diese Nummer an, wenn Sie uns schreiben.',
    nextStepsHeading: 'Wie es weitergeht',
  },
  /** The interest form of an offer; {angebot} is the offer's title. */
  interesse: {
    pageTitle: 'Interesse bekunden: {angebot}',
    pageDescription: 'Ihre Behörde möchte den Online-Dienst „{angebot}“ nachnutzen? Melden Sie Ihr Interesse bei d-NRW AöR.',
    intro: 'Ihre Behörde möchte den Online-Dienst „{angebot}“ nachnutzen? Melden Sie sich hier. Wir melden uns per E-Mail bei Ihnen.',
    submissionName: 'Interessenbekundung {angebot}',
    confirmationHeading: 'Vielen Dank, Ihre Interessenbekundung ist eingegangen',
    confirmationText: 'Wir haben Ihre Angaben zum Angebot „{angebot}“ erhalten und melden uns per E-Mail bei Ihnen.',
    /** Without the offer: thank-you pages are not searched, and a long offer title must not make the title too long. */
    thanksTitle: 'Interesse eingegangen',
    thanksDescription: 'Ihre Interessenbekundung zum Angebot „{angebot}“ ist bei d-NRW AöR eingegangen.',
    nextStepsLink: 'Alles zum Angebot „{angebot}“',
    leistungenHint: 'Das Angebot umfasst {leistungen}. Wählen Sie alle zutreffenden Antragsstrecken aus.',
    leistung: '„{name}“ (OZG-ID {ozgId})',
    and: ' und ',
  },
  /** The page that leads to every offer's interest form (/interesse/). */
  overview: {
    pageTitle: 'Interesse bekunden',
    pageDescription: 'Wählen Sie das Angebot, das Ihre Behörde nachnutzen möchte, und melden Sie Ihr Interesse bei d-NRW AöR.',
    intro: 'Für welches Angebot möchte Ihre Behörde Interesse bekunden? Jedes Angebot hat sein eigenes Formular.',
    formLink: 'Interesse an „{angebot}“ bekunden',
  },
  'barriere-melden': {
    pageTitle: 'Barriere melden',
    submissionName: 'Barrieremeldung',
    statementLabel: 'Erklärung zur Barrierefreiheit',
    pageDescription: 'Melden Sie uns Barrieren auf diesem Portal: Seiten oder Inhalte, die Sie nicht oder nur schwer nutzen können.',
    intro: 'Sie können eine Seite oder einen Inhalt dieses Portals nicht oder nur schwer nutzen? Beschreiben Sie uns das Problem. Wir antworten Ihnen, wenn Sie eine E-Mail-Adresse angeben.',
    confirmationHeading: 'Vielen Dank, Ihre Meldung ist eingegangen',
    confirmationText: 'Wir prüfen Ihre Meldung. Wenn Sie eine E-Mail-Adresse angegeben haben, antworten wir Ihnen.',
    thanksTitle: 'Meldung eingegangen',
    thanksDescription: 'Ihre Meldung einer Barriere ist bei d-NRW AöR eingegangen.',
  },
  /** Messages every field can show; {feld} is the field's short label. */
  messages: {
    /** The example address is of no real-looking authority (beispiel.de is the customary German example). */
    emailFormat: 'Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@beispiel.de',
    lineBreak: 'Schreiben Sie die Angabe „{feld}“ in eine Zeile, ohne Zeilenumbruch',
    controlCharacters: 'Das Feld „{feld}“ enthält unsichtbare Steuerzeichen. Tippen Sie den Text neu ein, statt ihn einzufügen',
    invisibleCharacters: 'Das Feld „{feld}“ enthält unsichtbare Zeichen oder Zeichen, die die Schreibrichtung ändern. Tippen Sie die Angabe neu ein, statt sie einzufügen',
  },
  thanks: {
    back: 'Zurück zur Startseite',
  },
} as const;
