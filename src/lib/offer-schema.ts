/**
 * The schema of an offer (`content/offers/<name>.mdx` or `.md`): what the offer page, its interest
 * form and the catalogue show. Part of the content model (content-schemas.ts); every field is
 * documented and every error is written for editors.
 */
import { z } from 'astro/zod';
import { date, description, httpsUrl, source, stand, text, year, type RefFactory } from './schema-fields.ts';

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
  /**
   * `true` for the step the form „Interesse bekunden“ does (e. g. „Interesse melden“): after sending
   * the form, „Wie es weitergeht“ starts with the step after it.
   */
  formular: z.boolean({ error: 'Das Feld „schritte → formular“ ist true oder fehlt.' }).default(false),
});

/** What staff record when a Vorgang reaches a rollout step: a choice, a date or a text. */
const rolloutAngabe = z
  .object({
    /** Stable id within the step (lower case, digits, hyphens); the history stores it. */
    id: z.string({ error: 'Das Feld „rollout → angaben → id“ fehlt.' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
      error: 'Das Feld „rollout → angaben → id“ besteht aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. „weg“.',
    }),
    /** What staff are asked, e. g. „Weg“ or „Eingegangen am“. */
    titel: text('rollout → angaben → titel', 'Schreiben Sie, was die Beschäftigten angeben, z. B. „Weg“.'),
    /** `auswahl` (one of `optionen`), `datum` (a day staff enter) or `text`. */
    art: z.enum(['auswahl', 'datum', 'text'], { error: 'Das Feld „rollout → angaben → art“ ist „auswahl“, „datum“ oder „text“.' }),
    /** The choices of an `auswahl`, e. g. „BeBPo“ and „Post“. */
    optionen: z.array(text('rollout → angaben → optionen', 'Schreiben Sie je Zeile eine Auswahl.')).default([]),
  })
  .refine((a) => (a.art === 'auswahl') === a.optionen.length >= 2, {
    error: 'Eine Angabe der Art „auswahl“ braucht mindestens zwei „optionen“; die Arten „datum“ und „text“ haben keine.',
  });

/**
 * A step of an authority's way with the offer in the admin area (its Vorgang): the first step is
 * where every Vorgang starts. The history keeps a step's id and title, so rewording or removing a
 * step loses nothing.
 */
const rolloutStep = z
  .object({
    /** Stable id (lower case, digits, hyphens): never change it once Vorgänge have reached the step. */
    id: z.string({ error: 'Das Feld „rollout → id“ fehlt.' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
      error: 'Das Feld „rollout → id“ besteht aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. „einzelabruf“.',
    }),
    /** Name of the step as staff see it, e. g. „Einzelabruf eingegangen“. */
    titel: text('rollout → titel', 'Geben Sie dem Rollout-Schritt einen Titel.'),
    /** `true` when the step ends the Vorgang (live, beendet): the retention period starts then. */
    abschluss: z.boolean({ error: 'Das Feld „rollout → abschluss“ ist true oder fehlt.' }).default(false),
    /** What staff record when the Vorgang reaches this step. */
    angaben: z.array(rolloutAngabe).default([]),
    /**
     * `einzelabruf`: the step at which the signed Einzelabruf arrives (the authority's status page
     * shows how to send it while this step is next; the overview counts the days to its date);
     * `live`: the step at which the service is live (the overview counts the days from the
     * Einzelabruf to its date). At most one step of an offer each; leave it out on the others.
     */
    meilenstein: z.enum(['einzelabruf', 'live'], { error: 'Das Feld „rollout → meilenstein“ ist „einzelabruf“, „live“ oder fehlt.' }).optional(),
  })
  .refine((step) => new Set(step.angaben.map((a) => a.id)).size === step.angaben.length, {
    error: 'Zwei Angaben eines Rollout-Schritts haben dieselbe „id“. Geben Sie jeder eine eigene.',
  });

