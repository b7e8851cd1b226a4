/**
 * After each build, computes once what the server and static hosting need from the built pages
 * and writes it into dist/: the build manifest (dist/_kv/manifest.json: the CSP hashes of the
 * inline scripts and the deployment settings the texts were built for) and, from it, the headers
 * for static hosting (dist/_headers, dist/_nginx/). The policy itself lives in policy/.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MANIFEST_FILE, writeManifest } from '../../policy/manifest.ts';
import { writeStaticHeaders } from '../../policy/static-hosting.ts';
import { readDeploymentEnv } from '../lib/env.ts';
import { buildEnv } from '../lib/deployment.ts';

export default function securityHeaders(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'kv-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        // The settings as the pages saw them: the environment and the .env files of the build (buildEnv).
        const deployment = readDeploymentEnv(buildEnv('production', root));
        const manifest = writeManifest(dist, deployment);
        writeStaticHeaders(dist, manifest, join(root, 'deploy', 'nginx-site.conf'));
        logger.info(`${MANIFEST_FILE}, _headers und _nginx/ geschrieben (${manifest.scriptHashes.length} Inline-Skript-Hashes, ${manifest.styleHashes.length} Inline-Style-Hashes)`);
      },
    },
  };
}
