/**
 * Checks that Astro does not make: a reference to a contact or download that does not exist, and a
 * download whose file is missing, and cost phases out of order. Astro 7 only logs a dangling
 * reference; we fail the build.
 */

import { phaseOrderProblems, type Phase } from './cost-phases.ts';

export interface RefLike {
  collection: string;
  id: string;
}

export interface OfferRefs {
  id: string;
  downloads: readonly RefLike[];
  kontakte: readonly RefLike[];
  einreichung: { dokument: RefLike };
  kostenphasen?: readonly Phase[];
}

export interface IntegrityInput {
  offers: readonly OfferRefs[];
  contactIds: ReadonlySet<string>;
  downloads: readonly { id: string; datei: string }[];
  /** Whether public/downloads/<datei> exists. */
  fileExists: (datei: string) => boolean;
}

/** German problems, each naming the file and the field; empty when everything is in place. */
export function integrityProblems(input: IntegrityInput): string[] {
  const problems: string[] = [];
  const downloadIds = new Set(input.downloads.map((d) => d.id));
  const known = { contacts: input.contactIds, downloads: downloadIds } as const;
  const folder = { contacts: 'content/contacts', downloads: 'content/downloads' } as const;

  const check = (offerId: string, field: string, ref: RefLike, collection: 'contacts' | 'downloads') => {
    if (!known[collection].has(ref.id)) {
      problems.push(
        `content/offers/${offerId}.mdx, Feld „${field}“: „${ref.id}“ gibt es nicht. ` +
          `Legen Sie ${folder[collection]}/${ref.id}.yaml an oder korrigieren Sie den Namen.`,
      );
    }
  };

  for (const offer of input.offers) {
    offer.downloads.forEach((ref) => check(offer.id, 'downloads', ref, 'downloads'));
    offer.kontakte.forEach((ref) => check(offer.id, 'kontakte', ref, 'contacts'));
    check(offer.id, 'einreichung → dokument', offer.einreichung.dokument, 'downloads');
    for (const problem of phaseOrderProblems(offer.kostenphasen ?? [])) {
      problems.push(`content/offers/${offer.id}.mdx, Feld „kostenphasen“: ${problem}`);
    }
  }
  for (const download of input.downloads) {
    if (!input.fileExists(download.datei)) {
      problems.push(
        `content/downloads/${download.id}.yaml, Feld „datei“: Die Datei public/downloads/${download.datei} fehlt. ` +
          'Legen Sie die Datei dort ab oder korrigieren Sie den Dateinamen.',
      );
    }
  }
  return problems;
}
