/**
 * The German texts of the editing UI (/redaktion/, Sveltia CMS): the collections, the label and hint
 * of every field of the content schemas (src/cms/fields.ts refuses a schema field without one), the
 * editor components for the MDX building blocks, and the page that lists what is still open.
 * Hints say what the YAML comments in content/ used to say.
 */

/** The German texts of a field: its label, its hint, and those of its parts. */
export interface FieldText {
  readonly label: string;
  readonly hint: string;
  /** One item of a list, e. g. "Kostenphase" (the button reads "Kostenphase hinzufügen"). */
  readonly item?: string;
  /** The texts of the fields of an object or of a list's objects. */
  readonly fields?: FieldTexts;
}
export type FieldTexts = Readonly<Record<string, FieldText>>;

const DATUM = 'Datum als JJJJ-MM-TT.';

const stand: FieldText = {
  label: 'Stand der Angaben',
  hint:
    'Der Tag, an dem Sie die Angaben dieser Seite mit ihren Quellen geprüft haben. Setzen Sie ihn erst nach dieser Prüfung; ' +
    'ohne ihn zeigt die Seite kein Datum, und die Liste „Was noch offen ist“ nennt sie. Nicht das Datum einer Quelle.',
};

const quellen: FieldText = {
  label: 'Quellen',
  hint: 'Woher die Angaben stammen. Die Seite nennt die Quellen unter „Quellen“.',
  item: 'Quelle',
  fields: {
    titel: { label: 'Titel', hint: 'Was die Quelle ist, z. B. „Fragen zu Kosten (d-NRW AöR)“.' },
    url: { label: 'Adresse', hint: 'Wo man die Quelle lesen kann, beginnend mit https://.' },
    jahr: { label: 'Jahr', hint: 'Aus welchem Jahr die Aussagen der Quelle stammen, z. B. 2023 (optional).' },
    belegt: { label: 'Belegt', hint: 'Welche Angaben auf der Seite diese Quelle belegt (optional).' },
  },
};

const reihenfolge = (what: string): FieldText => ({ label: 'Reihenfolge', hint: `Position in ${what}: die kleinste Zahl steht zuerst.` });

