/**
 * After each build, moves what the form server needs out of the published site into the server's
 * folder beside it (src/lib/server-files.ts): content.json (rendered by src/pages/kv-content.json.ts)
 * and the page frame (src/pages/kv-frame.astro). No page links to either, the sitemap leaves them
 * out, and dist/ keeps only the site.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { assertSlots, CONTENT_FILE, CONTENT_ROUTE, FRAME_FILE, FRAME_MAIN, FRAME_ROUTE, FRAME_TITLE, parseServerContent, serverDirOf } from '../lib/server-files.ts';

export default function serverFiles(): AstroIntegration {
  return {
    name: 'kv-server-files',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const serverDir = serverDirOf(dist);
        rmSync(serverDir, { recursive: true, force: true });
        mkdirSync(serverDir, { recursive: true });

        const builtContent = join(dist, CONTENT_ROUTE);
        parseServerContent(readFileSync(builtContent, 'utf8'), builtContent);
        renameSync(builtContent, join(serverDir, CONTENT_FILE));

        const builtFrame = join(dist, FRAME_ROUTE, 'index.html');
        const frame = readFileSync(builtFrame, 'utf8');
        assertSlots(frame, [FRAME_TITLE, FRAME_MAIN], builtFrame);
        writeFileSync(join(serverDir, FRAME_FILE), frame);
        rmSync(join(dist, FRAME_ROUTE), { recursive: true, force: true });
        logger.info(`${CONTENT_FILE} und ${FRAME_FILE} für den Formular-Server geschrieben: ${serverDir}`);
      },
    },
  };
}
