/**
 * After each build, computes once what the server and static hosting need from the built pages:
 * the build manifest (manifest.json in the server's folder: the CSP hashes of the inline scripts
 * and styles, the deployment settings the texts were built for and the git host of the editing UI)
 * and, from it, the headers for static hosting (dist/_headers, which hosts read from the published
 * folder, and nginx/ in the server's folder). The policy itself lives in policy/.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MANIFEST_FILE, writeManifest } from '../../policy/manifest.ts';
import { NGINX_DIR, writeStaticHeaders } from '../../policy/static-hosting.ts';
import { serverDirOf } from '../../shared/lib/server-files.ts';
import { readCmsEnv, readDeploymentEnv } from '../../shared/lib/env.ts';
import { buildEnv } from '../lib/deployment.ts';
import { cmsBackend } from '../cms/backend.ts';

export default function securityHeaders(): AstroIntegration {
  let root = process.cwd();
  let site = '';
  return {
    name: 'kv-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        site = config.site ?? 'http://127.0.0.1:4321';
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        // The settings as the pages saw them: the environment and the .env files of the build (buildEnv).
        const env = buildEnv('production', root);
        const deployment = readDeploymentEnv(env);
        const serverDir = serverDirOf(dist);
        const manifest = writeManifest(dist, serverDir, deployment, cmsBackend(readCmsEnv(env), site).gitOrigins);
        writeStaticHeaders(dist, serverDir, manifest, join(root, 'deploy', 'nginx-site.conf'));
        logger.info(`_headers, ${MANIFEST_FILE} und ${NGINX_DIR}/ geschrieben (${manifest.scriptHashes.length} Inline-Skript-Hashes, ${manifest.styleHashes.length} Inline-Style-Hashes)`);
      },
    },
  };
}
