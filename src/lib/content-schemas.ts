/**
 * The content model: one zod schema per collection. Every field is documented here, and every
 * error message is written for editors: it names the field and says how to fix it.
 *
 * The schemas are factories that take `ref`, so that the same schema runs inside Astro (with
 * `reference()` from `astro:content`) and in unit tests (with a plain stand-in).
 */
import { z } from 'astro/zod';

/** Creates a field that refers to an entry of another collection by its file name. */
export type RefFactory = (collection: 'contacts' | 'downloads') => z.ZodType<{ collection: string; id: string }>;

/**
 * `reference()` outside Astro (the form server, tests): the file name as Astro keeps it. Whether
 * the entry exists is checked afterwards, as in the build (integrity.ts).
 */
export const plainRef: RefFactory = (collection) =>
  z.string({ error: `Der Verweis auf ${collection} braucht einen Dateinamen ohne Endung.` }).transform((id) => ({ collection, id }));

/** A required text field with an editor-facing message. */
const text = (field: string, hint: string) =>
  z
    .string({ error: `Das Feld „${field}“ fehlt oder ist kein Text. ${hint}` })
    .trim()
    .min(1, { error: `Das Feld „${field}“ ist leer. ${hint}` });

/**
 * A date written as JJJJ-MM-TT (YAML reads it as a date; in quotes it is text of that form). Any other
 * text is refused: JavaScript would read "01.11.2026" as 11 January.
 */
const date = (field: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? new Date(Number.NaN) : value),
    z.coerce.date({
      error: `Das Feld „${field}“ ist kein gültiges Datum. Schreiben Sie es als JJJJ-MM-TT, z. B. 2024-01-01.`,
    }),
  );

const email = (field: string) =>
  z.email({ error: `Das Feld „${field}“ ist keine gültige E-Mail-Adresse, z. B. name@digitales.nrw.de.` });

const httpsUrl = (field: string) =>
  z.url({ protocol: /^https?$/, error: `Das Feld „${field}“ ist keine gültige Adresse. Beginnen Sie sie mit https://.` });

const PLZ_MESSAGE = 'Das Feld „organisation → anschrift → plz“ braucht genau fünf Ziffern in Anführungszeichen, z. B. "44137".';

const year = (field: string) =>
  z
    .number({ error: `Das Feld „${field}“ braucht eine Jahreszahl, z. B. 2023.` })
    .int({ error: `Das Feld „${field}“ braucht eine Jahreszahl, z. B. 2023.` })
    .min(1990, { error: `Das Feld „${field}“ braucht eine Jahreszahl, z. B. 2023.` })
    .max(2100, { error: `Das Feld „${field}“ braucht eine Jahreszahl, z. B. 2023.` });

/** A source a fact was taken from. */
const source = z.object({
  /** What the source is, e. g. "Originalseite von d-NRW". */
  titel: text('quellen → titel', 'Nennen Sie die Quelle.'),
  /** Where it can be read. */
  url: httpsUrl('quellen → url'),
  /** The year the source's statements date from, if known (e. g. 2023); shown next to the title. */
  jahr: year('quellen → jahr').optional(),
  /** Which statements on the page this source supports, e. g. "OZG-IDs und Antragsstrecken". */
  belegt: text('quellen → belegt', 'Nennen Sie die Angaben, die diese Quelle belegt, oder lassen Sie das Feld weg.').optional(),
});

/**
 * `stand`: "Stand der Angaben", the day an editor last checked this entry's facts against their
 * sources. Set it only after such a check; leave it out otherwise. Without it the page shows no date,
 * and the build lists the entry as not checked. It is never the build date or the date of a source.
 */
const stand = date('stand').optional();

