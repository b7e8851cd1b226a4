/**
 * The collections of the editing UI: which folder of the content each edits, in which file format,
 * how a new entry's file is named, and its fields, generated from the collection's schema
 * (fields.ts) with the German texts of src/strings/cms.ts. Offers are Markdown (.md) unless their
 * text needs a building block (.mdx, REDAKTION.md); the CMS reads one file extension per collection,
 * so they are two collections with the same fields.
 */
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import { contactSchema, downloadSchema, newsSchema, offerSchema, pageSchema, siteSchema } from '../lib/content-schemas.ts';
import { OFFER_ID_PATTERN, type ContentPaths } from '../lib/content-paths.ts';
import { cmsCollectionTexts as texts, cmsFieldTexts } from '../strings/cms.ts';
import { markedRef, objectFields, type CmsField, type FieldOptions } from './fields.ts';

/** The collections' names in the editing UI (they appear in its addresses: #/collections/<name>/entries/<file>). */
export const CMS_COLLECTIONS = {
  offers: 'offers',
  offersMdx: 'offers-mdx',
  contacts: 'contacts',
  downloads: 'downloads',
  news: 'news',
  pages: 'pages',
  site: 'site',
} as const;

/** File extensions the download field accepts (the schema's pattern for `datei`). */
export const DOWNLOAD_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'] as const;

const FIELD_OPTIONS: FieldOptions = {
  relations: {
    contacts: { collection: CMS_COLLECTIONS.contacts, displayField: 'name' },
    downloads: { collection: CMS_COLLECTIONS.downloads, displayField: 'titel' },
  },
  multiline: new Set([
    'kurzbeschreibung',
    'beschreibung',
    'bereitstellung',
    'reifegrad',
    'kostenphasen.beschreibung',
    'schritte.beschreibung',
    'schritte.punkte',
    'hinweisAntragstellende.de.wo',
    'hinweisAntragstellende.en.wo',
    'hinweisAntragstellende.uk.wo',
    'offeneFragen.antwort',
    'quellen.belegt',
    'organisation.wer',
    'organisation.werLeicht',
  ]),
};

/** The ids of the editor components (editor-components.ts) the text of a collection offers. */
export type ComponentIds = readonly string[];

/** Entry files are named from the title; an editor may change the name before the first save. */
function slug(from: string): Record<string, unknown> {
  return {
    identifier_field: from,
    slug: { template: `{{fields.${from}}}`, editable: ['create'], hint: texts.slug.hint, pattern: [OFFER_ID_PATTERN.source, texts.slug.invalid] },
  };
}

function body(components: ComponentIds | null): CmsField {
  const text = components === null ? texts.bodyMarkdown : texts.body;
  return { name: 'body', widget: 'markdown', ...text, modes: ['rich_text', 'raw'], editor_components: components ?? [] };
}

const fields = (schema: z.ZodType, fieldTexts: Parameters<typeof objectFields>[1], options: FieldOptions = FIELD_OPTIONS) => objectFields(schema, fieldTexts, options);

/** Every collection of the editing UI for the content in `paths`, seen from the project root `root`. */
export function cmsCollections(paths: Pick<ContentPaths, 'contentDir' | 'downloadsDir'>, root: string, components: ComponentIds): Record<string, unknown>[] {
  const folder = (name: string) => relative(root, join(paths.contentDir, name)).split('\\').join('/');
  const frontmatter = { format: 'frontmatter' };
  const yaml = { format: 'yaml', extension: 'yaml' };
  const collection = (key: keyof typeof CMS_COLLECTIONS, options: Record<string, unknown>) => {
    const { label, singular, description } = texts[key === 'offersMdx' ? 'offersMdx' : key];
    return { name: CMS_COLLECTIONS[key], label, label_singular: singular, description, ...options };
  };
  const offerFields = fields(offerSchema(markedRef), cmsFieldTexts.offers);
  const downloadFields = objectFields(downloadSchema, cmsFieldTexts.downloads, {
    ...FIELD_OPTIONS,
    widgets: {
      datei: {
        widget: 'file',
        // Into the folder the build reads; the field holds the bare file name the schema expects.
        media_folder: `/${relative(root, paths.downloadsDir).split('\\').join('/')}`,
        public_folder: '',
        accept: DOWNLOAD_EXTENSIONS.map((e) => `.${e}`).join(','),
        choose_url: false,
      },
    },
  });
  return [
    collection('offers', { folder: folder('offers'), extension: 'md', ...frontmatter, create: true, ...slug('titel'), fields: [...offerFields, body(null)] }),
    collection('offersMdx', { folder: folder('offers'), extension: 'mdx', ...frontmatter, create: true, ...slug('titel'), fields: [...offerFields, body(components)] }),
    collection('contacts', { folder: folder('contacts'), ...yaml, create: true, ...slug('name'), fields: fields(contactSchema, cmsFieldTexts.contacts) }),
    collection('downloads', { folder: folder('downloads'), ...yaml, create: true, ...slug('titel'), fields: downloadFields }),
    collection('news', { folder: folder('news'), extension: 'mdx', ...frontmatter, create: true, ...slug('titel'), fields: [...fields(newsSchema, cmsFieldTexts.news), body(components)] }),
    collection('pages', { folder: folder('pages'), extension: 'mdx', ...frontmatter, create: true, delete: false, ...slug('titel'), fields: [...fields(pageSchema, cmsFieldTexts.pages), body(components)] }),
    collection('site', {
      files: [{ name: 'site', label: texts.siteFile, file: `${folder('site')}/site.yaml`, format: 'yaml', fields: fields(siteSchema, cmsFieldTexts.site) }],
    }),
  ];
}
