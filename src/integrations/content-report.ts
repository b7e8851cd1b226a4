/**
 * At the start of each build: stops it when the legal texts cannot describe the deployment settings
 * truthfully (src/lib/deployment.ts). At the end: lists every open editorial gap in content/ with file
 * and line, every page without a "Stand der Angaben" and every news item still a draft (no `datum`),
 * so an editor sees what is still missing.
 * Broken references and missing files fail the build earlier (src/data/portal.ts).
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readContentFiles } from '../lib/content-files.ts';
import { readContentPaths } from '../lib/content-paths.ts';
import { findGaps, formatGapReport } from '../../shared/lib/gaps.ts';
import { CHECKED_COLLECTIONS, findUnchecked, formatUncheckedReport } from '../lib/checked.ts';
import { buildDeployment } from '../lib/deployment.ts';
import { findDrafts, formatDraftReport } from '../lib/drafts.ts';

export default function contentReport(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'kv-content-report',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        if (command === 'sync') return;
        // Throws the German message that names the variable to set.
        buildDeployment(command === 'dev' ? 'development' : 'production', fileURLToPath(config.root));
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ logger }) => {
        const { contentDir } = readContentPaths(process.env, root);
        const files = await readContentFiles(root, contentDir);
        const inPages = (file: string) => CHECKED_COLLECTIONS.some((c) => file.startsWith(join(relative(root, contentDir), c) + '/'));
        logger.info(formatGapReport(files.flatMap((f) => findGaps(f.file, f.text))));
        // A draft has no page yet: it is listed as a draft, not as a page without a Stand.
        const drafts = findDrafts(files.filter((f) => f.file.startsWith(join(relative(root, contentDir), 'news') + '/')));
        logger.info(formatUncheckedReport(findUnchecked(files.filter((f) => inPages(f.file) && !drafts.includes(f.file)))));
        logger.info(formatDraftReport(drafts));
      },
    },
  };
}
