/**
 * The fields of the editing UI, generated from the content schemas (src/lib/content-schemas.ts):
 * each schema field becomes one field of Sveltia CMS with its type, whether it is required, its
 * limits (length, pattern, numbers, list sizes), references as relation fields and dates as
 * JJJJ-MM-TT. The German label and hint of every field come from src/strings/cms.ts; a schema field
 * without one, or a text for a field the schema does not have, stops the build.
 */
import { z } from 'astro/zod';
import type { RefFactory } from '../lib/content-schemas.ts';
import type { FieldText, FieldTexts } from '../strings/cms.ts';

/** A field of the CMS configuration (a plain object, written into config.yml). */
export type CmsField = Readonly<Record<string, unknown>> & { readonly name: string; readonly label: string; readonly widget: string };


/** Which collection of the editing UI a reference points to, and the field that names its entries. */
export interface RelationTarget {
  readonly collection: string;
  readonly displayField: string;
}

export interface FieldOptions {
  /** Where references to contacts and downloads point. */
  readonly relations: Readonly<Record<'contacts' | 'downloads', RelationTarget>>;
  /** Dotted paths of text fields edited in a text area (several lines) instead of one line. */
  readonly multiline?: ReadonlySet<string>;
  /** Dotted paths whose field is set here instead of from its type (e. g. a file upload). */
  readonly widgets?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** References as `reference()` builds them, marked so the generator sees which collection they name. */
export const markedRef: RefFactory = (collection) =>
  z
    .string()
    .transform((id) => ({ collection, id }))
    .meta({ cmsRelation: collection });

/** Date fields: stored as JJJJ-MM-TT (the schema's date()), shown as TT.MM.JJJJ. */
const DATE_FIELD = { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'DD.MM.YYYY', time_format: false } as const;

type Def = { type: string } & Record<string, unknown>;
type Check = { _zod: { def: Record<string, unknown> } };

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Record<string, unknown>[] => ((def['checks'] as Check[] | undefined) ?? []).map((c) => c._zod.def);
const relationOf = (schema: unknown): 'contacts' | 'downloads' | undefined =>
  (z.globalRegistry.get(schema as z.ZodType) as { cmsRelation?: 'contacts' | 'downloads' } | undefined)?.cmsRelation;

/** What lies inside optional(), default() and the like, and what they say about the field. */
function unwrap(schema: unknown): { inner: unknown; required: boolean; fallback: unknown } {
  let inner = schema;
  let required = true;
  let fallback: unknown;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional') required = false;
    else if (def.type === 'default') {
      required = false;
      fallback = def['defaultValue'];
    } else break;
    inner = def['innerType'];
  }
  return { inner, required, fallback };
}

/** Length, pattern and format limits of a string schema as options of a text field. */
function stringLimits(def: Def): Record<string, unknown> {
  const limits: Record<string, unknown> = {};
  for (const check of checksOf(def)) {
    if (check['check'] === 'min_length' && Number(check['minimum']) > 1) limits['minlength'] = check['minimum'];
    if (check['check'] === 'max_length') limits['maxlength'] = check['maximum'];
    if (check['check'] === 'string_format' && check['pattern'] instanceof RegExp) limits['pattern'] = check['pattern'];
  }
  if (def['format'] === 'email') limits['type'] = 'email';
  if (def['format'] === 'url') limits['type'] = 'url';
  return limits;
}

/** Bounds of a number schema (z.int().min().max(), positive()). */
function numberLimits(def: Def): Record<string, unknown> {
  const limits: Record<string, unknown> = { value_type: 'float' };
  for (const check of checksOf(def)) {
    if (check['check'] === 'number_format' && String(check['format']).endsWith('int')) limits['value_type'] = 'int';
    const value = Number(check['value']);
    if (check['check'] === 'greater_than') limits['min'] = check['inclusive'] === true ? value : value + 1;
    if (check['check'] === 'less_than') limits['max'] = check['inclusive'] === true ? value : value - 1;
  }
  return limits;
}

/** The smallest number of items a list needs. */
const minItems = (def: Def): number | undefined =>
  checksOf(def).find((c) => c['check'] === 'min_length')?.['minimum'] as number | undefined;

