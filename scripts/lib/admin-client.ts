/**
 * How the tests and the benchmark talk to the server's admin area and /metrics: sign in through the
 * sign-in form (a session cookie, and the session's CSRF token from the page), and read /metrics
 * with the scrapers' token (Prometheus text format).
 */

export interface AdminLogin {
  readonly ADMIN_USER: string;
  readonly ADMIN_PASSWORD: string;
}

export interface MetricsAccess {
  readonly METRICS_TOKEN: string;
}

/** A signed-in session: the Cookie header to send, and the token forms that change something carry (`_csrf`). */
export interface AdminSession {
  readonly cookie: { readonly cookie: string };
  readonly csrfToken: string;
}

/** The `name=value` of the session cookie in a reply's Set-Cookie header(s), or null. */
export function sessionCookie(setCookie: string | readonly string[] | null | undefined): string | null {
  const lines = setCookie === null || setCookie === undefined ? [] : typeof setCookie === 'string' ? [setCookie] : setCookie;
  const line = lines.find((l) => l.startsWith('kv_verwaltung=') && !l.startsWith('kv_verwaltung=;'));
  return line === undefined ? null : (line.split(';')[0] ?? null);
}

/** The CSRF token an admin page carries in its forms (the sign-out form is on every page). */
export function csrfTokenIn(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (token === undefined) throw new Error('Die Seite hat kein CSRF-Feld (_csrf): nicht angemeldet?');
  return token;
}

/** The body of the sign-in form. */
export function signInBody(name: string, password: string): string {
  return new URLSearchParams({ name, password }).toString();
}

/** Signs in at `base` through the sign-in form, as a browser without JavaScript would. */
export async function signIn(base: string, name: string, password: string): Promise<AdminSession> {
  const res = await fetch(`${base}/admin/anmelden`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: signInBody(name, password),
    redirect: 'manual',
  });
  const cookie = sessionCookie(res.headers.getSetCookie());
  if (res.status !== 303 || cookie === null) throw new Error(`Anmeldung als ${name} an ${base}: ${res.status}`);
  const page = await fetch(`${base}/admin/`, { headers: { cookie } });
  return { cookie: { cookie }, csrfToken: csrfTokenIn(await page.text()) };
}

/** The header /metrics asks for. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** Values of unlabelled series of the server's /metrics, e. g. kv_outbox_pending; a missing series is an error. */
export async function readMetrics(base: string, access: MetricsAccess, names: readonly string[]): Promise<Record<string, number>> {
  const res = await fetch(`${base}/metrics`, { headers: bearer(access.METRICS_TOKEN) });
  if (res.status !== 200) throw new Error(`/metrics antwortet ${res.status}`);
  const lines = (await res.text()).split('\n');
  const values: Record<string, number> = {};
  for (const name of names) {
    const line = lines.find((l) => l.startsWith(`${name} `));
    if (line === undefined) throw new Error(`${name} fehlt in /metrics`);
    values[name] = Number(line.slice(name.length + 1));
  }
  return values;
}
