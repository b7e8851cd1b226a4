/**
 * The editing UI at /redaktion/ (Sveltia CMS, src/cms/): checks the CMS_* settings when the build
 * starts (a wrong one stops it with a German message naming the variable), writes the UI's files to
 * dist/redaktion/ when it ends, and serves the same files under /redaktion/ in `npm run dev`, where
 * an editor works with the local-folder mode on their own clone.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { load } from 'js-yaml';
import { cmsBackend } from '../cms/backend.ts';
import { editingUiFiles, EDITING_UI_PATH, type EditingUi } from '../cms/files.ts';
import { readContentPaths } from '../lib/content-paths.ts';
import { buildEnv } from '../lib/deployment.ts';
import { readCmsEnv } from '../../shared/lib/env.ts';

/** The portal's name from site.yaml (the build checks that file itself); a fallback while it has none. */
function portalName(contentDir: string): string {
  try {
    const site = load(readFileSync(join(contentDir, 'site', 'site.yaml'), 'utf8')) as { portalName?: unknown } | null;
    return typeof site?.portalName === 'string' ? site.portalName : 'Portal';
  } catch {
    return 'Portal';
  }
}

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  yml: 'application/yaml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  woff2: 'font/woff2',
};

export default function editingUi(): AstroIntegration {
  let root = process.cwd();
  let siteUrl = '';
  let mode = 'production';
  const ui = (): EditingUi => {
    const paths = readContentPaths(process.env, root);
    const backend = cmsBackend(readCmsEnv(buildEnv(mode, root)), siteUrl);
    return editingUiFiles({ backend, paths, root, siteUrl, portalName: portalName(paths.contentDir) });
  };
  return {
    name: 'kv-editing-ui',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        root = fileURLToPath(config.root);
        siteUrl = config.site ?? 'http://127.0.0.1:4321';
        mode = command === 'dev' ? 'development' : 'production';
        // Throws the German message that names the wrong CMS_* variable.
        if (command !== 'sync') readCmsEnv(buildEnv(mode, root));
      },
      'astro:server:setup': ({ server }) => {
        let files: Map<string, string | Buffer> | undefined;
        server.middlewares.use((request, response, next) => {
          const path = (request.url ?? '').split(/[?#]/)[0] ?? '';
          if (!path.startsWith(EDITING_UI_PATH)) return next();
          files ??= new Map(ui().files);
          const name = path === EDITING_UI_PATH ? 'index.html' : decodeURIComponent(path.slice(EDITING_UI_PATH.length));
          const content = files.get(name);
          if (content === undefined) return next();
          response.setHeader('Content-Type', TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream');
          response.end(content);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = join(fileURLToPath(dir), EDITING_UI_PATH);
        const { version, files } = ui();
        for (const [name, content] of files) {
          const target = join(dist, name);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, content);
        }
        const bundle = files.find(([name]) => name === 'sveltia-cms.js')?.[1] ?? '';
        const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
        logger.info(
          `Redaktionsoberfläche ${EDITING_UI_PATH} geschrieben (Sveltia CMS ${version}, ${files.length} Dateien; Bundle ${kb(Buffer.byteLength(bundle))}, gzip ${kb(gzipSync(bundle).length)})`,
        );
      },
    },
  };
}