const offer: FieldTexts = {
  titel: { label: 'Titel', hint: 'Name des Angebots; zugleich die Überschrift der Angebotsseite.' },
  kurzbeschreibung: {
    label: 'Kurzbeschreibung',
    hint: 'Ein oder zwei Sätze für Listen, Suchmaschinen und die Vorschau in sozialen Medien (21 bis 160 Zeichen).',
  },
  themenfeld: { label: 'OZG-Themenfeld', hint: 'Z. B. „Ein- und Auswanderung“.' },
  themenfeldfuehrer: { label: 'Themenfeldführer', hint: 'Das Ministerium des Landes, das das Themenfeld führt.' },
  federfuehrung: { label: 'Federführung', hint: 'Wer das Umsetzungsprojekt geführt hat, z. B. „Land Brandenburg“.' },
  umsetzer: { label: 'Umsetzer', hint: 'Der IT-Dienstleister, der den Dienst entwickelt hat.' },
  zielgruppe: { label: 'Zielgruppe', hint: 'Für wen das Angebot gedacht ist, z. B. „Ausländerbehörden in Nordrhein-Westfalen“.' },
  bereitstellung: { label: 'Bereitstellung', hint: 'Wie der Dienst zu den Bürgerinnen und Bürgern kommt, z. B. als Web-Komponenten (optional).' },
  reifegrad: { label: 'Reifegrad', hint: 'OZG-Reifegrad mit einer kurzen Erklärung (optional).' },
  leistungen: {
    label: 'OZG-Leistungen',
    hint: 'Die OZG-Leistungen dieses Angebots, mindestens eine.',
    item: 'Leistung',
    fields: {
      name: { label: 'Name', hint: 'Name der OZG-Leistung.' },
      ozgId: { label: 'OZG-ID', hint: 'Die Nummer aus dem OZG-Leistungskatalog, z. B. 10255.' },
      antragsstrecken: {
        label: 'Antragsstrecken',
        item: 'Antragsstrecke',
        hint: 'Die Antragsstrecken dieser Leistung, mindestens eine. Sie sind zugleich die Auswahl im Formular „Interesse bekunden“.',
      },
    },
  },
  kostenphasen: {
    label: 'Kostenphasen',
    hint: 'Die Kostenphasen in zeitlicher Reihenfolge, mit festen Daten (nie „dieses Jahr“). Jede braucht „von“ oder „bis“; sie dürfen sich nicht überschneiden.',
    item: 'Kostenphase',
    fields: {
      titel: { label: 'Titel', hint: 'Überschrift der Kostenphase.' },
      von: { label: 'Von', hint: `Erster Tag der Phase; leer lassen, wenn sie mit dem Angebot beginnt. ${DATUM}` },
      bis: { label: 'Bis', hint: `Letzter Tag der Phase; leer lassen, wenn sie kein Ende hat. ${DATUM}` },
      beschreibung: { label: 'Beschreibung', hint: 'Welche Kosten in dieser Phase anfallen.' },
      rechtsgrundlage: { label: 'Rechtsgrundlage', hint: 'Die Fundstelle, z. B. „§ 5 Abs. 7 des Einzelabrufs“.' },
    },
  },
  schritte: {
    label: 'Ablaufschritte',
    hint:
      'Die Schritte der Nachnutzung in der Reihenfolge, die die Quellen nennen. Nennen die Quellen für einige Schritte keine Reihenfolge, ' +
      'fassen Sie sie als „Punkte“ eines Schritts zusammen. Die Schritte erscheinen auch nach dem Absenden des Interessenformulars.',
    item: 'Schritt',
    fields: {
      titel: { label: 'Titel', hint: 'Kurzer Name des Schritts.' },
      beschreibung: { label: 'Beschreibung', hint: 'Was in diesem Schritt geschieht und wer ihn tut, in einem Satz.' },
      punkte: { label: 'Punkte', item: 'Punkt', hint: 'Was zu diesem Schritt gehört, ohne feste Reihenfolge; die Seite zeigt es als Aufzählung (optional).' },
      formular: {
        label: 'Schritt des Interessenformulars',
        hint: 'Einschalten bei dem Schritt, den das Formular „Interesse bekunden“ erledigt (z. B. „Interesse melden“): Nach dem Absenden beginnt „Wie es weitergeht“ mit dem Schritt danach.',
      },
    },
  },
  rollout: {
    label: 'Rollout-Schritte (Verwaltung)',
    hint:
      'Die Schritte, die d-NRW mit einer Behörde in der Verwaltung geht (ihr Vorgang), der erste Schritt zuerst: Mit ihm beginnt jeder Vorgang. ' +
      'Die Seite des Angebots zeigt sie nicht. Die „id“ eines Schritts nie ändern, sobald Vorgänge ihn erreicht haben; Titel dürfen sich ändern (optional).',
    item: 'Rollout-Schritt',
    fields: {
      id: { label: 'Kennung', hint: 'Kleinbuchstaben, Ziffern und Bindestriche, z. B. „einzelabruf“. Bleibt für immer gleich.' },
      titel: { label: 'Titel', hint: 'Name des Schritts in der Verwaltung, z. B. „Einzelabruf eingegangen“.' },
      abschluss: { label: 'Schließt den Vorgang ab', hint: 'Einschalten bei „live“ und „beendet“: Ab dann läuft die Speicherfrist der Kontaktdaten.' },
      angaben: {
        label: 'Angaben',
        item: 'Angabe',
        hint: 'Was die Beschäftigten bei diesem Schritt eintragen, z. B. den Weg (Auswahl) und das Datum (optional).',
        fields: {
          id: { label: 'Kennung', hint: 'Kleinbuchstaben, Ziffern und Bindestriche, z. B. „weg“.' },
          titel: { label: 'Titel', hint: 'Was gefragt wird, z. B. „Weg“ oder „Eingegangen am“.' },
          art: { label: 'Art', hint: '„auswahl“ (eine der Optionen), „datum“ (ein Tag, den die Beschäftigten eintragen) oder „text“.' },
          optionen: { label: 'Optionen', item: 'Option', hint: 'Nur bei „auswahl“: mindestens zwei, z. B. „BeBPo“ und „Post“.' },
        },
      },
      meilenstein: {
        label: 'Meilenstein',
        hint:
          '„einzelabruf“ beim Schritt, an dem der unterzeichnete Einzelabruf eingeht (die Statusseite der Behörde zeigt vorher, wie sie ihn sendet), ' +
          '„live“ beim Schritt, an dem der Dienst läuft. Die Übersicht zählt die Tage bis zu deren Datum. Je Angebot höchstens einmal (optional).',
      },
    },
  },
  hinweisAntragstellende: {
    label: 'Hinweis für Antragstellende',
    hint:
      'Für Menschen, die den Dienst selbst beantragen wollen und über eine Suchmaschine auf die Seite kommen: die Frage, mit der sie kommen, ' +
      'und wo sie den Antrag stellen, auf Deutsch, Englisch und Ukrainisch. Fehlt er, zeigt die Seite einen allgemeinen Hinweis (optional).',
    fields: {
      ...Object.fromEntries(
        (
          [
            ['de', 'Deutsch'],
            ['en', 'Englisch'],
            ['uk', 'Ukrainisch'],
          ] as const
        ).map(([lang, name]) => [
          lang,
          {
            label: name,
            hint: `Der Hinweis auf ${name}.`,
            fields: {
              frage: { label: 'Frage', hint: 'Die Frage, mit der Antragstellende kommen, z. B. „Sie möchten einen Aufenthaltstitel beantragen?“.' },
              wo: { label: 'Wo beantragen', hint: 'Wo sie den Antrag stattdessen stellen, in ein oder zwei Sätzen.' },
            },
          },
        ]),
      ),
      deutscheBegriffe: {
        label: 'Deutsche Begriffe',
        item: 'Begriff',
        hint: 'Deutsche Wörter, die der englische und der ukrainische Text verwenden (z. B. „Einzelabruf“): Die Seite kennzeichnet sie als Deutsch, damit Screenreader sie deutsch vorlesen. „Ausländerbehörde“ und „Kreis“ sind schon bekannt (optional).',
      },
    },
  },
  offeneFragen: {
    label: 'Offene Fragen',
    hint: 'Fragen, die eine Behörde vor der Nachnutzung stellt und die die Quellen noch nicht beantworten; die Angebotsseite zeigt sie mit ihren Antworten.',
    item: 'Frage',
    fields: {
      frage: { label: 'Frage', hint: 'Die Frage, wie eine Behörde sie stellen würde.' },
      antwort: { label: 'Antwort', hint: 'Die Antwort mit ihrer Quelle, oder eine Lücke: [LÜCKE: was fehlt – wer es beantwortet].' },
    },
  },
  downloads: { label: 'Downloads', hint: 'Die Dokumente zum Herunterladen, in der Reihenfolge der Liste „Downloads“ (optional).' },
  kontakte: { label: 'Kontakte', hint: 'Die Ansprechpersonen, mindestens eine.' },
  einreichung: {
    label: 'Einreichung',
    hint: 'Wie das unterschriebene Dokument zu d-NRW AöR kommt.',
    fields: {
      dokument: { label: 'Dokument', hint: 'Das Dokument, das die Behörde unterschrieben zurückschickt (einer der Downloads).' },
      unterzeichnetVon: { label: 'Unterzeichnet von', hint: 'Wer das Dokument unterschreibt, z. B. „der für den Dienst zuständigen Stelle“.' },
      ausfertigungenPost: { label: 'Ausfertigungen per Post', hint: 'Wie viele unterschriebene Exemplare auf dem Postweg nötig sind, z. B. 2.' },
    },
  },
  stand,
  veroeffentlicht: {
    label: 'Veröffentlicht am',
    hint: `Der Tag, an dem das Angebot auf diesem Portal erscheint: heute, nie ein früheres Datum. Der RSS-Feed nennt ihn. Unbekannt: leer lassen. ${DATUM}`,
  },
  originalseite: {
    label: 'Originalseite',
    hint: 'Die Seite von d-NRW AöR, von der das Angebot stammt; ihre Aussagen (Text, Kosten, Dokumente, Einreichung) übernimmt die Seite. Der Abschnitt zu den Kosten nennt sie (optional).',
    fields: {
      url: { label: 'Adresse', hint: 'Adresse der Originalseite, beginnend mit https://.' },
      jahr: { label: 'Jahr', hint: 'Das Jahr, in dem die Originalseite geschrieben wurde, z. B. 2023.' },
    },
  },
  quellen,
  reihenfolge: reihenfolge('den Listen der Angebote'),
};

