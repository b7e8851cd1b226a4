/**
 * What is still open, for editors (/redaktion/offen/): every editorial gap and every page without a
 * "Stand der Angaben", as the build lists them in its log (gaps.ts, checked.ts), each with the file,
 * the field by its German label in the editing UI, and the address where that entry is edited.
 */
import { load } from 'js-yaml';
import { CHECKED_COLLECTIONS, frontmatter, isChecked } from '../lib/checked.ts';
import type { ContentFile } from '../lib/content-files.ts';
import { entryId } from '../lib/content-paths.ts';
import { findGaps } from '../../shared/lib/gaps.ts';
import { cmsCollectionTexts, cmsFieldTexts, type FieldTexts } from '../strings/cms.ts';
import { CMS_COLLECTIONS } from './collections.ts';

export interface OpenItem {
  /** The file as an editor knows it, e. g. content/site/site.yaml. */
  readonly file: string;
  /** The field by its German label, e. g. "Organisation → Telefon", or the text of the page. */
  readonly field: string;
  /** What is missing (a gap), or undefined (no Stand der Angaben). */
  readonly what?: string;
  /** Where the entry is edited in the editing UI. */
  readonly editUrl: string;
}

type Leaf = readonly [path: readonly (string | number)[], value: string];

/** Every text value of parsed data with its key path, in order. */
function leaves(value: unknown, path: readonly (string | number)[] = []): Leaf[] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [];
}

/** A key path as the editing UI labels it: "Offene Fragen → 3. Frage → Antwort". */
function label(texts: FieldTexts, path: readonly (string | number)[]): string {
  const parts: string[] = [];
  let current: FieldTexts | undefined = texts;
  let list: { label: string; item?: string } | undefined;
  for (const step of path) {
    if (typeof step === 'number') {
      parts.push(`${step + 1}. ${list?.item ?? list?.label ?? ''}`.trim());
      continue;
    }
    const text: FieldTexts[string] | undefined = current?.[step];
    parts.push(text?.label ?? step);
    list = text;
    current = text?.fields;
  }
  return parts.join(' → ');
}

/** The editing UI's address of the entry in `file` (relative to the content folder `contentRoot`). */
function editUrl(file: string, contentRoot: string): string {
  const [collection = '', name = ''] = file.slice(contentRoot.length + 1).split('/');
  const cms =
    collection === 'offers' ? (file.endsWith('.mdx') ? CMS_COLLECTIONS.offersMdx : CMS_COLLECTIONS.offers) : CMS_COLLECTIONS[collection as keyof typeof CMS_COLLECTIONS];
  const entry = collection === 'site' ? 'site' : entryId(name);
  return `/redaktion/#/collections/${cms ?? collection}/entries/${entry}`;
}

/** The open items of the content files below `contentRoot` (relative to the project, e. g. "content"). */
export function openItems(files: readonly ContentFile[], contentRoot: string): OpenItem[] {
  const items: OpenItem[] = [];
  for (const { file, text } of files) {
    const collection = file.slice(contentRoot.length + 1).split('/')[0] ?? '';
    const texts: FieldTexts = (cmsFieldTexts as Record<string, FieldTexts>)[collection] ?? {};
    const isYaml = /\.ya?ml$/.test(file);
    const data = isYaml ? load(text) : frontmatter(text);
    const values = leaves(data);
    const used = new Set<Leaf>();
    for (const gap of findGaps(file, text)) {
      const marker = new RegExp(`\\[LÜCKE:\\s*${gap.what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\]`, 'u');
      const leaf = values.find((l) => !used.has(l) && marker.test(l[1]));
      if (leaf !== undefined) used.add(leaf);
      items.push({ file, field: leaf === undefined ? cmsCollectionTexts.body.label : label(texts, leaf[0]), what: gap.what, editUrl: editUrl(file, contentRoot) });
    }
    if ((CHECKED_COLLECTIONS as readonly string[]).includes(collection) && /\.mdx?$/.test(file) && !isChecked(text)) {
      items.push({ file, field: texts['stand']?.label ?? 'stand', editUrl: editUrl(file, contentRoot) });
    }
  }
  return items;
}
