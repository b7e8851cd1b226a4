/**
 * The building blocks of the content schemas (content-schemas.ts, offer-schema.ts): fields whose
 * error messages are written for editors (they name the field and say how to fix it), references
 * to other entries, and the parts several collections share (sources, Stand der Angaben).
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
export const text = (field: string, hint: string) =>
  z
    .string({ error: `Das Feld „${field}“ fehlt oder ist kein Text. ${hint}` })
    .trim()
    .min(1, { error: `Das Feld „${field}“ ist leer. ${hint}` });

/** Shortest and longest description a search engine shows as a page's summary. */
export const DESCRIPTION_MIN = 21;
export const DESCRIPTION_MAX = 160;

/** A page's one-sentence description (meta description, lists, RSS): a whole sentence a search engine shows in full. */
export const description = (field: string, hint: string) =>
  text(field, hint)
    .min(DESCRIPTION_MIN, { error: `Das Feld „${field}“ ist zu kurz: Suchmaschinen zeigen es als Zusammenfassung der Seite. ${hint} Schreiben Sie mindestens ${DESCRIPTION_MIN} Zeichen.` })
    .max(DESCRIPTION_MAX, { error: `Das Feld „${field}“ ist länger als ${DESCRIPTION_MAX} Zeichen. Kürzen Sie es, damit Suchmaschinen es ganz zeigen.` });

/**
 * A date written as JJJJ-MM-TT (YAML reads it as a date; in quotes it is text of that form). Any other
 * text is refused: JavaScript would read "01.11.2026" as 11 January.
 */
export const date = (field: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? new Date(Number.NaN) : value),
    z.coerce.date({
      error: `Das Feld „${field}“ ist kein gültiges Datum. Schreiben Sie es als JJJJ-MM-TT, z. B. 2024-01-01.`,
    }),
  );

export const email = (field: string) =>
  z.email({ error: `Das Feld „${field}“ ist keine gültige E-Mail-Adresse, z. B. name@digitales.nrw.de.` });

export const httpsUrl = (field: string) =>
  z.url({ protocol: /^https?$/, error: `Das Feld „${field}“ ist keine gültige Adresse. Beginnen Sie sie mit https://.` });

export const year = (field: string) =>
  z
    .number({ error: `Das Feld „${field}“ braucht eine Jahreszahl, z. B. 2023.` })
    .int({ error: `Das Feld „${field}“ braucht eine Jahreszahl, z. B. 2023.` })
    .min(1990, { error: `Das Feld „${field}“ braucht eine Jahreszahl, z. B. 2023.` })
    .max(2100, { error: `Das Feld „${field}“ braucht eine Jahreszahl, z. B. 2023.` });

/** A source a fact was taken from. */
export const source = z.object({
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
export const stand = date('stand').optional();
