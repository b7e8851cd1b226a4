/**
 * Nothing is lost on a round trip through the editing UI: every file of content/ is opened and saved
 * by the CMS itself (scripts/lib/cms-round-trip.ts, on the fixture site's CMS, whose collections are
 * the same; its folders are tests/fixtures/…, so the files are put there and read back from there).
 * Afterwards every YAML key and value is the same, every MDX building block is still there, and the
 * site built from the saved files is byte for byte the site built from content/ (the editing UI's own
 * folder aside, which names the content folder). When this fails, the message names the file: run
 * `npm run cms:normalise` and commit, or change what the CMS cannot write back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryFiles, type RepositoryFiles } from '../../../scripts/lib/cms-browser.ts';
import { roundTrip } from '../../../scripts/lib/cms-round-trip.ts';
import { buildProject, dataOf, projectWith } from './content-check.ts';
import { expect, test } from './fixtures.ts';

/** content/ and public/ of this project lie in tests/fixtures/ for the fixture site's CMS. */
const CMS_FOLDER = 'tests/fixtures/';
const toCms = (path: string): string => `${CMS_FOLDER}${path}`;
const fromCms = (path: string): string => (path.startsWith(CMS_FOLDER) ? path.slice(CMS_FOLDER.length) : path);
const moved = (files: RepositoryFiles, to: (path: string) => string): RepositoryFiles => new Map([...files].map(([path, bytes]) => [to(path), bytes]));

/** Dates as YAML reads them (a Date) or as text: both are the same JJJJ-MM-TT value. */
const plain = (value: unknown): unknown =>
  value instanceof Date
    ? value.toISOString().slice(0, 10)
    : Array.isArray(value)
      ? value.map(plain)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
        : value;

/** The MDX building blocks of a text, in order. */
const blocks = (text: string): string[] => [...text.matchAll(/<\/?[A-Z][A-Za-z]*\b[^>]*>|\{\/\*/g)].map((m) => m[0]);

/**
 * A built file as compared. Astro's island id (`uid`) hashes the component's absolute path, which
 * differs between the two copies of the project; the markup and props it also hashes are compared
 * as they are.
 */
const built = (path: string): Buffer => (path.endsWith('.html') ? Buffer.from(readFileSync(path, 'utf8').replace(/ uid="[^"]*"/g, ' uid=""')) : readFileSync(path));

/** Every file below `dir`, relative to it. */
const filesBelow = (dir: string, prefix = ''): string[] =>
  readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesBelow(dir, join(prefix, e.name)) : [join(prefix, e.name)]));

test('opening and saving every file of content/ in the editing UI keeps every key, value and building block, and the built site', async ({ page, request }) => {
  test.setTimeout(240_000);
  const root = process.cwd();
  const content = repositoryFiles(root, [join(root, 'content'), join(root, 'public')]);
  const config = await (await request.get('/redaktion/config.yml')).text();
  const { entries, files } = await roundTrip(page, moved(content, toCms), config);
  const saved = moved(files, fromCms);

  const texts = [...content.keys()].filter((path) => /\.(mdx?|ya?ml)$/.test(path));
  expect(entries.map((e) => fromCms(e.file)).sort(), 'every content file is an entry of the editing UI').toEqual(texts.sort());
  for (const path of texts) {
    const [before, after] = [content.get(path)?.toString('utf8') ?? '', saved.get(path)?.toString('utf8') ?? ''];
    expect(plain(dataOf(path, after)), `${path}: keys and values`).toEqual(plain(dataOf(path, before)));
    expect(blocks(after), `${path}: MDX building blocks`).toEqual(blocks(before));
  }

  // Two copies of the project, each with both contents (the stylesheet holds the classes of every
  // file of a project), built side by side: one from content/, one from what the CMS saved.
  const [first, second] = [projectWith(moved(saved, (path) => `nach-cms/${path}`)), projectWith(moved(saved, (path) => `nach-cms/${path}`))];
  try {
    const [original, afterCms] = await Promise.all([buildProject(first.root, {}), buildProject(second.root, { CONTENT_DIR: 'nach-cms/content' })]);
    expect(original.code, original.output.slice(-2000)).toBe(0);
    expect(afterCms.code, afterCms.output.slice(-2000)).toBe(0);
    const [before, after] = [join(first.root, 'dist'), join(second.root, 'dist')];
    const site = (dir: string) => filesBelow(dir).filter((f) => !f.startsWith('redaktion/')).sort();
    expect(site(after)).toEqual(site(before));
    for (const file of site(before)) {
      const [was, is] = [built(join(before, file)), built(join(after, file))];
      if (!was.equals(is)) {
        let at = 0;
        while (was[at] === is[at]) at += 1;
        const around = (bytes: Buffer) => bytes.subarray(Math.max(0, at - 120), at + 120).toString('utf8');
        expect(around(is), `${file} differs after the round trip at byte ${at}`).toBe(around(was));
      }
    }
  } finally {
    first.remove();
    second.remove();
  }
});
