/**
 * The security headers of every response, in one place, owned by neither the site nor the server:
 *
 * - the form server (server/http/app.ts) sends them on every response: pages, files, the form
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

/** The headers every response gets, with the values in which the site and the editing UI differ; in a stable order. */
function headerSet(csp: string, differ: { referrer: string; opener: string; extra?: Record<string, string> }, https: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': differ.referrer,
    'Permissions-Policy': PERMISSIONS_POLICY,
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': differ.opener,
    'Cross-Origin-Resource-Policy': 'same-site',
    ...differ.extra,
    ...(https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}

/** Header name → value, in a stable order. */
export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  return headerSet(serializeCsp(cspDirectives(input)), { referrer: 'strict-origin-when-cross-origin', opener: 'same-origin' }, input.https);
}

/**
 * The editing UI (/redaktion/, Sveltia CMS) has a policy of its own: it talks to the configured git
 * host and nothing else, shows uploads as blob: previews, is never indexed, and its sign-in opens the
 * git host in a pop-up, which `Cross-Origin-Opener-Policy: same-origin` would cut off. The public
 * pages' policy above stays as it is.
 */
export const EDITING_UI_PREFIX = '/redaktion/';

/** Whether a request path belongs to the editing UI (the folder itself, its files, /redaktion/offen/). */
export function isEditingUiPath(path: string): boolean {
  return path === EDITING_UI_PREFIX.slice(0, -1) || path.startsWith(EDITING_UI_PREFIX);
}

export interface EditingUiHeaderInput {
  /** CSP hash sources of the build's inline scripts (/redaktion/offen/ is a page of the site). */
  readonly scriptHashes: readonly string[];
  /** Origins of the git host the CMS signs in to and writes through (none: local-folder or test mode). */
  readonly gitOrigins: readonly string[];
  readonly https: boolean;
}

export function editingUiCspDirectives({ scriptHashes, gitOrigins, https }: EditingUiHeaderInput): Record<string, string[] | null> {
  const git = [...new Set(gitOrigins)];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...scriptHashes],
    'script-src-attr': ["'none'"],
    // The CMS sets styles from script (Svelte components, a rich-text editor).
    'style-src': ["'self'", "'unsafe-inline'"],
    // Previews of uploads (blob:), the CMS's own icons (data:), the signed-in user's picture on the git host.
    'img-src': ["'self'", 'data:', 'blob:', ...git],
    'font-src': ["'self'"],
    // data:: the CMS reads its built-in logo from a data: address before it has read its configuration;
    // blob:: it reads back an upload it has just inserted from its own object URL (without it the file
    // field stays empty and the entry cannot be saved).
    'connect-src': ["'self'", 'data:', 'blob:', ...git],
    'worker-src': ["'self'"],
    'frame-src': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'manifest-src': ["'self'"],
    'upgrade-insecure-requests': https ? [] : null,
  };
}

/** Header name → value for every response below /redaktion/. */
export function editingUiHeaders(input: EditingUiHeaderInput): Record<string, string> {
  return headerSet(
    serializeCsp(editingUiCspDirectives(input)),
    { referrer: 'same-origin', opener: 'same-origin-allow-popups', extra: { 'X-Robots-Tag': 'noindex, nofollow' } },
    input.https,
  );
}
