/**
 * Lists every open editorial gap in content/ with file and line at the end of each build, so an
 * editor sees what is still missing. Broken references and missing files fail the build earlier
 * (src/data/portal.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readContentPaths } from '../lib/content-paths.ts';
import { findGaps, formatGapReport, type Gap } from '../lib/gaps.ts';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(mdx?|ya?ml)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export async function collectGaps(root: string, contentDir: string = join(root, 'content')): Promise<Gap[]> {
  const files = await listFiles(contentDir);
  const perFile = await Promise.all(files.map(async (f) => findGaps(relative(root, f), await readFile(f, 'utf8'))));
  return perFile.flat();
}

export default function contentReport(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'kv-content-report',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ logger }) => {
        logger.info(formatGapReport(await collectGaps(root, readContentPaths(process.env, root).contentDir)));
      },
    },
  };
}
