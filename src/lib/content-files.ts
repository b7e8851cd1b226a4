/**
 * The editors' text files (Markdown, MDX, YAML) of a content folder with their text, named as an
 * editor knows them (relative to the project): what the build's report of open gaps and the
 * editors' page of open items (/redaktion/offen/) read.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface ContentFile {
  /** Relative to the project, e. g. content/offers/aufenthaltstitel.md. */
  readonly file: string;
  readonly text: string;
}

/** Every Markdown, MDX and YAML file below `contentDir`, sorted, relative to `root`. */
export async function readContentFiles(root: string, contentDir: string): Promise<ContentFile[]> {
  const entries = await readdir(contentDir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(mdx?|ya?ml)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return Promise.all(files.map(async (f) => ({ file: relative(root, f).split('\\').join('/'), text: await readFile(f, 'utf8') })));
}