/** Field texts per collection, keyed like the schemas in src/lib/content-schemas.ts. */
export const cmsFieldTexts = {
  offers: offer,
  contacts: {
    name: { label: 'Name', hint: 'Vor- und Nachname. Daraus entsteht der Dateiname, mit dem Angebote den Kontakt nennen.' },
    rolle: { label: 'Rolle', hint: 'Wie die Seite die Person vorstellt, z. B. „Ansprechpartnerin“.' },
    email: {
      label: 'E-Mail',
      hint: 'Nur eintragen, wenn nicht das gemeinsame Postfach aus den Einstellungen gelten soll. Leer: Die Seite zeigt das gemeinsame Postfach.',
    },
    reihenfolge: reihenfolge('der Kontaktliste'),
  },
  downloads: {
    titel: { label: 'Titel', hint: 'Titel des Dokuments, wie die Liste ihn zeigt.' },
    beschreibung: { label: 'Beschreibung', hint: 'Ein Satz: wofür das Dokument da ist.' },
    datei: {
      label: 'Datei',
      hint:
        'Die Datei (PDF, DOCX, XLSX, PPTX, ODT, ODS oder ODP), im Dateinamen nur Kleinbuchstaben, Ziffern, Punkt, Binde- und Unterstrich. ' +
        'Dateityp, Größe und Seitenzahl berechnet das Portal selbst.',
    },
    platzhalter: {
      label: 'Platzhalter',
      hint: 'Eingeschaltet, solange die Datei nur ein Platzhalter für das amtliche Dokument ist; die Seite sagt das dann. Laden Sie das amtliche Dokument hoch und schalten Sie es aus.',
    },
    reihenfolge: reihenfolge('der Liste „Downloads“'),
    stand: { label: 'Stand des Dokuments', hint: `Das Datum der Fassung, wenn es auf dem Dokument steht; die Seite zeigt es als „Stand des Dokuments“. Unbekannt: leer lassen. ${DATUM}` },
  },
  news: {
    titel: { label: 'Überschrift', hint: 'Die Überschrift der Meldung.' },
    beschreibung: { label: 'Beschreibung', hint: 'Ein Satz für die Übersicht, den RSS-Feed und Suchmaschinen (21 bis 160 Zeichen).' },
    datum: {
      label: 'Datum',
      hint: `Der Tag, an dem die Meldung auf diesem Portal erscheint: heute, nie ein früheres Datum (nicht das Datum der Ereignisse). Leer lassen, solange die Meldung ein Entwurf ist: Ohne Datum erscheint sie nirgends, und der Build nennt sie. ${DATUM}`,
    },
    stand,
    quellen,
  },
  pages: {
    titel: { label: 'Titel', hint: 'Überschrift und Titel der Seite.' },
    beschreibung: { label: 'Beschreibung', hint: 'Ein Satz für Suchmaschinen (21 bis 160 Zeichen).' },
    fusszeile: { label: 'Position in der Fußzeile', hint: 'Wo die Seite in den Links unten auf jeder Seite steht (kleinste Zahl zuerst). Leer: nicht in der Fußzeile.' },
    stand,
    quellen,
  },
  site: {
    portalName: { label: 'Name des Portals', hint: 'Wie Kopfzeile und Seitentitel das Portal nennen, z. B. „Kommunalvertreter NRW“.' },
    beschreibung: { label: 'Beschreibung', hint: 'Ein Satz, wofür das Portal da ist: die Beschreibung der Startseite für Suchmaschinen (21 bis 160 Zeichen).' },
    organisation: {
      label: 'Organisation',
      hint: 'Die Angaben zur Organisation. Jede Seite zeigt sie von hier; eine Änderung hier ändert jede Seite.',
      fields: {
        name: { label: 'Name', hint: 'Name mit Rechtsform, z. B. „d-NRW AöR“.' },
        rechtsform: { label: 'Rechtsform', hint: 'Die Rechtsform ausgeschrieben.' },
        bereich: { label: 'Bereich', hint: 'Der Bereich, der die Dienste anbietet, z. B. „Kommunalvertreter NRW“.' },
        postfach: { label: 'Postfach (E-Mail)', hint: 'Das gemeinsame E-Mail-Postfach: für jeden Kontakt ohne eigene Adresse, die Einreichung und das Formular.' },
        anschrift: {
          label: 'Anschrift',
          hint: 'Die Postanschrift, wie sie auf einem Umschlag steht.',
          fields: {
            empfaenger: { label: 'Empfänger', hint: 'Erste Zeile, z. B. „d-NRW AöR“.' },
            zusatz: { label: 'Zusatz', hint: 'Zweite Zeile, z. B. die Abteilung (optional).' },
            strasse: { label: 'Straße und Hausnummer', hint: 'Z. B. „Rheinische Str. 1“.' },
            plz: { label: 'Postleitzahl', hint: 'Genau fünf Ziffern, z. B. 44137.' },
            ort: { label: 'Ort', hint: 'Z. B. „Dortmund“.' },
          },
        },
        bebpoEmpfaenger: { label: 'Empfängername im BeBPo', hint: 'Der Name, unter dem Behörden die Organisation im Besonderen Elektronischen Behördenpostfach finden.' },
        telefon: { label: 'Telefon', hint: 'Die Telefonnummer, oder eine Lücke: [LÜCKE: Telefonnummer].' },
        wer: {
          label: 'Wer die Organisation ist',
          hint:
            'Zwei oder drei Sätze: Rechtsform, wer sie errichtet hat, wer sie trägt (Quellen: d-nrw.de/ueber-d-nrw und das Errichtungsgesetz). ' +
            'Impressum und Datenschutzerklärung zeigen diesen Text; ändern Sie „in Leichter Sprache“ mit.',
        },
        werLeicht: {
          label: 'Wer die Organisation ist, in Leichter Sprache',
          hint: 'Dieselben Angaben in Leichter Sprache: kurze Hauptsätze, ein Satz pro Zeile, schwere Wörter erklärt. Die Seite „Leichte Sprache“ zeigt ihn; ändern Sie ihn mit „Wer die Organisation ist“.',
        },
        vertretung: { label: 'Vertretung', hint: 'Wer die Organisation vertritt (die Geschäftsführung mit Namen), für das Impressum, oder eine Lücke.' },
        aufsicht: { label: 'Aufsichtsbehörde', hint: 'Die Aufsichtsbehörde mit der Fundstelle im Errichtungsgesetz, für das Impressum, oder eine Lücke.' },
        umsatzsteuerId: { label: 'Umsatzsteuer-Identifikationsnummer', hint: 'Nach § 27a UStG, oder die Angabe, dass es keine gibt, oder eine Lücke.' },
        inhaltlichVerantwortlich: { label: 'Inhaltlich verantwortlich', hint: 'Die verantwortliche Person nach § 18 Abs. 2 MStV, oder eine Lücke.' },
        datenschutzbeauftragte: { label: 'Datenschutzbeauftragte', hint: 'Name und Anschrift der oder des Datenschutzbeauftragten, für die Datenschutzerklärung, oder eine Lücke.' },
      },
    },
  },
} as const satisfies Record<string, FieldTexts>;

