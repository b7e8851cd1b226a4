/**
 * After each build, moves the page frame of the server's pages (src/pages/kv-frame.astro) to
 * dist/_kv/frame.html, out of the site: no page links to it, the sitemap leaves it out, and
 * neither the form server nor nginx serve dist/_kv/.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { assertFrame, FRAME_FILE, FRAME_ROUTE, frameFromBuiltPage } from '../lib/frame.ts';

export default function serverFrame(): AstroIntegration {
  return {
    name: 'kv-server-frame',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const built = join(dist, FRAME_ROUTE, 'index.html');
        const frame = frameFromBuiltPage(readFileSync(built, 'utf8'));
        assertFrame(frame, built);
        const target = join(dist, FRAME_FILE);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, frame);
        rmSync(join(dist, FRAME_ROUTE), { recursive: true, force: true });
        logger.info(`Seitenrahmen für die Seiten des Formular-Servers geschrieben: ${FRAME_FILE}`);
      },
    },
  };
}
