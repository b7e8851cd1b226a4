/**
 * How the tests and the benchmark talk to the server's admin area: the Basic auth header and the
 * values of /metrics (Prometheus text format).
 */

export interface AdminLogin {
  readonly ADMIN_USER: string;
  readonly ADMIN_PASSWORD: string;
}

export function basicAuth(user: string, password: string): { authorization: string } {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

/** Values of unlabelled series of the server's /metrics, e. g. kv_outbox_pending; a missing series is an error. */
export async function readMetrics(base: string, login: AdminLogin, names: readonly string[]): Promise<Record<string, number>> {
  const res = await fetch(`${base}/metrics`, { headers: basicAuth(login.ADMIN_USER, login.ADMIN_PASSWORD) });
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
