/**
 * Where each collection lives. The schemas themselves, with every field documented and every
 * error written for editors, are in src/lib/content-schemas.ts.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
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

export const collections = {
  site: defineCollection({ loader: glob({ pattern: '*.yaml', base: './content/site' }), schema: siteSchema }),
  offers: defineCollection({ loader: glob({ pattern: '*.{md,mdx}', base: './content/offers' }), schema: offerSchema(ref) }),
  contacts: defineCollection({ loader: glob({ pattern: '*.yaml', base: './content/contacts' }), schema: contactSchema }),
  downloads: defineCollection({ loader: glob({ pattern: '*.yaml', base: './content/downloads' }), schema: downloadSchema }),
  news: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/news' }), schema: newsSchema }),
  pages: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/pages' }), schema: pageSchema }),
};
