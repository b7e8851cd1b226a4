/**
 * Loads the content collections once per build, resolves references, reads the download files and
 * fails the build on a broken reference or a missing file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { integrityProblems } from '../lib/integrity.ts';
import { readFileInfo, type FileInfo } from '../lib/file-info.ts';

/** Download files; the build runs from the project root. */
const downloadsDir = join(process.cwd(), 'public', 'downloads');

export type Download = CollectionEntry<'downloads'> & { file: FileInfo; href: string };
export type Contact = CollectionEntry<'contacts'> & { email: string };
export type Offer = CollectionEntry<'offers'> & {
  href: string;
  downloads: Download[];
  contacts: Contact[];
  document: Download;
};

export interface Portal {
  site: CollectionEntry<'site'>['data'];
  offers: Offer[];
  news: CollectionEntry<'news'>[];
  pages: CollectionEntry<'pages'>[];
  contacts: Contact[];
  downloads: Download[];
}

const byOrder = <T extends { data: { reihenfolge: number } }>(a: T, b: T) => a.data.reihenfolge - b.data.reihenfolge;

async function load(): Promise<Portal> {
  const [siteEntries, offerEntries, contactEntries, downloadEntries, news, pages] = await Promise.all([
    getCollection('site'),
    getCollection('offers'),
    getCollection('contacts'),
    getCollection('downloads'),
    getCollection('news'),
    getCollection('pages'),
  ]);
  if (siteEntries.length !== 1 || !siteEntries[0]) {
    throw new Error('content/site/ muss genau eine Datei site.yaml mit den Angaben zur Organisation enthalten.');
  }
  const site = siteEntries[0].data;

  const problems = integrityProblems({
    offers: offerEntries.map((o) => ({ id: o.id, ...o.data })),
    contactIds: new Set(contactEntries.map((c) => c.id)),
    downloads: downloadEntries.map((d) => ({ id: d.id, datei: d.data.datei })),
    fileExists: (datei) => existsSync(join(downloadsDir, datei)),
  });
  if (problems.length > 0) {
    throw new Error(`Der Inhalt hat ${problems.length} Fehler:\n- ${problems.join('\n- ')}`);
  }

  const downloads: Download[] = await Promise.all(
    downloadEntries.sort(byOrder).map(async (d) => ({
      ...d,
      file: await readFileInfo(join(downloadsDir, d.data.datei)),
      href: `/downloads/${d.data.datei}`,
    })),
  );
  const contacts: Contact[] = contactEntries.sort(byOrder).map((c) => ({ ...c, email: c.data.email ?? site.organisation.postfach }));
  const downloadById = new Map(downloads.map((d) => [d.id, d]));
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  const pick = <T>(map: Map<string, T>, id: string): T => {
    const found = map.get(id);
    if (!found) throw new Error(`Verweis auf „${id}“ nicht gefunden.`);
    return found;
  };

  const offers: Offer[] = offerEntries.sort(byOrder).map((o) => ({
    ...o,
    href: `/angebote/${o.id}/`,
    downloads: o.data.downloads.map((r) => pick(downloadById, r.id)),
    contacts: o.data.kontakte.map((r) => pick(contactById, r.id)),
    document: pick(downloadById, o.data.einreichung.dokument.id),
  }));

  return {
    site,
    offers,
    news: news.sort((a, b) => b.data.datum.getTime() - a.data.datum.getTime()),
    pages,
    contacts,
    downloads,
  };
}

let cached: Promise<Portal> | undefined;

/** The whole portal's content, loaded and checked once per build. */
export function loadPortal(): Promise<Portal> {
  cached ??= load();
  return cached;
}
