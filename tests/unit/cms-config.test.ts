/**
 * The editing UI's configuration comes from the content schemas (src/cms/): every schema field has
 * exactly one CMS field, with a German label and hint, and the CMS field says what the schema
 * requires (required or not, limits, references, dates as JJJJ-MM-TT); a schema field without
 * texts, or texts for a field the schema does not have, stops the generator.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { cmsBackend } from '../../src/cms/backend.ts';
import { CMS_COLLECTIONS } from '../../src/cms/collections.ts';
import { cmsConfig } from '../../src/cms/config.ts';
import { markedRef, objectFields, type CmsField } from '../../src/cms/fields.ts';
import { contactSchema, downloadSchema, newsSchema, offerSchema, pageSchema, plainRef, siteSchema } from '../../src/lib/content-schemas.ts';
import { readCmsEnv } from '../../shared/lib/env.ts';

const root = '/projekt';
const config = cmsConfig({
  backend: cmsBackend(readCmsEnv({}), 'https://portal.example'),
  paths: { contentDir: `${root}/content`, downloadsDir: `${root}/public/downloads` },
  root,
  siteUrl: 'https://portal.example',
  portalName: 'Portal',
});
type Collection = { name: string; folder?: string; extension?: string; fields?: CmsField[]; files?: { file: string; fields: CmsField[] }[] };
const collections = config['collections'] as Collection[];
const collection = (name: string): Collection => {
  const found = collections.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no collection ${name}`);
  return found;
};
const fieldsOf = (name: string): CmsField[] => collection(name).fields ?? collection(name).files?.[0]?.fields ?? [];

/** Every field path of a zod object schema, walked independently of the generator. */
function schemaPaths(schema: unknown, prefix = ''): string[] {
  let inner = schema as { _zod: { def: Record<string, unknown> & { type: string } } };
  while (['optional', 'default'].includes(inner._zod.def.type)) inner = inner._zod.def['innerType'] as typeof inner;
  const def = inner._zod.def;
  if (def.type === 'array') {
    const element = def['element'] as typeof inner;
    return element._zod.def.type === 'object' ? schemaPaths(element, prefix) : [];
  }
  if (def.type !== 'object') return [];
  return Object.entries(def['shape'] as Record<string, unknown>).flatMap(([name, field]) => [`${prefix}${name}`, ...schemaPaths(field, `${prefix}${name}.`)]);
}

/** Every field path of the generated CMS fields (the text body aside). */
function cmsPaths(fields: readonly CmsField[], prefix = ''): string[] {
  return fields
    .filter((f) => !(prefix === '' && f.name === 'body'))
    .flatMap((f) => [`${prefix}${f.name}`, ...cmsPaths((f['fields'] as CmsField[] | undefined) ?? [], `${prefix}${f.name}.`)]);
}

const allFields = (fields: readonly CmsField[]): CmsField[] => fields.flatMap((f) => [f, ...allFields((f['fields'] as CmsField[] | undefined) ?? [])]);

describe('the CMS configuration, generated from the content schemas', () => {
  it.each([
    ['offers', offerSchema(plainRef)],
    ['offers-mdx', offerSchema(plainRef)],
    ['contacts', contactSchema],
    ['downloads', downloadSchema],
    ['news', newsSchema],
    ['pages', pageSchema],
    ['site', siteSchema],
  ] as const)('%s: one CMS field for every schema field and no other', (name, schema) => {
    expect(cmsPaths(fieldsOf(name)).sort()).toEqual(schemaPaths(schema).sort());
  });

  it('gives every field a German label and hint', () => {
    for (const c of collections) {
      for (const f of allFields(c.fields ?? c.files?.[0]?.fields ?? [])) {
        expect(f.label, `${c.name}.${f.name}`).toMatch(/\S/);
        expect(f['hint'], `${c.name}.${f.name}`).toMatch(/\S/);
      }
    }
  });

  it('refuses a schema field without texts, and texts for a field the schema lacks', () => {
    const options = { relations: { contacts: { collection: 'c', displayField: 'name' }, downloads: { collection: 'd', displayField: 'titel' } } };
    const schema = z.object({ titel: z.string(), neu: z.string() });
    expect(() => objectFields(schema, { titel: { label: 'Titel', hint: 'H' } }, options)).toThrow('Das Feld „neu“ hat keine Beschriftung');
    expect(() => objectFields(schema, { titel: { label: 'T', hint: 'H' }, neu: { label: 'N', hint: 'H' }, alt: { label: 'A', hint: 'H' } }, options)).toThrow(
      'Texte für Felder, die das Schema nicht hat: alt',
    );
    expect(() => objectFields(z.object({ wann: z.bigint() }), { wann: { label: 'W', hint: 'H' } }, options)).toThrow('für den es kein Feld der Redaktionsoberfläche gibt');
  });

  it('marks what the schema requires, its limits and allowed values', () => {
    const options = { relations: { contacts: { collection: 'kontakte', displayField: 'name' }, downloads: { collection: 'dl', displayField: 'titel' } } };
    const [art, anzahl, plz, ja, mail, wann, liste, wer, welche] = objectFields(
      z.object({
        art: z.enum(['a', 'b']),
        anzahl: z.number().int().min(1).max(9).optional(),
        plz: z.string().regex(/^\d{5}$/),
        ja: z.boolean().default(false),
        mail: z.email(),
        wann: z.preprocess((v) => v, z.coerce.date()),
        liste: z.array(z.string()).min(2),
        wer: markedRef('contacts'),
        welche: z.array(markedRef('downloads')).default([]),
      }),
      Object.fromEntries(['art', 'anzahl', 'plz', 'ja', 'mail', 'wann', 'liste', 'wer', 'welche'].map((n) => [n, { label: n, hint: `Hinweis ${n}` }])),
      options,
    );
    expect(art).toMatchObject({ widget: 'select', options: ['a', 'b'] });
    expect(art).not.toHaveProperty('required');
    expect(anzahl).toMatchObject({ widget: 'number', value_type: 'int', min: 1, max: 9, required: false });
    expect(plz).toMatchObject({ widget: 'string', pattern: ['^\\d{5}$', 'Hinweis plz'] });
    expect(ja).toMatchObject({ widget: 'boolean', required: false, default: false });
    expect(mail).toMatchObject({ widget: 'string', type: 'email' });
    expect(wann).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
    expect(liste).toMatchObject({ widget: 'list', min: 2, field: { widget: 'string' } });
    expect(wer).toMatchObject({ widget: 'relation', collection: 'kontakte', value_field: '{{slug}}' });
    expect(welche).toMatchObject({ widget: 'relation', collection: 'dl', multiple: true, required: false });
  });

  it('writes references as relations, PDFs into the downloads folder the build reads, and descriptions with their length', () => {
    const offer = fieldsOf('offers');
    expect(offer.find((f) => f.name === 'kontakte')).toMatchObject({ widget: 'relation', collection: CMS_COLLECTIONS.contacts, multiple: true, min: 1 });
    expect(offer.find((f) => f.name === 'kurzbeschreibung')).toMatchObject({ minlength: 21, maxlength: 160 });
    expect(fieldsOf('downloads').find((f) => f.name === 'datei')).toMatchObject({ widget: 'file', media_folder: '/public/downloads', public_folder: '' });
    expect(collection('offers')).toMatchObject({ folder: 'content/offers', extension: 'md' });
    expect(collection('offers-mdx')).toMatchObject({ folder: 'content/offers', extension: 'mdx' });
    expect(collection('site').files?.[0]?.file).toBe('content/site/site.yaml');
  });
});