/** Site-wide facts: one entry (`content/site/site.yaml`), one edit changes them everywhere. */
export const siteSchema = z.object({
  /** Name of the portal as shown in the header and in page titles. */
  portalName: text('portalName', 'Tragen Sie den Namen des Portals ein, z. B. „Kommunalvertreter NRW“.'),
  /** One sentence that says what the portal is for (meta description of the start page). */
  beschreibung: text('beschreibung', 'Beschreiben Sie das Portal in einem Satz.'),
  /** The organisation that runs the portal. */
  organisation: z.object({
    /** Name with legal form, e. g. "d-NRW AöR". */
    name: text('organisation → name', 'Tragen Sie den Namen der Organisation ein.'),
    /** Legal form written out. */
    rechtsform: text('organisation → rechtsform', 'Schreiben Sie die Rechtsform aus.'),
    /** The unit that offers the services, e. g. "Kommunalvertreter NRW". */
    bereich: text('organisation → bereich', 'Tragen Sie den Bereich ein.'),
    /** The public mailbox: used by every contact, the submission steps and the form fallback. */
    postfach: email('organisation → postfach'),
    /** Postal address, as it is written on an envelope. */
    anschrift: z.object({
      empfaenger: text('organisation → anschrift → empfaenger', 'Tragen Sie den Empfänger ein.'),
      /** Second line, e. g. the department. */
      zusatz: z.string({ error: 'Das Feld „organisation → anschrift → zusatz“ muss Text sein.' }).optional(),
      strasse: text('organisation → anschrift → strasse', 'Tragen Sie Straße und Hausnummer ein.'),
      plz: z
        .string({ error: PLZ_MESSAGE })
        .regex(/^\d{5}$/, { error: PLZ_MESSAGE }),
      ort: text('organisation → anschrift → ort', 'Tragen Sie den Ort ein.'),
    }),
    /** Recipient name in the Besonderes Elektronisches Behördenpostfach (BeBPo). */
    bebpoEmpfaenger: text('organisation → bebpoEmpfaenger', 'Tragen Sie den Empfängernamen im BeBPo ein.'),
    /** Phone number of the organisation (may be an editorial gap). */
    telefon: text('organisation → telefon', 'Tragen Sie die Telefonnummer ein oder markieren Sie sie als [LÜCKE: …].'),
    /**
     * Who the organisation is, in two or three sentences (legal form, who established it, who carries
     * it). Every page that says who d-NRW is shows this text (<Fakt feld="wer" />).
     */
    wer: text('organisation → wer', 'Beschreiben Sie in zwei oder drei Sätzen, wer die Organisation ist.'),
    /** The same facts as `wer` in Leichte Sprache: short main clauses, hard words explained. */
    werLeicht: text('organisation → werLeicht', 'Schreiben Sie dieselben Angaben wie bei „wer“ in Leichter Sprache.'),
    /** Who represents the organisation (the Geschäftsführung with names), for the Impressum. */
    vertretung: text('organisation → vertretung', 'Nennen Sie die Geschäftsführung oder markieren Sie sie als [LÜCKE: …].'),
    /** Supervisory authority as the Errichtungsgesetz names it, with the section, for the Impressum. */
    aufsicht: text('organisation → aufsicht', 'Nennen Sie die Aufsichtsbehörde mit der Fundstelle im Errichtungsgesetz oder markieren Sie sie als [LÜCKE: …].'),
    /** Umsatzsteuer-Identifikationsnummer (§ 27a UStG), if the organisation has one, for the Impressum. */
    umsatzsteuerId: text('organisation → umsatzsteuerId', 'Tragen Sie die Umsatzsteuer-Identifikationsnummer ein oder markieren Sie sie als [LÜCKE: …].'),
    /** Person responsible for the content (§ 18 Abs. 2 MStV). */
    inhaltlichVerantwortlich: text('organisation → inhaltlichVerantwortlich', 'Nennen Sie die verantwortliche Person oder markieren Sie sie als [LÜCKE: …].'),
    /** Data protection officer, for the Datenschutzerklärung. */
    datenschutzbeauftragte: text('organisation → datenschutzbeauftragte', 'Nennen Sie die oder den Datenschutzbeauftragten oder markieren Sie es als [LÜCKE: …].'),
  }),
});

