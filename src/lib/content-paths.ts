/**
 * Where the content lives, for the build (astro.config.mjs, src/content.config.ts,
 * src/data/portal.ts): CONTENT_DIR names the content folder (default content/); the files served
 * as they are (downloads, favicon) lie in the folder `public/` next to it. Tests point CONTENT_DIR
 * at tests/fixtures/content (with tests/fixtures/public beside it). DIST_DIR names the built site
 * (default dist/); the build writes what the server needs beside it (serverDirOf).
 */
import { basename, dirname, join, relative, resolve } from 'node:path';
import * as z from 'zod';
import { parseEnv, textVar, type Env } from '../../shared/lib/env.ts';

const pathsEnvSchema = z.object({
  /** The content folder; default ./content. */
  CONTENT_DIR: textVar(),
  /** The built site; default ./dist. */
  DIST_DIR: textVar(),
});

export interface ContentPaths {
  /** Absolute path of the content folder. */
  readonly contentDir: string;
  /** Absolute path of the folder served as it is (next to the content folder). */
  readonly publicDir: string;
  /** Absolute path of the download files. */
  readonly downloadsDir: string;
  /** Absolute path of the built site. */
  readonly distDir: string;
}

export function readContentPaths(env: Env = process.env, cwd: string = process.cwd()): ContentPaths {
  const e = parseEnv(pathsEnvSchema, env);
  return { ...filesOfContent(resolve(cwd, e.CONTENT_DIR ?? 'content')), distDir: resolve(cwd, e.DIST_DIR ?? 'dist') };
}

/** The folders that belong to a content folder: public/ beside it, with downloads/ inside. */
export function filesOfContent(contentDir: string): Omit<ContentPaths, 'distDir'> {
  const publicDir = join(dirname(contentDir), 'public');
  return { contentDir, publicDir, downloadsDir: join(publicDir, 'downloads') };
}

/** The files of each collection that the build's glob loaders take. */
export const COLLECTION_PATTERNS = {
  offers: '*.{md,mdx}',
  news: '*.{md,mdx}',
  pages: '**/*.{md,mdx}',
  site: '*.yaml',
  contacts: '*.yaml',
  downloads: '*.yaml',
} as const;

/** An entry's id is its file name without the extension (content/offers/musterdienst.mdx → musterdienst). */
export function entryId(file: string): string {
  return basename(file).replace(/\.(mdx?|ya?ml)$/, '');
}

/** An offer's id becomes part of addresses and variable names: lower-case letters, digits and single hyphens. */
export const OFFER_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A path as an editor reads it in a message: relative to the project (or as it is, when outside). */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') ? file : rel;
}