/** A question an authority deciding on re-use asks; the answer may be a gap "[LÜCKE: …]". */
const openQuestion = z.object({
  /** The question, as an authority would ask it. */
  frage: text('offeneFragen → frage', 'Schreiben Sie die Frage aus.'),
  /** The answer with its source, or "[LÜCKE: what is missing – who answers it]". */
  antwort: text('offeneFragen → antwort', 'Beantworten Sie die Frage oder markieren Sie die Antwort als [LÜCKE: …].'),
});

/** One language of the notice for applicants: the question they arrive with and where they apply instead. */
const applicantNoticeLanguage = (lang: string) =>
  z.object({
    /** The question, e. g. "Sie möchten einen Aufenthaltstitel beantragen?". */
    frage: text(`hinweisAntragstellende → ${lang} → frage`, 'Schreiben Sie die Frage, mit der Antragstellende auf die Seite kommen.'),
    /** Where they apply instead, in one or two sentences. */
    wo: text(`hinweisAntragstellende → ${lang} → wo`, 'Schreiben Sie, wo Antragstellende ihren Antrag stellen.'),
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
    kurzbeschreibung: description('kurzbeschreibung', 'Beschreiben Sie das Angebot in einem Satz.'),
    /** OZG-Themenfeld, e. g. "Ein- und Auswanderung". */
    themenfeld: text('themenfeld', 'Tragen Sie das OZG-Themenfeld ein.'),
    /** The Land ministry that leads the Themenfeld. */
    themenfeldfuehrer: text('themenfeldfuehrer', 'Tragen Sie den Themenfeldführer ein.'),
    /** Who led the implementation project (Federführung). */
    federfuehrung: text('federfuehrung', 'Tragen Sie ein, wer die Federführung hat.'),
    /** The IT service provider that developed the service (Umsetzer). */
    umsetzer: text('umsetzer', 'Tragen Sie den IT-Dienstleister ein, der den Dienst entwickelt hat.'),
    /**
     * Who the offer is for, in the plural: the call to action reads „Alle interessierten
     * <zielgruppe> können sich bei <organisation> melden“.
     */
    zielgruppe: text('zielgruppe', 'Tragen Sie ein, für wen das Angebot gedacht ist, in der Mehrzahl, z. B. „Ausländerbehörden in Nordrhein-Westfalen“.'),
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
    /**
     * The steps of an authority's way with the offer as d-NRW staff follow it in the admin area
     * (its Vorgang), first step first. Leave it out and the offer's Vorgänge have no steps.
     */
    rollout: z
      .array(rolloutStep)
      .default([])
      .refine((steps) => new Set(steps.map((step) => step.id)).size === steps.length, {
        error: 'Zwei Rollout-Schritte haben dieselbe „id“. Geben Sie jedem Schritt eine eigene.',
      })
      .refine((steps) => (['einzelabruf', 'live'] as const).every((m) => steps.filter((step) => step.meilenstein === m).length <= 1), {
        error: 'Zwei Rollout-Schritte haben denselben „meilenstein“. Jeder Meilenstein („einzelabruf“, „live“) gehört zu höchstens einem Schritt.',
      }),
    /**
     * For people who want to APPLY for this service and land on its page from a search: the question
     * they come with and where they apply, in German (de), English (en) and Ukrainian (uk). The page
     * says first that nobody can apply here; without this field it says so in general words.
     */
    hinweisAntragstellende: z
      .object({
        de: applicantNoticeLanguage('de'),
        en: applicantNoticeLanguage('en'),
        uk: applicantNoticeLanguage('uk'),
        /**
         * German words the English and Ukrainian texts use, e. g. "Ausländerbehörde": the page marks
         * them as German, so screen readers read them in German. "Ausländerbehörde" and "Kreis" are
         * marked without being listed here (shared/strings/de.ts).
         */
        deutscheBegriffe: z.array(text('hinweisAntragstellende → deutscheBegriffe', 'Schreiben Sie je Zeile einen deutschen Begriff.')).default([]),
      })
      .optional(),
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

export type OfferData = z.infer<ReturnType<typeof offerSchema>>;
export type CostPhase = OfferData['kostenphasen'][number];
export type RolloutStep = OfferData['rollout'][number];
