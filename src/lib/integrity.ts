/**
 * Checks that Astro does not make: a reference to a contact or download that does not exist, a
 * download whose file is missing, cost phases out of order, and an offer file name that cannot be
 * an address. Astro 7 only logs a dangling reference; we fail the build (src/data/portal.ts), so
 * the form server only ever gets checked content (content.json).
 */

import { OFFER_ID_PATTERN } from './content-paths.ts';
import { phaseOrderProblems, type Phase } from './cost-phases.ts';

export interface RefLike {
  collection: string;
  id: string;
}

export interface OfferRefs {
  id: string;
  /** The offer's file as the editor knows it, e. g. content/offers/musterdienst.mdx. */
  file: string;
  downloads: readonly RefLike[];
  kontakte: readonly RefLike[];
  einreichung: { dokument: RefLike };
  kostenphasen?: readonly Phase[];
}

export interface IntegrityInput {
  offers: readonly OfferRefs[];
  contactIds: ReadonlySet<string>;
  downloads: readonly { id: string; file: string; datei: string }[];
  /** The folders as the editor knows them, e. g. content/contacts and public/downloads. */
  folders: { contacts: string; downloads: string; files: string };
  /** Whether <files>/<datei> exists. */
  fileExists: (datei: string) => boolean;
}

/** German problems, each naming the file and the field; empty when everything is in place. */
export function integrityProblems(input: IntegrityInput): string[] {
  const problems: string[] = [];
  const downloadIds = new Set(input.downloads.map((d) => d.id));
  const known = { contacts: input.contactIds, downloads: downloadIds } as const;
  const { folders } = input;

  const check = (offer: OfferRefs, field: string, ref: RefLike, collection: 'contacts' | 'downloads') => {
    if (!known[collection].has(ref.id)) {
      problems.push(
        `${offer.file}, Feld „${field}“: „${ref.id}“ gibt es nicht. ` +
          `Legen Sie ${folders[collection]}/${ref.id}.yaml an oder korrigieren Sie den Namen.`,
      );
    }
  };

  for (const offer of input.offers) {
    if (!OFFER_ID_PATTERN.test(offer.id)) {
      problems.push(
        `${offer.file}: Der Dateiname wird Teil der Adresse des Angebots. Benennen Sie die Datei nur mit ` +
          'Kleinbuchstaben, Ziffern und einzelnen Bindestrichen, ohne Umlaute und Leerzeichen, z. B. wohngeld-antrag.mdx.',
      );
    }
    offer.downloads.forEach((ref) => check(offer, 'downloads', ref, 'downloads'));
    offer.kontakte.forEach((ref) => check(offer, 'kontakte', ref, 'contacts'));
    check(offer, 'einreichung → dokument', offer.einreichung.dokument, 'downloads');
    for (const problem of phaseOrderProblems(offer.kostenphasen ?? [])) {
      problems.push(`${offer.file}, Feld „kostenphasen“: ${problem}`);
    }
  }
  for (const download of input.downloads) {
    if (!input.fileExists(download.datei)) {
      problems.push(
        `${download.file}, Feld „datei“: Die Datei ${folders.files}/${download.datei} fehlt. ` +
          'Legen Sie die Datei dort ab oder korrigieren Sie den Dateinamen.',
      );
    }
  }
  return problems;
}

/** The site facts are one file; any other number of files in `folder` is a problem. */
export function siteFileProblem(count: number, folder: string): string | undefined {
  return count === 1 ? undefined : `${folder}/ muss genau eine Datei site.yaml mit den Angaben zur Organisation enthalten.`;
}

/** The longest page title (with " – <portal name>") search engines show in full; html-validate checks it too. */
const TITLE_MAX = 70;

/** The title of a page as the layout writes it (src/layouts/Page.astro). */
export function fullTitle(title: string, portalName: string): string {
  return `${title} – ${portalName}`;
}

/**
 * Page titles made from an entry's `titel` that would be longer than TITLE_MAX (an offer's page and
 * its form page, a news item, a content page). Each problem names the file and how long `titel` may be.
 */
export function titleProblems(entries: readonly { file: string; titel: string; titles: readonly string[] }[], portalName: string): string[] {
  return entries.flatMap(({ file, titel, titles }) => {
    const longest = titles.map((title) => fullTitle(title, portalName)).sort((a, b) => b.length - a.length)[0] ?? '';
    if (longest.length <= TITLE_MAX) return [];
    const allowed = titel.length - (longest.length - TITLE_MAX);
    return [
      `${file}, Feld „titel“: Der Seitentitel „${longest}“ wäre ${longest.length} Zeichen lang; Suchmaschinen zeigen nur etwa ${TITLE_MAX}. ` +
        `Kürzen Sie „titel“ auf höchstens ${Math.max(allowed, 1)} Zeichen.`,
    ];
  });
}

/** The page texts of a content entry that search results show: its titles and its one-sentence description. */
export interface PageTexts {
  readonly file: string;
  readonly titles: readonly string[];
  /** The description and the frontmatter field it is written in (an offer's `kurzbeschreibung`, else `beschreibung`). */
  readonly description: { readonly field: string; readonly text: string };
}

/**
 * Entries whose page title or description another entry has too: in search results, browser tabs
 * and screen readers' page lists their pages could not be told apart. Each problem names both files
 * and the field as the editor wrote it in the file.
 */
export function sameTextProblems(entries: readonly PageTexts[]): string[] {
  const problems: string[] = [];
  const fields = [
    (entry: PageTexts) => entry.titles.map((text) => ({ field: 'titel', text })),
    (entry: PageTexts) => [entry.description],
  ];
  for (const valuesOf of fields) {
    const firstFile = new Map<string, string>();
    for (const entry of entries) {
      for (const { field, text } of valuesOf(entry)) {
        const first = firstFile.get(text);
        if (first === undefined) firstFile.set(text, entry.file);
        else if (first !== entry.file) {
          problems.push(`${entry.file}, Feld „${field}“: „${text}“ steht schon in ${first}. Jede Seite braucht ihren eigenen Text; ändern Sie eine der beiden.`);
        }
      }
    }
  }
  return problems;
}

/** A component tag such as <Postfach /> or <Fakt feld="…" />: MDX runs it, plain Markdown prints it as an unknown tag. */
const COMPONENT_TAG = /<([A-Z][A-Za-z0-9]*)\b[^>]*>/;

/**
 * Plain Markdown files (.md) whose text uses an MDX component: the page would show nothing where
 * the editor expected the component. Each problem names the file, the component and the fix.
 */
export function markdownComponentProblems(entries: readonly { file: string; body: string | undefined }[]): string[] {
  return entries.flatMap(({ file, body }) => {
    if (!file.endsWith('.md') || body === undefined) return [];
    // Code spans and blocks may show a component's name as an example.
    const text = body.replace(/```[\s\S]*?```|`[^`\n]*`/g, '');
    const tag = COMPONENT_TAG.exec(text)?.[1];
    return tag === undefined
      ? []
      : [`${file}: Der Text nutzt den Baustein <${tag} />, den nur MDX-Dateien kennen. Benennen Sie die Datei in ${file}x um (Endung .mdx).`];
  });
}