/** The MDX building blocks as editor components (src/cms/editor-components.ts): menu label, preview, field labels. */
export const cmsComponentTexts = {
  postfach: { label: 'Postfach (E-Mail-Adresse)', preview: 'Postfach' },
  anschrift: { label: 'Anschrift', preview: 'Anschrift aus den Einstellungen' },
  fakt: { label: 'Angabe aus den Einstellungen', preview: 'Angabe: {feld}', feld: 'Angabe', zeilen: 'Jede Zeile als eigener Absatz (Leichte Sprache)' },
  luecke: {
    label: 'Lücke (Angabe fehlt)',
    preview: 'Lücke: {was}',
    was: 'Was fehlt',
    hint: 'Beschreiben Sie, was fehlt und wer es weiß. Die Seite zeigt „wird ergänzt“; die Liste „Was noch offen ist“ nennt die Lücke.',
  },
  einstellung: { label: 'Frist aus der Konfiguration', preview: 'Frist: {name}', name: 'Frist' },
  benachrichtigung: { label: 'Empfänger der Formulare', preview: 'Empfänger der Formulare' },
  formularserver: { label: 'Adresse des Formular-Servers', preview: 'Adresse, an die die Formulare senden' },
  gepruefteRegeln: { label: 'Automatisch geprüfte WCAG-Regeln', preview: 'WCAG-Versionen und Stufen der automatischen Prüfung' },
  protokollangaben: { label: 'Liste der Protokollangaben', preview: 'Was das Protokoll des Formular-Servers enthält' },
  formularfelder: { label: 'Liste der Formularfelder', preview: 'Felder des Formulars „{form}“', form: 'Formular' },
  formularweg: {
    label: 'Anfang: Text nur für einen Formularweg',
    preview: 'Ab hier nur, wenn die Formulare an „{fall}“ gehen',
    fall: 'Formularweg',
    fallHint: 'Ein Formularweg oder mehrere, durch Leerzeichen getrennt. Erlaubt sind:',
  },
  formularwegEnde: { label: 'Ende: Text nur für einen Formularweg', preview: 'Ende des Texts für einen Formularweg' },
  verwaltung: { label: 'Anfang: Text nur mit Verwaltungsbereich', preview: 'Ab hier nur, wenn der Server einen Verwaltungsbereich hat' },
  verwaltungEnde: { label: 'Ende: Text nur mit Verwaltungsbereich', preview: 'Ende des Texts für den Verwaltungsbereich' },
  hinweis: { label: 'Hinweis für die Redaktion (nicht sichtbar)', preview: '', text: 'Hinweis' },
} as const;

