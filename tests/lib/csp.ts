/** Reading a Content-Security-Policy header in tests: directive → its values. */

/** A CSP header value as directive → values (`upgrade-insecure-requests` → []). */
export function parseCsp(header: unknown): Map<string, string[]> {
  return new Map(
    String(header ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name = '', ...values]) => [name, values] as const),
  );
}
