/**
 * After each build, computes once what the server and static hosting need from the built pages
 * and writes it into dist/: the build manifest (dist/_kv/manifest.json: the CSP hashes of the
 * inline scripts, the deployment settings the texts were built for and the git host of the editing
 * UI) and, from it, the headers
 * for static hosting (dist/_headers, dist/_nginx/). The policy itself lives in policy/.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MANIFEST_FILE, writeManifest } from '../../policy/manifest.ts';
import { writeStaticHeaders } from '../../policy/static-hosting.ts';
import { readCmsEnv, readDeploymentEnv } from '../lib/env.ts';
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
        const manifest = writeManifest(dist, deployment, cmsBackend(readCmsEnv(env), site).gitOrigins);
        writeStaticHeaders(dist, manifest, join(root, 'deploy', 'nginx-site.conf'));
        logger.info(`${MANIFEST_FILE}, _headers und _nginx/ geschrieben (${manifest.scriptHashes.length} Inline-Skript-Hashes)`);
      },
    },
  };
}
