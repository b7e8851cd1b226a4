/**
 * `npm run dev`: the Astro dev server plus the form backend, so forms behave in development as in
 * production. The backend runs on DEV_BACKEND_PORT (default 4322, only the form endpoint, no dist/)
 * and the dev pages post to it (PUBLIC_FORM_ENDPOINT). Without SMTP_URL a local SMTP sink catches
 * the notifications and writes them to DATA_DIR/dev-mails/<n>.eml, so nothing waits in the outbox.
 */
import '../server/jsx-loader.ts';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { smtpSink, type SmtpSink } from './lib/smtp-sink.ts';
import { loadConfig } from '../server/config.ts';

// After the .tsx hook: the app renders its pages from .tsx views (server/jsx-loader.ts).
const { buildApp } = await import('../server/app.ts');

const sitePort = Number(process.env['DEV_PORT'] ?? 4321);
const backendPort = Number(process.env['DEV_BACKEND_PORT'] ?? 4322);
const dataDir = resolve(process.env['DATA_DIR'] ?? 'data');
const siteOrigins = [`http://localhost:${sitePort}`, `http://127.0.0.1:${sitePort}`];

let smtpUrl = process.env['SMTP_URL'] ?? '';
let sink: SmtpSink | null = null;
if (smtpUrl === '') {
  const mailDir = join(dataDir, 'dev-mails');
  mkdirSync(mailDir, { recursive: true });
  let n = 0;
  sink = smtpSink({
    keep: false,
    onMail: ({ raw }) => {
      n += 1;
      const file = join(mailDir, `${Date.now()}-${n}.eml`);
      writeFileSync(file, raw);
      console.log(`[dev] Benachrichtigung empfangen: ${file}`);
    },
  });
  await sink.start();
  smtpUrl = sink.url;
}

const config = loadConfig({
  ...process.env,
  PORT: String(backendPort),
  SITE_URL: siteOrigins[0],
  ALLOWED_ORIGINS: [...siteOrigins, process.env['ALLOWED_ORIGINS'] ?? ''].filter((o) => o !== '').join(','),
  DIST_DIR: '',
  DATA_DIR: dataDir,
  SMTP_URL: smtpUrl,
  OUTBOX_POLL_MS: process.env['OUTBOX_POLL_MS'] ?? '1000',
});
const app = await buildApp(config);
await app.listen({ host: '127.0.0.1', port: backendPort });

const astro = spawn('npx', ['astro', 'dev', '--port', String(sitePort), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PUBLIC_FORM_ENDPOINT: process.env['PUBLIC_FORM_ENDPOINT'] ?? `http://127.0.0.1:${backendPort}` },
});

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  astro.kill('SIGTERM');
  await app.close();
  if (sink) await sink.stop();
  process.exit(code);
}
astro.on('exit', (code) => void stop(code ?? 0));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
