/**
 * Every user-facing string of the portal's frame and components, German first.
 * Content (offer texts, legal pages, news) lives in content/; form texts live with each form in shared/forms/.
 */
import { gapStrings } from './gap.ts';

export const de = {
  skipLink: 'Zum Inhalt springen',
  homeLinkSuffix: 'zur Startseite',
  navLabel: 'Hauptnavigation',
  footerNavLabel: 'Rechtliches und Barrierefreiheit',
  breadcrumbLabel: 'Sie sind hier',
  breadcrumbHome: 'Startseite',
  nav: {
    angebote: 'Angebote',
    aktuelles: 'Aktuelles',
    kontakt: 'Kontakt',
    interesse: 'Interesse bekunden',
  },
  stand: 'Stand der Angaben:',
  gap: gapStrings.gap,
  gapLabel: gapStrings.gapLabel,
  /** Periods in the dative, as the legal pages use them ("nach 30 Tagen", "innerhalb von 1 Minute"). */
  units: {
    days: { one: 'Tag', other: 'Tagen' },
    minutes: { one: 'Minute', other: 'Minuten' },
    hours: { one: 'Stunde', other: 'Stunden' },
  },
  /** The WCAG versions and levels the automated check covers, in words (src/lib/accessibility-checks.ts). */
  a11yChecks: { level: 'in der Stufe', levels: 'in den Stufen', and: 'und', also: 'sowie' },
  sources: 'Quellen',
  sourcesOriginal: 'Originalseite von {organisation}: „{titel}“',
  sourceSupports: 'belegt:',
  contents: { heading: 'Auf dieser Seite' },
  externalLink: '(externer Link)',
  footer: {
    about: 'Ein Angebot von',
    leichteSprache: 'Leichte Sprache',
    gebaerdensprache: 'Gebärdensprache',
  },
  home: {
    title: 'OZG-Online-Dienste zur Nachnutzung',
    heading: 'OZG-Online-Dienste zur Nachnutzung für Kommunen in NRW',
    offersHeading: 'Angebote zur Nachnutzung',
    offersDescription: 'Alle OZG-Online-Dienste, die der Kommunalvertreter NRW den Kommunen in Nordrhein-Westfalen zur Nachnutzung anbietet.',
    newsHeading: 'Aktuelles',
    allNews: 'Alle Meldungen',
    accessHeading: 'Informationen in Leichter Sprache und Gebärdensprache',
    leichteSprache: 'Informationen in Leichter Sprache',
    gebaerdensprache: 'Informationen in Deutscher Gebärdensprache',
  },
  applicants: {
    /** What every notice for applicants says first, in German, English and Ukrainian. */
    notHere: {
      de: 'Diese Website ist für Behörden. Hier können Sie keinen Antrag stellen.',
      en: 'This website is for public authorities. You cannot apply here.',
      uk: 'Цей сайт призначений для органів влади. Тут не можна подати заяву.',
    },
    /** The question and the place to apply where no offer gives its own (hinweisAntragstellende). */
    general: {
      de: { frage: 'Sie möchten einen Antrag stellen?', wo: 'Ihren Antrag stellen Sie bei der Behörde, die für Ihr Anliegen zuständig ist.' },
      en: { frage: 'Do you want to submit an application?', wo: 'Submit your application to the authority responsible for your matter.' },
      uk: { frage: 'Бажаєте подати заяву?', wo: 'Заяву подають до органу влади, відповідального за вашу справу.' },
    },
    /** German terms an English or Ukrainian notice may use: marked lang="de" wherever they occur (with an offer's deutscheBegriffe). */
    germanTerms: ['Ausländerbehörde', 'Kreis'],
    /** The name of the short notice directly above an interest form. */
    shortLabel: 'Hinweis für Antragstellende',
  },
  offer: {
    factsHeading: 'Das Angebot auf einen Blick',
    themenfeld: 'OZG-Themenfeld',
    themenfeldfuehrer: 'Themenfeldführer',
    federfuehrung: 'Federführung',
    umsetzer: 'Entwickelt von',
    zielgruppe: 'Für',
    bereitstellung: 'Bereitstellung',
    reifegrad: 'Reifegrad',
    leistungenHeading: 'Leistungen und Antragsstrecken',
    ozgId: 'OZG-ID',
    costsHeading: 'Kosten',
    /** As the original page says it; "o. g.": the offer page lists the OZG-Leistungen above its costs. */
    costsIntro: 'Bitte beachten Sie die für die Nachnutzung anfallenden Kosten der o. g. OZG-Leistungen in Ihrer Behörde.',
    /** {originalseite} becomes a link with the text originalLinkText. */
    costsSource: 'Die Kosten sind die Angaben der {originalseite} von {organisation} aus dem Jahr {jahr}.',
    originalLinkText: 'Originalseite',
    openQuestionsHeading: 'Offene Fragen',
    openQuestionsIntro: 'Diese Fragen beantworten die Quellen dieser Seite noch nicht. Die Antworten werden ergänzt.',
    /** The status of a phase of an offer whose facts an editor has checked (`stand`). */
    phaseStatus: { vergangen: 'abgeschlossen', aktuell: 'gilt jetzt', kuenftig: 'künftig' },
    /** The status of a phase while the offer is unchecked: what the source says, e. g. "gilt laut Originalseite (2023) ab 01.01.2024". */
    phaseStatusAsSource: 'gilt laut {quelle} {zeitraum}',
    phaseSourceOriginal: 'Originalseite ({jahr})',
    phaseSourceUnknown: 'den Quellen dieser Seite',
    /** Before a range with both ends: "vom 01.01.2030 bis 31.12.2031". */
    phaseFrom: 'vom',
    phaseStatusPrefix: 'Status:',
    legalBasis: 'Grundlage:',
    stepsHeading: 'So läuft die Nachnutzung ab',
    downloadsHeading: 'Downloads',
    placeholder: 'Platzhalter: Das offizielle Dokument wird hier noch eingestellt.',
    documentDate: 'Stand des Dokuments:',
    submissionHeading: 'So senden Sie den Einzelabruf',
    submissionDocument: 'Füllen Sie den {dokument} aus und lassen Sie ihn von {unterzeichner} unterzeichnen.',
    bebpoStep: 'Senden Sie ihn an das Besondere Elektronische Behördenpostfach (BeBPo). Das ist der bevorzugte Weg.',
    bebpoRecipient: 'Empfängername im BeBPo:',
    copy: 'Empfängernamen kopieren',
    copied: 'Kopiert',
    copyFailed: 'Kopieren nicht möglich – bitte markieren Sie den Namen.',
    postStep: 'Alternativ per Post: mit gezeichneten Unterlagen in {anzahl} Ausführung an:',
    copies: { 1: 'einfacher', 2: 'zweifacher', 3: 'dreifacher' } as Record<number, string>,
    contactsHeading: 'Ansprechpartnerinnen und Ansprechpartner',
    startHeading: 'Interesse?',
    /** {zielgruppe}: the offer's target group (plural, e. g. "Ausländerbehörden in Nordrhein-Westfalen"). */
    startText: 'Alle interessierten {zielgruppe} können sich bei {organisation} melden:',
    startEmail: 'per E-Mail an',
    startForm: 'Interesse bekunden',
    email: 'E-Mail:',
    phone: 'Telefon:',
  },
  news: {
    heading: 'Aktuelles',
    description: 'Meldungen des Kommunalvertreters NRW zu den Angeboten zur Nachnutzung.',
    published: 'Veröffentlicht am',
    rss: 'Meldungen als RSS-Feed abonnieren',
    empty: 'Zurzeit gibt es keine Meldungen.',
  },
  contact: {
    heading: 'Kontakt',
    description: 'So erreichen Sie den Kommunalvertreter NRW bei d-NRW AöR: E-Mail-Postfach, Ansprechpartnerinnen und Anschrift.',
    mailbox: 'E-Mail-Postfach',
    phone: 'Telefon',
    people: 'Ansprechpartnerinnen und Ansprechpartner',
    address: 'Anschrift',
    bebpo: 'Besonderes Elektronisches Behördenpostfach (BeBPo)',
  },
  notFound: {
    title: 'Seite nicht gefunden',
    description: 'Diese Seite gibt es nicht (mehr).',
    text: 'Die Seite, die Sie aufrufen wollten, gibt es nicht oder nicht mehr. Vielleicht hilft Ihnen eine dieser Seiten weiter:',
    mail: 'Wenn Sie einen Link von uns genutzt haben, schreiben Sie uns bitte an',
  },
} as const;

export { fill, templateParts } from './template.ts';

/** „zweifacher“ for 2: how many copies go by post (the offer page and the authorities' status page). */
export function copiesText(count: number): string {
  return de.offer.copies[count] ?? `${count}-facher`;
}
