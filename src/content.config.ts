/**
 * Where each collection lives: in the content folder CONTENT_DIR (default content/; tests build
 * tests/fixtures/content), one folder per collection. The schemas themselves, with every field
 * documented and every error written for editors, are in src/lib/content-schemas.ts. The build is
 * the one reader of the content: the form server gets what it needs from the build (content.json,
 * shared/lib/server-files.ts).
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTION_PATTERNS, entryId, readContentPaths } from './lib/content-paths.ts';
import {
  contactSchema,
  downloadSchema,
  newsSchema,
  offerSchema,
  pageSchema,
  siteSchema,
  type RefFactory,
} from './lib/content-schemas.ts';

const ref: RefFactory = (collection) => reference(collection);
const { contentDir } = readContentPaths();
const folder = (name: keyof typeof COLLECTION_PATTERNS) => ({ pattern: COLLECTION_PATTERNS[name], base: pathToFileURL(`${join(contentDir, name)}/`) });
/** The file name is the id, as written (no slugging), so pages, form names and references agree. */
const byFileName = (name: keyof typeof COLLECTION_PATTERNS) => ({ ...folder(name), generateId: ({ entry }: { entry: string }) => entryId(entry) });

export const collections = {
  site: defineCollection({ loader: glob(folder('site')), schema: siteSchema }),
  offers: defineCollection({ loader: glob(byFileName('offers')), schema: offerSchema(ref) }),
  contacts: defineCollection({ loader: glob(byFileName('contacts')), schema: contactSchema }),
  downloads: defineCollection({ loader: glob(byFileName('downloads')), schema: downloadSchema }),
  news: defineCollection({ loader: glob(folder('news')), schema: newsSchema }),
  pages: defineCollection({ loader: glob(folder('pages')), schema: pageSchema }),
};