/** The collections of the editing UI. */
export const cmsCollectionTexts = {
  offers: {
    label: 'Angebote',
    singular: 'Angebot',
    description: 'Jedes Angebot hat seine Seite und sein Formular „Interesse bekunden“. Angebote, deren Text Bausteine braucht, stehen unter „Angebote mit Bausteinen“.',
  },
  offersMdx: {
    label: 'Angebote mit Bausteinen',
    singular: 'Angebot mit Bausteinen',
    description: 'Angebote, deren Text Bausteine wie Postfach, Anschrift oder Lücke enthält.',
  },
  contacts: { label: 'Kontakte', singular: 'Kontakt', description: 'Die Ansprechpersonen; Angebote nennen sie unter „Kontakte“.' },
  downloads: { label: 'Downloads', singular: 'Download', description: 'Die Dokumente zum Herunterladen mit ihrer Datei; Angebote nennen sie unter „Downloads“.' },
  news: { label: 'Aktuelles', singular: 'Meldung', description: 'Die Meldungen auf der Startseite, unter „Aktuelles“ und im RSS-Feed.' },
  pages: { label: 'Seiten', singular: 'Seite', description: 'Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache, Gebärdensprache und weitere Seiten.' },
  site: { label: 'Einstellungen', singular: 'Einstellungen', description: 'Angaben, die überall gleich sind: Name, Postfach, Anschrift, Telefon, Geschäftsführung …' },
  siteFile: 'Angaben zur Organisation',
  body: { label: 'Text', hint: 'Der Text der Seite. Bausteine (Postfach, Anschrift, Angaben, Lücken …) fügen Sie über „+“ im Editor ein.' },
  bodyMarkdown: { label: 'Text', hint: 'Der Einführungstext in Markdown. Braucht er Bausteine wie Postfach oder Lücke, gehört das Angebot unter „Angebote mit Bausteinen“.' },
  slug: {
    hint: 'Der Dateiname ohne Endung: Kleinbuchstaben, Ziffern und Bindestriche. Er wird Teil der Adresse und lässt sich später nicht ändern.',
    invalid: 'Nur Kleinbuchstaben, Ziffern und einzelne Bindestriche, z. B. max-muster.',
  },
} as const;