/** The CMS field for one schema field (`path` as dotted names, for messages and options). */
function field(name: string, schema: unknown, text: FieldText, options: FieldOptions, path: string): CmsField {
  const { inner, required, fallback } = unwrap(schema);
  const base = {
    name,
    label: text.label,
    ...(text.hint === '' ? {} : { hint: text.hint }),
    ...(required ? {} : { required: false }),
    ...(fallback === undefined || (Array.isArray(fallback) && fallback.length === 0) ? {} : { default: fallback }),
  };
  const override = options.widgets?.[path];
  if (override !== undefined) return { ...base, ...override } as CmsField;
  const def = defOf(inner);
  const relation = relationOf(inner);
  if (relation !== undefined) return { ...base, ...relationField(options.relations[relation]) };
  switch (def.type) {
    case 'string': {
      const limits = stringLimits(def);
      const pattern = limits['pattern'] as RegExp | undefined;
      delete limits['pattern'];
      return {
        ...base,
        widget: options.multiline?.has(path) ? 'text' : 'string',
        ...limits,
        ...(pattern === undefined ? {} : { pattern: [pattern.source, text.hint] }),
      };
    }
    case 'number':
      return { ...base, widget: 'number', ...numberLimits(def) };
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'enum':
      return { ...base, widget: 'select', options: Object.values(def['entries'] as Record<string, string>) };
    case 'date':
      return { ...base, ...DATE_FIELD };
    case 'pipe': {
      // z.preprocess(…, z.coerce.date()) (the schema's date()): a transform into a date.
      if (defOf(def['out']).type === 'date') return { ...base, ...DATE_FIELD };
      break;
    }
    case 'object':
      return { ...base, widget: 'object', fields: objectFields(inner, text.fields ?? {}, options, path) };
    case 'array':
      return { ...base, ...listField(def, text, options, path) };
  }
  throw new Error(`src/cms/fields.ts: Das Feld „${path}“ hat einen Typ (${def.type}), für den es kein Feld der Redaktionsoberfläche gibt.`);
}

function relationField(target: RelationTarget): { widget: string } & Record<string, unknown> {
  return {
    widget: 'relation',
    collection: target.collection,
    value_field: '{{slug}}',
    search_fields: [target.displayField],
    display_fields: [target.displayField],
  };
}

/** A list: of references (a relation field with several values), of texts, or of objects. */
function listField(def: Def, text: FieldText, options: FieldOptions, path: string): { widget: string } & Record<string, unknown> {
  const element = def['element'];
  const min = minItems(def);
  const bounds = min === undefined ? {} : { min };
  const relation = relationOf(element);
  if (relation !== undefined) return { ...relationField(options.relations[relation]), multiple: true, ...bounds };
  const item = text.item === undefined ? {} : { label_singular: text.item };
  if (defOf(element).type === 'object') {
    return { widget: 'list', ...item, ...bounds, fields: objectFields(element, text.fields ?? {}, options, path) };
  }
  // A list of single values: one field for every item, named like the list; the list carries the hint.
  const single = field(path.split('.').at(-1) ?? path, element, { label: text.item ?? text.label, hint: '' }, options, path);
  return { widget: 'list', ...item, ...bounds, field: single };
}

/** The fields of an object schema, in its order, each with its German texts. */
export function objectFields(schema: unknown, texts: FieldTexts, options: FieldOptions, path = ''): CmsField[] {
  const def = defOf(schema);
  if (def.type !== 'object') throw new Error(`src/cms/fields.ts: „${path || 'Schema'}“ ist kein Objekt.`);
  const shape = def['shape'] as Record<string, unknown>;
  const unknown = Object.keys(texts).filter((name) => !(name in shape));
  if (unknown.length > 0) {
    throw new Error(`src/strings/cms.ts: Texte für Felder, die das Schema nicht hat: ${unknown.map((n) => (path ? `${path}.${n}` : n)).join(', ')}.`);
  }
  return Object.entries(shape).map(([name, schemaField]) => {
    const fieldPath = path ? `${path}.${name}` : name;
    const text = texts[name];
    if (text === undefined) throw new Error(`src/strings/cms.ts: Das Feld „${fieldPath}“ hat keine Beschriftung für die Redaktionsoberfläche.`);
    return field(name, schemaField, text, options, fieldPath);
  });
}
