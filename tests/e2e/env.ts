/**
 * What the e2e launcher (tests/e2e/serve.ts) sets up, for the config and the specs to read: which
 * sites run, where the `site` project's build lies, the admin login and the folders where the SMTP
 * sinks write every received mail as `<n>.json`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';

const repoRoot = resolve(import.meta.dirname, '../..');

/** The fixture site's settings (build and server read them with --env-file). */
const fixtureEnv = parseEnv(readFileSync(join(repoRoot, 'tests', 'fixtures', 'fixture.env'), 'utf8'));
/** The admin login of the fixture site. */
export const E2E_ADMIN_USER = fixtureEnv['ADMIN_USER'] ?? '';
export const E2E_ADMIN_PASSWORD = fixtureEnv['ADMIN_PASSWORD'] ?? '';

/** The project whose content/ and dist/ the `site` project checks: this one, or E2E_SITE_ROOT (the editors' walk). */
export const siteRoot = resolve(process.env['E2E_SITE_ROOT'] ?? repoRoot);

/**
 * The ports Chromium refuses to open (ERR_UNSAFE_PORT), from 1024 up: net/base/port_util.cc's
 * restricted ports. A site on one of them could not be tested at all.
 */
const UNSAFE_PORTS = new Set([1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);

/**
 * The ports of the two sites: E2E_PORT (default 4391) for the real content, E2E_FIXTURES_PORT for the
 * fixture site, by default the first port from E2E_PORT + 100 up that Chromium opens (never
 * E2E_PORT + 1: that is the next session's port). A port given that Chromium refuses stops the run.
 */
export function e2ePorts(env: Record<string, string | undefined>): { site: number; fixtures: number } {
  const given = (name: string, fallback: number): number => {
    const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
    if (!Number.isInteger(value) || value < 1024 || value > 65535) throw new Error(`${name}: „${env[name]}“ ist keine Portnummer von 1024 bis 65535.`);
    if (UNSAFE_PORTS.has(value)) throw new Error(`${name}: Port ${value} öffnet Chromium nicht (ERR_UNSAFE_PORT); wählen Sie einen anderen.`);
    return value;
  };
  const site = given('E2E_PORT', 4391);
  let next = site + 100;
  while (UNSAFE_PORTS.has(next)) next += 1;
  return { site, fixtures: given('E2E_FIXTURES_PORT', next) };
}

const SITES = ['site', 'fixtures', 'cms'] as const;

/** The sites to run: `site`, `fixtures`, `cms` (the editing UI on the fixture site), or several (default: all). */
export const E2E_SITES = (process.env['E2E_SITES'] ?? SITES.join(','))
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is (typeof SITES)[number] => {
    if ((SITES as readonly string[]).includes(name)) return true;
    throw new Error(`E2E_SITES: „${name}“ gibt es nicht; möglich sind ${SITES.join(', ')}.`);
  });

/** One folder of received mails per site. */
export const MAIL_DIRS = {
  site: resolve(process.env['E2E_MAIL_ROOT'] ?? join(repoRoot, 'test-results'), 'e2e-mails-site'),
  fixtures: resolve(process.env['E2E_MAIL_ROOT'] ?? join(repoRoot, 'test-results'), 'e2e-mails-fixtures'),
} as const;

/** One mail as the sink stored it. */
export interface SinkMail {
  readonly n: number;
  readonly receivedAt: string;
  readonly envelope: { readonly from: string; readonly to: readonly string[] };
  readonly subject: string;
  readonly replyTo: string;
  /** The X-Portal-Reference header: the reference number of the submission. */
  readonly reference: string;
  readonly text: string;
  readonly html: string;
}

/** Every mail the fixture site's server received so far, oldest first. */
export function readMails(dir: string = MAIL_DIRS.fixtures): SinkMail[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^\d+\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as SinkMail)
    .sort((a, b) => a.n - b.n);
}
