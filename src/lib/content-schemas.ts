/**
 * The content model: one zod schema per collection (the offer's in offer-schema.ts, the shared
 * fields in schema-fields.ts). Every field is documented, and every error message is written for
 * editors: it names the field and says how to fix it.
 *
 * The schemas are factories that take `ref`, so that the same schema runs inside Astro (with
 * `reference()` from `astro:content`) and in unit tests (with a plain stand-in).
 */
import { z } from 'astro/zod';
import { isGap } from '../../shared/lib/gaps.ts';
import { date, description, email, source, stand, text } from './schema-fields.ts';

export { offerSchema, type CostPhase, type OfferData } from './offer-schema.ts';
export { plainRef, type RefFactory } from './schema-fields.ts';

const TELEFON_HINT = 'Tragen Sie die Telefonnummer ein, z. B. "0231 123456-0", oder markieren Sie sie als [LÜCKE: …].';

const PLZ_MESSAGE = 'Das Feld „organisation → anschrift → plz“ braucht genau fünf Ziffern in Anführungszeichen, z. B. "44137".';

/** Site-wide facts: one entry (`content/site/site.yaml`), one edit changes them everywhere. */
export const siteSchema = z.object({
  /** Name of the portal as shown in the header and in page titles. */
  portalName: text('portalName', 'Tragen Sie den Namen des Portals ein, z. B. „Kommunalvertreter NRW“.'),
  /** One sentence that says what the portal is for (meta description of the start page). */
  beschreibung: description('beschreibung', 'Beschreiben Sie das Portal in einem Satz.'),
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
    /**
     * Phone number of the organisation as people write it, e. g. "0231 123456-0" (may be an editorial
     * gap). Pages show it unbreakable and link its digits (src/lib/phone.ts).
     */
    telefon: text('organisation → telefon', TELEFON_HINT).refine((value) => isGap(value) || /\d/.test(value), {
      error: `Das Feld „organisation → telefon“ enthält keine Ziffer. ${TELEFON_HINT}`,
    }),
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
  /** Date of the document's version, shown under it as „Stand des Dokuments“; leave out while unknown. */
  stand,
});

/** A news item (`content/news/<name>.mdx`). */
export const newsSchema = z.object({
  /** Headline. */
  titel: text('titel', 'Tragen Sie die Überschrift der Meldung ein.'),
  /** Teaser for lists, RSS and search engines (≤ 160 characters). */
  beschreibung: description('beschreibung', 'Fassen Sie die Meldung in einem Satz zusammen.'),
  /**
   * The day the item is published on this portal, set on that day, never earlier (no backdating).
   * Leave it out while the item is a draft: it is then not published, and the build lists it
   * (src/lib/drafts.ts).
   */
  datum: date('datum').optional(),
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
  beschreibung: description('beschreibung', 'Beschreiben Sie die Seite in einem Satz.'),
  /** Where the page appears in the footer navigation; leave out to show it nowhere. */
  fusszeile: z.number({ error: 'Das Feld „fusszeile“ braucht eine Zahl, z. B. 1.' }).int().optional(),
  /** Stand der Angaben (see above). */
  stand,
  /** Where the facts come from. */
  quellen: z.array(source).default([]),
});

export type SiteData = z.infer<typeof siteSchema>;
