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
