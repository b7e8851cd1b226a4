/**
 * The server Playwright's webServer starts (`node tests/e2e/serve.ts`, port from E2E_PORT): the real
 * form backend as the build compiled it (DIST_DIR's server folder, index.js), serving that build (it
 * never builds; `npm test` builds first): DIST_DIR (default dist/; the fixture site passes
 * tests/fixtures/fixture.env, with its FORM_KEY_* too), with
 * - a fresh temporary DATA_DIR, removed again on exit,
 * - an SMTP sink that writes each received mail as JSON to E2E_MAIL_DIR/<n>.json,
 * - the admin login of the site's settings (the fixture site has one, the real content's build none),
 * - no deployment settings (RETENTION_DAYS, NOTIFY_TO …): those of the build, which `npm test` makes
 *   without them; the server refuses to start when they differ (server/http/built-site.ts).
 */
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import { smtpSink } from '../../scripts/lib/smtp-sink.ts';
import { tempDir } from '../../scripts/lib/temp-dir.ts';
import { serverDirOf } from '../../shared/lib/server-files.ts';
import { MAIL_DIRS } from './env.ts';

const root = resolve(import.meta.dirname, '../..');
const port = Number(process.env['E2E_PORT'] ?? 4391);
const dist = resolve(root, process.env['DIST_DIR'] ?? 'dist');
const compiled = join(serverDirOf(dist), 'index.js');
const MAIL_DIR = process.env['E2E_MAIL_DIR'] ?? MAIL_DIRS.site;
for (const file of [join(dist, 'index.html'), compiled]) {
  if (!existsSync(file)) {
    console.error(`${file} fehlt: bauen Sie die Website zuerst (npm run build). Dieser Starter baut nicht.`);
    process.exit(1);
  }
}
const { buildApp, loadConfig } = (await import(pathToFileURL(compiled).href)) as typeof import('../../server/index.ts');
/** The form keys the build was given (FORM_KEY_<FORM>), passed on to the server. */
const formKeys = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('FORM_KEY_')));

rmSync(MAIL_DIR, { recursive: true, force: true });
mkdirSync(MAIL_DIR, { recursive: true });
let received = 0;
const sink = smtpSink({
  keep: false,
  onMail: ({ raw, from, to }) => void writeMail(raw, from, to),
});

/** Writes a received mail, read with mailparser, as JSON for the browser tests (tests/e2e/env.ts readMails). */
async function writeMail(raw: string, from: string, to: string[]): Promise<void> {
  received += 1;
  const n = received;
  const receivedAt = new Date().toISOString();
  const mail = await simpleParser(raw);
  const record = {
    n,
    receivedAt,
    envelope: { from, to },
    subject: mail.subject ?? '',
    replyTo: mail.replyTo?.text ?? '',
    reference: String(mail.headers.get('x-portal-reference') ?? ''),
    text: mail.text ?? '',
    html: mail.html === false ? '' : mail.html,
  };
  writeFileSync(join(MAIL_DIR, `${n}.json`), `${JSON.stringify(record, null, 2)}\n`);
}

await sink.start();
const smtpPort = sink.port;

const data = tempDir('kv-e2e-');
const config = loadConfig(
  {
    HOST: '127.0.0.1',
    PORT: String(port),
    SITE_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: data.path,
    DIST_DIR: dist,
    ...formKeys,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    ADMIN_USER: process.env['ADMIN_USER'],
    ADMIN_PASSWORD: process.env['ADMIN_PASSWORD'],
    FORM_RATE_LIMIT: '10000',
    OUTBOX_POLL_MS: '200',
    OUTBOX_RETRY_BASE_MS: '200',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
  },
  root,
);
const app = await buildApp(config);

async function stop(): Promise<void> {
  try {
    await app.close();
    await sink.stop();
  } finally {
    data.remove();
    process.exit(0);
  }
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

await app.listen({ host: '127.0.0.1', port });
console.log(`e2e: http://127.0.0.1:${port} (Mails in ${MAIL_DIR})`);