/** The editing UI's own page around the CMS (/redaktion/index.html). */
export const cmsPageTexts = {
  title: 'Redaktion',
  noscript: 'Die Redaktionsoberfläche braucht JavaScript. Sie können die Inhalte auch direkt in den Dateien in content/ ändern (REDAKTION.md).',
  /** Shown when the build has no git host (CMS_BACKEND unset). */
  localOnly:
    'Diese Redaktionsoberfläche ist nicht mit einem GitLab verbunden: Sie arbeitet nur mit dem lokalen Repository, auf dem eigenen Rechner unter http://localhost:4321/redaktion/ ' +
    '(„Mit lokalem Repository arbeiten“, in Chrome oder Edge). Die Anmeldung über GitLab richtet die IT mit CMS_BACKEND=gitlab und den Variablen CMS_* ein (README, „Configuration“).',
  /** Shown when the build uses the CMS's in-browser test repository (CMS_BACKEND=test). */
  test: 'Testbetrieb: Änderungen bleiben in diesem Browser und erreichen das Portal nicht (CMS_BACKEND=test).',
  openItems: 'Was noch offen ist',
} as const;

/** The editors' page of open items (/redaktion/offen/). */
export const cmsOpenItemsTexts = {
  title: 'Was noch offen ist',
  description: 'Redaktionelle Lücken und Seiten ohne „Stand der Angaben“, mit Datei, Feld und dem Weg zur Bearbeitung.',
  intro:
    'Diese Liste entsteht bei jedem Build aus den Inhalten. Eine Lücke ist eine Angabe, die noch fehlt; die Seiten zeigen an ihrer Stelle „wird ergänzt“. ' +
    'Eine Seite ohne „Stand der Angaben“ hat noch niemand mit ihren Quellen geprüft. Nach dem nächsten Build fehlt, was Sie ergänzt haben.',
  gaps: 'Lücken',
  unchecked: 'Seiten ohne „Stand der Angaben“',
  noGaps: 'Keine offenen Lücken.',
  allChecked: 'Alle Seiten haben einen „Stand der Angaben“.',
  file: 'Datei',
  field: 'Feld',
  what: 'Was fehlt',
  edit: 'Bearbeiten',
  editIn: 'in der Redaktionsoberfläche',
} as const;

