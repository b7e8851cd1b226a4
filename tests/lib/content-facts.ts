/**
 * The facts of a content folder, for tests that check that a page shows every fact of its content
 * file (offer facts, dates, notices): site.yaml and the offers, read from the files through the
 * build's zod schemas (src/lib/content-schemas.ts). This reader exists for the tests only: the
 * build reads the content through Astro's content layer (and has checked it), the server only what
 * the build wrote (content.json).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { parseFrontmatter } from 'astro/markdown';
import { entryId } from '../../src/lib/content-paths.ts';
import { offerSchema, plainRef, siteSchema, type OfferData, type SiteData } from '../../src/lib/content-schemas.ts';

export interface ContentFacts {
  readonly site: SiteData;
  /** Every offer, in the order of the lists on the site (`reihenfolge`, then id). */
  readonly offers: readonly (OfferData & { readonly id: string })[];
}

/** The site facts and offers of a content folder, parsed with the build's schemas. */
export function contentFacts(contentDir: string): ContentFacts {
  const site = siteSchema.parse(load(readFileSync(join(contentDir, 'site', 'site.yaml'), 'utf8')));
  const folder = join(contentDir, 'offers');
  const files = existsSync(folder) ? readdirSync(folder).filter((name) => !name.startsWith('.') && /\.mdx?$/.test(name)) : [];
  const offers = files.map((name) => ({
    ...offerSchema(plainRef).parse(parseFrontmatter(readFileSync(join(folder, name), 'utf8'), { frontmatter: 'empty-with-spaces' }).frontmatter),
    id: entryId(name),
  }));
  return { site, offers: offers.sort((a, b) => a.reihenfolge - b.reihenfolge || a.id.localeCompare(b.id)) };
}

/** The fixture content's facts (tests/fixtures/content). */
export const fixture = contentFacts(join(import.meta.dirname, '..', 'fixtures', 'content'));
