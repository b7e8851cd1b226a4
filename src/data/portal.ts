/**
 * Loads the content collections once per build, resolves references, reads the download files and
 * fails the build on a broken reference or a missing file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { formCatalogue, interesseMeta, offerPageTexts, readFormKeys, type FormKeys, type FormMeta } from '../../shared/forms/index.ts';
import { displayPath, readContentPaths } from '../lib/content-paths.ts';
import { integrityProblems, markdownComponentProblems, siteFileProblem, titleProblems, sameTextProblems } from '../lib/integrity.ts';
import { readFileInfo, type FileInfo } from '../lib/file-info.ts';
import { offerPath } from '../../shared/lib/routes.ts';
import { isPublished } from '../lib/drafts.ts';

const { contentDir, downloadsDir } = readContentPaths();

export type Download = CollectionEntry<'downloads'> & { file: FileInfo; href: string };
export type Contact = CollectionEntry<'contacts'> & { email: string };
export type Offer = CollectionEntry<'offers'> & {
  href: string;
  /** The offer's interest form. */
  form: FormMeta;
  downloads: Download[];
  contacts: Contact[];
  document: Download;
};

/** A published news item: one with a `datum` (the others are drafts, src/lib/drafts.ts). */
export type NewsItem = CollectionEntry<'news'> & { data: { datum: Date } };

export interface Portal {
  site: CollectionEntry<'site'>['data'];
  offers: Offer[];
  /** Published news, newest first; drafts are left out. */
  news: NewsItem[];
  pages: CollectionEntry<'pages'>[];
  contacts: Contact[];
  downloads: Download[];
  /** Every form: the offers' interest forms in the order of the offers, then the barrier report. */
  forms: FormMeta[];
  /** The key each form posts to (PUBLIC_FORM_KEY_<FORM>, default the form's name). */
  formKeys: FormKeys['keyOf'];
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
  const siteProblem = siteFileProblem(siteEntries.length, join(displayPath(contentDir), 'site'));
  if (siteProblem !== undefined || !siteEntries[0]) throw new Error(siteProblem);
  const site = siteEntries[0].data;

  // Astro gives each entry's file relative to the project, as editors know it.
  const file = (entry: { filePath?: string | undefined; id: string }) => entry.filePath ?? entry.id;
  const problems = integrityProblems({
    offers: offerEntries.map((o) => ({ ...o.data, id: o.id, file: file(o) })),
    contactIds: new Set(contactEntries.map((c) => c.id)),
    downloads: downloadEntries.map((d) => ({ id: d.id, file: file(d), datei: d.data.datei })),
    folders: { contacts: join(displayPath(contentDir), 'contacts'), downloads: join(displayPath(contentDir), 'downloads'), files: displayPath(downloadsDir) },
    fileExists: (datei) => existsSync(join(downloadsDir, datei)),
  });
  const pageTexts = [
    ...offerEntries.map((o) => offerPageTexts(file(o), { ...o.data, id: o.id })),
    ...[...news, ...pages].map((entry) => ({ file: file(entry), titel: entry.data.titel, titles: [entry.data.titel], description: { field: 'beschreibung', text: entry.data.beschreibung } })),
  ];
  problems.push(...titleProblems(pageTexts, site.portalName), ...sameTextProblems(pageTexts));
  problems.push(...markdownComponentProblems([...offerEntries, ...news, ...pages].map((entry) => ({ file: file(entry), body: entry.body }))));
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
    href: offerPath(o.id),
    form: interesseMeta({ ...o.data, id: o.id }),
    downloads: o.data.downloads.map((r) => pick(downloadById, r.id)),
    contacts: o.data.kontakte.map((r) => pick(contactById, r.id)),
    document: pick(downloadById, o.data.einreichung.dokument.id),
  }));

  const forms = formCatalogue(offers.map((o) => o.form));
  const formKeys = readFormKeys(forms.map((form) => form.name), import.meta.env as Record<string, unknown>, 'build');
  if (formKeys.problems.length > 0) throw new Error(`Die Formular-Schlüssel sind falsch eingestellt:\n- ${formKeys.problems.join('\n- ')}`);

  return {
    site,
    offers,
    forms,
    formKeys: formKeys.keyOf,
    news: news
      .filter((item): item is NewsItem => isPublished(item.data))
      .sort((a, b) => b.data.datum.getTime() - a.data.datum.getTime()),
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

/** getStaticPaths() of the pages that exist once per offer: /angebote/<id>/…, with the offer as prop. */
export async function offerStaticPaths(): Promise<{ params: { offer: string }; props: { offer: Offer } }[]> {
  const { offers } = await loadPortal();
  return offers.map((offer) => ({ params: { offer: offer.id }, props: { offer } }));
}