/**
 * Strings of Sveltia CMS that its German locale (locales/de.json of the pinned version) lacks and
 * that editors meet in this set-up: without them the CMS falls back to English (the file field's
 * „Ersetzen“ was „Replace File“ for screen readers). The build adds them to the locale it serves
 * (src/cms/bundle.ts); a key the German locale gains upstream keeps its upstream text. Keys with
 * dots are nested in the locale file.
 */
export const cmsLocaleAdditions: Readonly<Record<string, string>> = {
  select_item: '{$name} auswählen',
  file_unavailable: 'Nicht verfügbar',
  file_unavailable_description: 'Diese Datei ließ sich nicht laden. Vielleicht wurde sie verschoben oder gelöscht.',
  replace_file: 'Datei ersetzen',
  replace_image: 'Bild ersetzen',
  remove_file: 'Datei entfernen',
  remove_image: 'Bild entfernen',
  show_errors: 'Fehler anzeigen',
  list_item_options: 'Optionen des Listeneintrags',
  'entry_sidebar.slug.title': 'Slug',
  'entry_sidebar.slug.generated_on_save': 'Der Slug entsteht beim Speichern aus dem Inhalt des Eintrags; Datum und Uhrzeit darin sind die des Speicherns.',
  'entry_sidebar.slug.unavailable': 'Dieser Eintrag hat keinen Slug.',
  'save_conflict.title': 'Eintrag von jemand anderem geändert',
  'save_conflict.modified_by': '{$name} hat diesen Eintrag am {$date} geändert, nachdem Sie ihn geöffnet haben.',
  'save_conflict.modified': 'Dieser Eintrag wurde im Repository geändert, nachdem Sie ihn geöffnet haben.',
  'save_conflict.deleted': 'Dieser Eintrag wurde im Repository gelöscht, nachdem Sie ihn geöffnet haben.',
  'save_conflict.overwrite_warning': 'Wenn Sie jetzt speichern, gehen die anderen Änderungen verloren.',
  'save_conflict.recreate_warning': 'Wenn Sie jetzt speichern, wird der Eintrag neu angelegt.',
  'save_conflict.save_anyway': 'Trotzdem speichern',
  'save_conflict.branch_moved': 'Jemand anderes hat das Repository beim Speichern geändert. Bitte versuchen Sie es noch einmal.',
  'remote_change.reload_entry': 'Eintrag neu laden',
  'remote_change.confirm_reloading_entry': 'Den Eintrag wirklich neu laden? Ihre nicht gespeicherten Änderungen gehen verloren.',
  'relation_field.save_together_hint': '{$name} wird zusammen mit dem Eintrag gespeichert, den Sie gerade bearbeiten.',
  'relation_field.add_failed': '{$name} konnte nicht hinzugefügt werden. Einzelheiten stehen in der Konsole des Browsers.',
};