/** A person to ask (`content/contacts/<name>.yaml`). */
export const contactSchema = z.object({
  /** Full name. */
  name: text('name', 'Tragen Sie den vollen Namen ein.'),
  /** Role as shown on the page, e. g. "Ansprechpartnerin". */
  rolle: text('rolle', 'Tragen Sie die Rolle ein, z. B. „Ansprechpartnerin“.'),
  /** Own e-mail address; leave it out to use the organisation's mailbox from site.yaml. */
  email: email('email').optional(),
  /** Order in lists, smallest first. */
  reihenfolge: z.number({ error: 'Das Feld „reihenfolge“ braucht eine Zahl, z. B. 1.' }).int().default(100),
});

/** Metadata of a download (`content/downloads/<name>.yaml`); the file itself lies in public/downloads/. */
export const downloadSchema = z.object({
  /** Title of the document as shown in the list. */
  titel: text('titel', 'Tragen Sie den Titel des Dokuments ein.'),
  /** Short description: what the document is for. */
  beschreibung: text('beschreibung', 'Beschreiben Sie in einem Satz, wofür das Dokument da ist.'),
  /** File name in public/downloads/, e. g. "einzelabruf-musterdienst.pdf". Type, size and pages are read from the file. */
  datei: z
    .string({ error: 'Das Feld „datei“ fehlt. Tragen Sie den Dateinamen aus public/downloads/ ein.' })
    .regex(/^[a-z0-9][a-z0-9._-]*\.(pdf|docx|xlsx|pptx|odt|ods|odp)$/, {
      error: 'Das Feld „datei“ braucht einen Dateinamen aus public/downloads/ in Kleinbuchstaben ohne Leerzeichen, mit der Endung .pdf, .docx, .xlsx, .pptx, .odt, .ods oder .odp.',
    }),
  /** True while the file is a stand-in for the official document; the page says so. */
  platzhalter: z.boolean().default(false),
  /** Order in lists, smallest first. */
  reihenfolge: z.number({ error: 'Das Feld „reihenfolge“ braucht eine Zahl, z. B. 1.' }).int().default(100),
  stand,
});

const leistung = z.object({
  /** Name of the OZG-Leistung. */
  name: text('leistungen → name', 'Tragen Sie den Namen der OZG-Leistung ein.'),
  /** OZG-ID from the OZG-Leistungskatalog. */
  ozgId: z.number({ error: 'Das Feld „leistungen → ozgId“ braucht die OZG-ID als Zahl, z. B. 10255.' }).int().positive(),
  /** The Antragsstrecken (application tracks) of this service; they are also the choices of the interest form. */
  antragsstrecken: z
    .array(text('leistungen → antragsstrecken', 'Tragen Sie den Namen der Antragsstrecke ein.'))
    .min(1, { error: 'Das Feld „leistungen → antragsstrecken“ braucht mindestens eine Antragsstrecke.' }),
});

const costPhase = z
  .object({
    /** Heading of the phase. */
    titel: text('kostenphasen → titel', 'Geben Sie der Kostenphase einen Titel.'),
    /** First day of the phase (leave out if the phase starts with the offer). */
    von: date('kostenphasen → von').optional(),
    /** Last day of the phase (leave out if the phase has no end). */
    bis: date('kostenphasen → bis').optional(),
    /** What the authority pays in this phase. */
    beschreibung: text('kostenphasen → beschreibung', 'Beschreiben Sie, welche Kosten in dieser Phase anfallen.'),
    /** Legal reference, e. g. "§ 5 Abs. 7 des Einzelabrufs". */
    rechtsgrundlage: text('kostenphasen → rechtsgrundlage', 'Nennen Sie die Fundstelle im Einzelabruf.'),
  })
  .refine((p) => p.von !== undefined || p.bis !== undefined, {
    error: 'Eine Kostenphase braucht „von“ oder „bis“ (oder beides) als Datum JJJJ-MM-TT.',
  })
  .refine((p) => p.von === undefined || p.bis === undefined || p.von <= p.bis, {
    error: 'In einer Kostenphase liegt „von“ nach „bis“. Tauschen Sie die Daten.',
  });

