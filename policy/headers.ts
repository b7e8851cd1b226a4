/**
 * The security headers of every response, in one place, owned by neither the site nor the server:
 *
 * - the form server (server/app.ts) sends them on every response: pages, files, the form
 *   endpoint, errors and the admin area;
 * - the build writes them for static hosting of dist/ (static-hosting.ts): `dist/_headers` and
 *   `dist-server/nginx/security-headers.conf`.
 *
 * The Content-Security-Policy allows scripts and styles from the site itself and, inline, only the
 * scripts and <style> blocks the build wrote into the pages (by SHA-256 hash, computed once by the
 * build: manifest.ts); no style attribute, no event-handler attribute. Forms may post and connect
 * only to the site and the configured form endpoint.
 */

/**
 * Strict-Transport-Security for responses over HTTPS: one year, for this host and every host below
 * it (www., a later redaktion. …), so no subdomain can be reached over plain HTTP to set cookies or
 * serve a look-alike. The same value from the server, `_headers` and both nginx configurations.
 */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** Cache rule of Astro's hashed assets (/_astro/): a year, never revalidated. */
export const IMMUTABLE_ASSETS = 'public, max-age=31536000, immutable';

/** Browser features the portal never uses. */
const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()';

export interface SecurityHeaderInput {
  /** CSP hash sources of the inline scripts of the built pages (from the build manifest). */
  readonly scriptHashes: readonly string[];
  /** CSP hash sources of the inline <style> blocks of the built pages (from the build manifest). */
  readonly styleHashes: readonly string[];
  /** Origins the pages may post forms to and fetch from, besides their own. */
  readonly formOrigins: readonly string[];
  /** Served over HTTPS: add HSTS and upgrade-insecure-requests. */
  readonly https: boolean;
}

/** The CSP directives. */
export function cspDirectives({ scriptHashes, styleHashes, formOrigins, https }: SecurityHeaderInput): Record<string, string[] | null> {
  const forms = [...new Set(formOrigins)];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...scriptHashes],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", ...styleHashes],
    'style-src-attr': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...forms],
    'form-action': ["'self'", ...forms],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'manifest-src': ["'self'"],
    'worker-src': ["'self'"],
    'upgrade-insecure-requests': https ? [] : null,
  };
}

/** A CSP header value from directives; a directive without values (upgrade-insecure-requests) stands alone. */
export function serializeCsp(directives: Readonly<Record<string, readonly string[] | null>>): string {
  return Object.entries(directives)
    .filter((entry): entry is [string, readonly string[]] => entry[1] !== null)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/** Header name → value, in a stable order. */
export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  return {
    'Content-Security-Policy': serializeCsp(cspDirectives(input)),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-site',
    ...(input.https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}
