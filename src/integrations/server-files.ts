/**
 * After each build, moves what the form server needs out of the published site into the server's
 * folder beside it (shared/lib/server-files.ts): content.json (rendered by src/pages/kv-content.json.ts)
 * and the page frames (src/pages/kv-frame.astro, src/pages/kv-admin-frame.astro); no page links to either, the sitemap leaves them
 * out, and dist/ keeps only the site. Then, once per form page (and only there: they are the pages
 * with an island), one parser pass (src/lib/form-page.ts) moves Astro's island style block from the
 * body into the head and writes the server's template of the page.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formPage } from '../lib/form-page.ts';
import {
  ADMIN_ACCOUNT,
  ADMIN_FRAME_FILE,
  ADMIN_FRAME_ROUTE,
  assertSlots,
  CONTENT_FILE,
  CONTENT_ROUTE,
  FORMS_DIR,
  FRAME_FILE,
  FRAME_MAIN,
  FRAME_ROUTE,
  FRAME_TITLE,
  parseServerContent,
  serverDirOf,
} from '../../shared/lib/server-files.ts';

export default function serverFiles(): AstroIntegration {
  return {
    name: 'kv-server-files',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const serverDir = serverDirOf(dist);
        rmSync(serverDir, { recursive: true, force: true });
        mkdirSync(join(serverDir, FORMS_DIR), { recursive: true });

        const builtContent = join(dist, CONTENT_ROUTE);
        const content = parseServerContent(readFileSync(builtContent, 'utf8'), builtContent);
        renameSync(builtContent, join(serverDir, CONTENT_FILE));

        const frames = [
          [FRAME_ROUTE, FRAME_FILE, [FRAME_TITLE, FRAME_MAIN]],
          [ADMIN_FRAME_ROUTE, ADMIN_FRAME_FILE, [FRAME_TITLE, FRAME_MAIN, ADMIN_ACCOUNT]],
        ] as const;
        for (const [route, file, slots] of frames) {
          const built = join(dist, route, 'index.html');
          const frame = readFileSync(built, 'utf8');
          assertSlots(frame, slots, built);
          writeFileSync(join(serverDir, file), frame);
          rmSync(join(dist, route), { recursive: true, force: true });
        }

        for (const form of content.forms) {
          const file = join(dist, form.path, 'index.html');
          const html = readFileSync(file, 'utf8');
          const { page, template } = formPage(html, file);
          if (page !== html) writeFileSync(file, page);
          writeFileSync(join(serverDir, FORMS_DIR, `${form.name}.html`), template);
        }
        logger.info(`${CONTENT_FILE}, ${FRAME_FILE}, ${ADMIN_FRAME_FILE} und ${content.forms.length} Formularseiten (${FORMS_DIR}/) für den Formular-Server geschrieben: ${serverDir}`);
      },
    },
  };
}
