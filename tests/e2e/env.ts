/**
 * What the e2e launcher (tests/e2e/serve.ts) sets up, for the specs to read: the admin login and
 * the folder where the SMTP sink writes every received mail as `<n>.json`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const E2E_ADMIN_USER = 'e2e-admin';
export const E2E_ADMIN_PASSWORD = 'e2e-geheim-4711';

/** One mail as the sink stored it. */
export interface SinkMail {
  readonly n: number;
  readonly receivedAt: string;
  readonly envelope: { readonly from: string; readonly to: readonly string[] };
  readonly subject: string;
  readonly replyTo: string;
  readonly text: string;
  readonly html: string;
}

export const MAIL_DIR = resolve(import.meta.dirname, '../../test-results/e2e-mails');

/** Every mail received so far, oldest first. */
export function readMails(): SinkMail[] {
  if (!existsSync(MAIL_DIR)) return [];
  return readdirSync(MAIL_DIR)
    .filter((name) => /^\d+\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(join(MAIL_DIR, name), 'utf8')) as SinkMail)
    .sort((a, b) => a.n - b.n);
}