const step = z.object({
  /** Short name of the step. */
  titel: text('schritte → titel', 'Geben Sie dem Schritt einen Titel.'),
  /** What happens in this step and who does it. */
  beschreibung: text('schritte → beschreibung', 'Beschreiben Sie den Schritt in einem Satz.'),
  /** Things that belong to this step in no order the sources give; shown as an unordered list. */
  punkte: z.array(text('schritte → punkte', 'Beschreiben Sie den Punkt in einem Satz.')).optional(),
});

/** A question an authority deciding on re-use asks; the answer may be a gap "[LÜCKE: …]". */
const openQuestion = z.object({
  /** The question, as an authority would ask it. */
  frage: text('offeneFragen → frage', 'Schreiben Sie die Frage aus.'),
  /** The answer with its source, or "[LÜCKE: what is missing – who answers it]". */
  antwort: text('offeneFragen → antwort', 'Beantworten Sie die Frage oder markieren Sie die Antwort als [LÜCKE: …].'),
});

/** The page of d-NRW AöR that announced the offer; the portal takes its statements over. */
const originalPage = z.object({
  /** Address of the original page. */
  url: httpsUrl('originalseite → url'),
  /** The year the original page was written, e. g. 2023. */
  jahr: year('originalseite → jahr'),
});

/**
 * An offered service (`content/offers/<name>.mdx` or `.md`); the body is the overview text. The
 * file name is the offer's id: its page /angebote/<name>/ and its interest form
 * /angebote/<name>/interesse/.
 */
export const offerSchema = (ref: RefFactory) =>
  z.object({
    /** Name of the offer; also the page heading. */
    titel: text('titel', 'Tragen Sie den Namen des Angebots ein.'),
    /** One or two sentences for lists, search engines and social media (≤ 160 characters). */
    kurzbeschreibung: text('kurzbeschreibung', 'Beschreiben Sie das Angebot in einem Satz.').max(160, {
      error: 'Das Feld „kurzbeschreibung“ ist länger als 160 Zeichen. Kürzen Sie es, damit Suchmaschinen es ganz zeigen.',
    }),
    /** OZG-Themenfeld, e. g. "Ein- und Auswanderung". */
    themenfeld: text('themenfeld', 'Tragen Sie das OZG-Themenfeld ein.'),
    /** The Land ministry that leads the Themenfeld. */
    themenfeldfuehrer: text('themenfeldfuehrer', 'Tragen Sie den Themenfeldführer ein.'),
    /** Who led the implementation project (Federführung). */
    federfuehrung: text('federfuehrung', 'Tragen Sie ein, wer die Federführung hat.'),
    /** The IT service provider that developed the service (Umsetzer). */
    umsetzer: text('umsetzer', 'Tragen Sie den IT-Dienstleister ein, der den Dienst entwickelt hat.'),
    /** Who the offer is for. */
    zielgruppe: text('zielgruppe', 'Tragen Sie ein, für wen das Angebot gedacht ist.'),
    /** How the service reaches the citizens, e. g. web components on the authority's website. */
    bereitstellung: text('bereitstellung', 'Beschreiben Sie, wie der Dienst bereitgestellt wird.').optional(),
    /** OZG-Reifegrad with a short explanation. */
    reifegrad: text('reifegrad', 'Beschreiben Sie den Reifegrad.').optional(),
    /** The OZG-Leistungen in this offer with their Antragsstrecken. */
    leistungen: z.array(leistung).min(1, { error: 'Das Feld „leistungen“ braucht mindestens eine OZG-Leistung.' }),
    /** Cost phases in time order, with absolute dates. */
    kostenphasen: z.array(costPhase).min(1, { error: 'Das Feld „kostenphasen“ braucht mindestens eine Phase.' }),
    /** The steps of the re-use (Nachnutzung), in the order the sources give. */
    schritte: z.array(step).min(1, { error: 'Das Feld „schritte“ braucht mindestens einen Schritt.' }),
    /** Questions the sources do not answer yet, shown on the offer page with their (missing) answers. */
    offeneFragen: z.array(openQuestion).default([]),
    /** Downloads by file name in content/downloads/ (without .yaml). */
    downloads: z.array(ref('downloads')).default([]),
    /** Contacts by file name in content/contacts/ (without .yaml). */
    kontakte: z.array(ref('contacts')).min(1, { error: 'Das Feld „kontakte“ braucht mindestens einen Kontakt.' }),
    /** How the signed contract reaches d-NRW. */
    einreichung: z.object({
      /** The document to send (a download). */
      dokument: ref('downloads'),
      /** Who signs it. */
      unterzeichnetVon: text('einreichung → unterzeichnetVon', 'Tragen Sie ein, wer das Dokument unterzeichnet.'),
      /** Number of signed copies on the postal route. */
      ausfertigungenPost: z.number({ error: 'Das Feld „einreichung → ausfertigungenPost“ braucht eine Zahl, z. B. 2.' }).int().min(1),
    }),
    /** Stand der Angaben (see above); leave it out until an editor has checked the facts. */
    stand,
    /**
     * The day the offer was published on this portal (never an earlier date); the RSS feed gives it
     * as the item's date. Leave it out when the day is not known.
     */
    veroeffentlicht: date('veroeffentlicht').optional(),
    /** The original page of d-NRW AöR with the year it was written; the costs section names it. */
    originalseite: originalPage.optional(),
    /** Where the facts come from that are not on the original page. */
    quellen: z.array(source).default([]),
    /** Order in lists, smallest first. */
    reihenfolge: z.number({ error: 'Das Feld „reihenfolge“ braucht eine Zahl, z. B. 1.' }).int().default(100),
  });

