/**
 * Reads what the server needs from the editors' content through the build's own zod schemas
 * (src/lib/content-schemas.ts) and the build's own checks (src/lib/integrity.ts): the site facts
 * (the organisation's mailbox for the default recipient and the mailto fallback) and every offer
 * (one interest form each). Frontmatter is split and parsed by Astro's own parseFrontmatter (frontmatter() of checked.ts), YAML
 * files by js-yaml as Astro reads them; so whatever the build rejects, the server rejects too,
 * with the same German message, and refuses to start.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { ZodType } from 'astro/zod';
import { offerPageTexts, type OfferForForm } from '../src/forms/index.ts';
import { COLLECTION_PATTERNS, displayPath, entryId, filesOfContent } from '../src/lib/content-paths.ts';
import { contactSchema, downloadSchema, offerSchema, plainRef, siteSchema, type OfferData, type SiteData } from '../src/lib/content-schemas.ts';
import { integrityProblems, sameTextProblems, siteFileProblem, titleProblems } from '../src/lib/integrity.ts';
import { frontmatter } from '../src/lib/checked.ts';

/** The facts of content/site/site.yaml the server uses. */
export interface SiteFacts {
  readonly portalName: string;
  readonly postfach: string;
}

export type ServerOffer = OfferData & OfferForForm;

export interface ServerContent {
  readonly site: SiteData;
  /** Every offer, in the order of the lists on the site (`reihenfolge`, then id). */
  readonly offers: readonly ServerOffer[];
}

/** The content does not pass the build's schemas or checks; the message lists every problem. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
}

interface Entry {
  readonly id: string;
  /** The file as an editor knows it (relative to the project). */
  readonly file: string;
  readonly data: unknown;
}

/** The files of one collection folder that the build's glob pattern takes (no hidden files). */
function entries(dir: string, collection: keyof typeof COLLECTION_PATTERNS, read: (text: string) => unknown): Entry[] {
  const folder = join(dir, collection);
  const extension = collection === 'offers' ? /\.mdx?$/ : /\.yaml$/;
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.') && extension.test(name))
    .sort()
    .map((name) => ({ id: entryId(name), file: displayPath(join(folder, name)), data: read(readFileSync(join(folder, name), 'utf8')) }));
}


/** Parses every entry with its schema; problems name file, field path and the schema's German message. */
function parsed<T>(list: readonly Entry[], schema: ZodType<T>, problems: string[]): (Entry & { data: T })[] {
  return list.flatMap((entry) => {
    const result = schema.safeParse(entry.data);
    if (result.success) return [{ ...entry, data: result.data }];
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      problems.push(`${entry.file}${path === '' ? '' : `, ${path}`}: ${issue.message}`);
    }
    return [];
  });
}

export function readContent(contentDir: string): ServerContent {
  const { downloadsDir } = filesOfContent(contentDir);
  const problems: string[] = [];
  const read = <T>(collection: keyof typeof COLLECTION_PATTERNS, schema: ZodType<T>, parse: (text: string) => unknown) => {
    try {
      return parsed(entries(contentDir, collection, parse), schema, problems);
    } catch (error) {
      problems.push(`${displayPath(join(contentDir, collection))}: ${(error as Error).message}`);
      return [];
    }
  };
  const sites = read('site', siteSchema, (text) => load(text));
  const offers = read('offers', offerSchema(plainRef), frontmatter);
  const contacts = read('contacts', contactSchema, (text) => load(text));
  const downloads = read('downloads', downloadSchema, (text) => load(text));
  const siteProblem = siteFileProblem(sites.length, displayPath(join(contentDir, 'site')));
  if (siteProblem !== undefined && problems.length === 0) problems.push(siteProblem);
  problems.push(
    ...integrityProblems({
      offers: offers.map((o) => ({ ...o.data, id: o.id, file: o.file })),
      contactIds: new Set(contacts.map((c) => c.id)),
      downloads: downloads.map((d) => ({ id: d.id, file: d.file, datei: d.data.datei })),
      folders: { contacts: displayPath(join(contentDir, 'contacts')), downloads: displayPath(join(contentDir, 'downloads')), files: displayPath(downloadsDir) },
      fileExists: (datei) => existsSync(join(downloadsDir, datei)),
    }),
  );
  const site = sites[0]?.data;
  if (site !== undefined) {
    const titles = offers.map((o) => offerPageTexts(o.file, { ...o.data, id: o.id }));
    problems.push(...titleProblems(titles, site.portalName), ...sameTextProblems(titles));
  }
  if (problems.length > 0 || site === undefined) {
    throw new ContentError(`Der Inhalt in ${displayPath(contentDir)} hat ${problems.length} Fehler:\n- ${problems.join('\n- ')}`);
  }
  const ordered = offers.sort((a, b) => a.data.reihenfolge - b.data.reihenfolge || a.id.localeCompare(b.id));
  return { site, offers: ordered.map((o) => ({ ...o.data, id: o.id })) };
}

/** The site facts the server's configuration uses. */
export function siteFacts(site: SiteData): SiteFacts {
  return { portalName: site.portalName, postfach: site.organisation.postfach };
}
