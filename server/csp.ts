/**
 * Security headers for the site and the backend. The Content-Security-Policy allows no inline
 * script except the ones Astro writes into the built pages: their SHA-256 hashes are computed from
 * dist/ at start, so a changed inline script needs a restart (which a new build implies).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every executable inline <script> of every HTML file below `dir`, as CSP hash sources. */
export function inlineScriptHashes(dir: string | null): string[] {
  if (dir === null || !existsSync(dir)) return [];
  const hashes = new Set<string>();
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) {
        const html = readFileSync(path, 'utf8');
        for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
          const attributes = match[1] ?? '';
          const content = match[2] ?? '';
          if (/\bsrc\s*=/i.test(attributes) || content === '') continue;
          const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
          if (type !== undefined && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue;
          hashes.add(`'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`);
        }
      }
    }
  };
  walk(dir);
  return [...hashes].sort();
}

export interface CspInput {
  readonly scriptHashes: readonly string[];
  /** Origins the pages may post forms to and fetch from, besides their own. */
  readonly formOrigins: readonly string[];
  readonly upgradeInsecureRequests: boolean;
}

/** The CSP directives (serialised in security-headers.ts). Styles allow 'unsafe-inline' (Astro's island style, style attributes). */
export function cspDirectives({ scriptHashes, formOrigins, upgradeInsecureRequests }: CspInput): Record<string, string[] | null> {
  const forms = [...new Set(formOrigins)];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...scriptHashes],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...forms],
    'form-action': ["'self'", ...forms],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'manifest-src': ["'self'"],
    'worker-src': ["'self'"],
    'upgrade-insecure-requests': upgradeInsecureRequests ? [] : null,
  };
}

/** Browser features the portal never uses. */
export const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()';