/** A news item (`content/news/<name>.mdx`). */
export const newsSchema = z.object({
  /** Headline. */
  titel: text('titel', 'Tragen Sie die Überschrift der Meldung ein.'),
  /** Teaser for lists, RSS and search engines (≤ 160 characters). */
  beschreibung: text('beschreibung', 'Fassen Sie die Meldung in einem Satz zusammen.').max(160, {
    error: 'Das Feld „beschreibung“ ist länger als 160 Zeichen. Kürzen Sie es.',
  }),
  /** The day the item is published on this portal; never earlier (no backdating). */
  datum: date('datum'),
  /** Stand der Angaben (see above); not the publication date. */
  stand,
  /** Where the facts come from. */
  quellen: z.array(source).default([]),
});

/** A content page such as Impressum or Datenschutz (`content/pages/<path>.mdx`). */
export const pageSchema = z.object({
  /** Page heading and title. */
  titel: text('titel', 'Tragen Sie die Überschrift der Seite ein.'),
  /** One sentence for search engines (≤ 160 characters). */
  beschreibung: text('beschreibung', 'Beschreiben Sie die Seite in einem Satz.').max(160, {
    error: 'Das Feld „beschreibung“ ist länger als 160 Zeichen. Kürzen Sie es.',
  }),
  /** Where the page appears in the footer navigation; leave out to show it nowhere. */
  fusszeile: z.number({ error: 'Das Feld „fusszeile“ braucht eine Zahl, z. B. 1.' }).int().optional(),
  /** Stand der Angaben (see above). */
  stand,
  /** Where the facts come from. */
  quellen: z.array(source).default([]),
});

export type SiteData = z.infer<typeof siteSchema>;
export type ContactData = z.infer<typeof contactSchema>;
export type DownloadData = z.infer<typeof downloadSchema>;
export type OfferData = z.infer<ReturnType<typeof offerSchema>>;
export type CostPhase = OfferData['kostenphasen'][number];
