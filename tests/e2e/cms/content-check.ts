/**
 * What the editing UI's tests do with the files the CMS wrote: validate each with the schema of its
 * collection (the build's own, src/lib/content-schemas.ts) and build a copy of the project from them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';
import type { ZodType } from 'astro/zod';
import { buildProject, createTempProject, type BuildResult, type TempProject } from '../../../scripts/lib/temp-project.ts';
import type { RepositoryFiles } from '../../../scripts/lib/cms-browser.ts';
import { frontmatter } from '../../../src/lib/checked.ts';
import { contactSchema, downloadSchema, newsSchema, offerSchema, pageSchema, plainRef, siteSchema } from '../../../src/lib/content-schemas.ts';

const SCHEMAS: Readonly<Record<string, ZodType>> = {
  offers: offerSchema(plainRef),
  contacts: contactSchema,
  downloads: downloadSchema,
  news: newsSchema,
  pages: pageSchema,
  site: siteSchema,
};

/** The data of a content file: its frontmatter, or the whole YAML file. */
export const dataOf = (path: string, text: string): unknown => (/\.ya?ml$/.test(path) ? load(text) : frontmatter(text));

/** Every problem the content schemas find in the content files (below `contentDir`) of `files`. */
export function schemaProblems(files: RepositoryFiles, contentDir: string): string[] {
  return [...files].flatMap(([path, bytes]) => {
    const collection = path.startsWith(`${contentDir}/`) ? path.slice(contentDir.length + 1).split('/')[0] : undefined;
    const schema = collection === undefined ? undefined : SCHEMAS[collection];
    if (schema === undefined || !/\.(mdx?|ya?ml)$/.test(path)) return [];
    const result = schema.safeParse(dataOf(path, bytes.toString('utf8')));
    return result.success ? [] : result.error.issues.map((issue) => `${path}: ${issue.path.join(' → ')}: ${issue.message}`);
  });
}

/** Writes `files` into a fresh copy of the project, at their repository paths. */
export function projectWith(files: RepositoryFiles): TempProject {
  const project = createTempProject(process.cwd(), 'kv-cms-');
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(project.root, path)), { recursive: true });
    writeFileSync(join(project.root, path), bytes);
  }
  return project;
}

export type { BuildResult };
export { buildProject };
