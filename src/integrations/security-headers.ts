/**
 * After each build, writes the security headers of the built pages for static hosting:
 * dist/_headers and dist/_nginx/ (header snippet plus the nginx site from deploy/nginx-site.conf).
 * The values come from server/security-headers.ts, the same module the form server sends them
 * from; the CSP hashes are those of the inline scripts of this very build.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadEnv } from 'vite';
import { writeStaticHeaders } from '../../server/security-headers.ts';

export default function securityHeaders(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'kv-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        // The pages read PUBLIC_FORM_ENDPOINT through Vite (environment or .env): so does this.
        const formEndpoint = loadEnv('production', root, 'PUBLIC_')['PUBLIC_FORM_ENDPOINT'];
        const written = writeStaticHeaders(fileURLToPath(dir), { formEndpoint, siteConf: join(root, 'deploy', 'nginx-site.conf') });
        logger.info(`Sicherheits-Header für statisches Hosting geschrieben: _headers und _nginx/ (${written.scriptHashes} Inline-Skript-Hashes)`);
      },
    },
  };
}
