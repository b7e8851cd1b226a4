/**
 * The content round trip through the real editing UI: every entry the CMS configuration covers is
 * opened and saved by the CMS itself, on its test backend, with nothing changed in the end. The CMS
 * saves only an entry that changed, so the copy in its test repository carries a mark at the end of
 * the field that names the entry, and the round trip takes the mark away in the editor and saves:
 * the CMS writes the entry's original values its own way. (Where the mark cannot be put into the
 * file's text, the field gets it in the editor, is saved, loses it and is saved again.) What comes
 * back is what an editor's first save writes. The browser test
 * (tests/e2e/cms/round-trip.spec.ts) checks that it loses nothing; `npm run cms:normalise` writes it
 * into content/.
 */
import type { Page } from '@playwright/test';
import { load } from 'js-yaml';
import { field, openEditingUi, openEntry, readTestRepository, saveEntry, type RepositoryFiles } from './cms-browser.ts';

interface CmsCollection {
  name: string;
  folder?: string;
  extension?: string;
  identifier_field?: string;
  fields?: { name: string; label: string }[];
  files?: { name: string; file: string; fields: { name: string; label: string }[] }[];
}

/** An entry of the editing UI: where it is edited, its file, and the field that names it (key and label). */
export interface CmsEntry {
  readonly collection: string;
  readonly entry: string;
  readonly file: string;
  readonly key: string;
  readonly label: string;
}

/** Every entry of `files` that a collection of the configuration `configYaml` (config.yml) covers. */
export function cmsEntries(configYaml: string, files: RepositoryFiles): CmsEntry[] {
  const config = load(configYaml) as { collections: CmsCollection[] };
  const entries: CmsEntry[] = [];
  for (const collection of config.collections) {
    for (const file of collection.files ?? []) {
      const first = file.fields[0];
      if (files.has(file.file) && first !== undefined) entries.push({ collection: collection.name, entry: file.name, file: file.file, key: first.name, label: first.label });
    }
    if (collection.folder === undefined) continue;
    const naming = collection.fields?.find((f) => f.name === collection.identifier_field);
    for (const path of files.keys()) {
      const match = new RegExp(`^${collection.folder}/([^/]+)\\.${collection.extension ?? 'md'}$`).exec(path);
      if (match?.[1] !== undefined && naming !== undefined) entries.push({ collection: collection.name, entry: match[1], file: path, key: naming.name, label: naming.label });
    }
  }
  return entries;
}

/** A mark no content carries, at the end of the naming field. */
const MARK = ' ⁂';

/**
 * The file's text with the mark at the end of the top-level `key`'s value, when that value is a
 * one-line plain or double-quoted scalar (in the frontmatter of Markdown); otherwise undefined.
 */
export function withMark(text: string, key: string): string | undefined {
  const head = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text);
  const [start, end] = head === null ? [0, text.length] : [4, 4 + (head[1]?.length ?? 0)];
  const line = new RegExp(`^(${key}: )(?:"((?:[^"\\\\]|\\\\.)*)"|([^"'>|&*!%@\`{\\[#][^#\\n]*?))[ \\t]*$`, 'm').exec(text.slice(start, end));
  if (line === null) return undefined;
  const at = start + line.index;
  const value = line[2] === undefined ? `${line[3]}${MARK}` : `"${line[2]}${MARK}"`;
  return `${text.slice(0, at)}${line[1]}${value}${text.slice(at + line[0].length)}`;
}

/** Opens and saves every entry through the CMS at `base` and returns the repository as the CMS left it. */
export async function roundTrip(page: Page, files: RepositoryFiles, configYaml: string, base = ''): Promise<{ entries: CmsEntry[]; files: RepositoryFiles }> {
  const entries = cmsEntries(configYaml, files);
  const marked = new Map(files);
  for (const { file, key } of entries) {
    const text = withMark(files.get(file)?.toString('utf8') ?? '', key);
    if (text !== undefined) marked.set(file, Buffer.from(text));
  }
  await openEditingUi(page, marked, base);
  for (const { collection, entry, file, label } of entries) {
    const changes = marked.get(file) === files.get(file) ? [(value: string) => `${value}${MARK}`] : [];
    for (const change of [...changes, (value: string) => value.slice(0, -MARK.length)]) {
      await openEntry(page, collection, entry, base);
      const box = (await field(page, label)).getByRole('textbox', { name: label, exact: true });
      const value = await box.inputValue();
      if (changes.length === 0 && !value.endsWith(MARK)) throw new Error(`${file}: Die Markierung im Feld „${label}“ fehlt im Editor („${value}“).`);
      await box.fill(change(value));
      await saveEntry(page);
    }
  }
  return { entries, files: await readTestRepository(page) };
}
