/**
 * `npm run dev`: the Astro dev server plus the form backend, so forms behave in development as in
 * production. The backend runs on DEV_BACKEND_PORT (default 4322, only the form endpoint and its
 * pages, no site) and the dev pages post to it (PUBLIC_FORM_ENDPOINT). Like the build, this writes
 * what the server needs into a server folder of its own (node_modules/.kv-dev/dist-server/): the
 * content and the page frame, fetched from the dev server (src/pages/kv-content.json.ts,
 * kv-frame.astro), and the server compiled as the build compiles it; then it runs that server. A
 * change to an offer needs a restart of `npm run dev` to reach the backend. Without SMTP_URL a
 * local SMTP sink catches the notifications and writes them to DATA_DIR/dev-mails/<n>.eml, so
 * nothing waits in the outbox.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { smtpSink, type SmtpSink } from './lib/smtp-sink.ts';
import { waitFor } from './lib/wait-for.ts';
import { compileServer } from '../src/integrations/server-compile.ts';
import { CONTENT_FILE, CONTENT_ROUTE, FRAME_FILE, FRAME_ROUTE, serverDirOf } from '../shared/lib/server-files.ts';

const sitePort = Number(process.env['DEV_PORT'] ?? 4321);
const backendPort = Number(process.env['DEV_BACKEND_PORT'] ?? 4322);
const dataDir = resolve(process.env['DATA_DIR'] ?? 'data');
const siteOrigins = [`http://localhost:${sitePort}`, `http://127.0.0.1:${sitePort}`];
/** The development build: no site of its own (Astro's dev server serves the pages), its server folder beside. */
const devDist = resolve('node_modules', '.kv-dev', 'dist');
const serverDir = serverDirOf(devDist);

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

const astro = spawn('npx', ['astro', 'dev', '--port', String(sitePort), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PUBLIC_FORM_ENDPOINT: process.env['PUBLIC_FORM_ENDPOINT'] ?? `http://127.0.0.1:${backendPort}` },
});
let app: { close(): Promise<void> } | null = null;
let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  astro.kill('SIGTERM');
  await app?.close();
  if (sink) await sink.stop();
  process.exit(code);
}
astro.on('exit', (code) => void stop(code ?? 0));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

/** A page of the dev server, once it answers. */
async function fromDevServer(path: string): Promise<string> {
  const url = `http://127.0.0.1:${sitePort}/${path}`;
  let text = '';
  await waitFor(async () => {
    const response = await fetch(url).catch(() => null);
    if (response?.ok !== true) return false;
    text = await response.text();
    return true;
  }, 120_000, 500);
  return text;
}

mkdirSync(serverDir, { recursive: true });
writeFileSync(join(serverDir, CONTENT_FILE), await fromDevServer(CONTENT_ROUTE));
writeFileSync(join(serverDir, FRAME_FILE), await fromDevServer(`${FRAME_ROUTE}/`));
await compileServer(process.cwd(), serverDir);
const { buildApp, loadConfig } = (await import(pathToFileURL(join(serverDir, 'index.js')).href)) as typeof import('../server/index.ts');

const config = loadConfig({
  ...process.env,
  PORT: String(backendPort),
  SITE_URL: siteOrigins[0],
  ALLOWED_ORIGINS: [...siteOrigins, process.env['ALLOWED_ORIGINS'] ?? ''].filter((o) => o !== '').join(','),
  DIST_DIR: devDist,
  SERVE_SITE: 'false',
  DATA_DIR: dataDir,
  SMTP_URL: smtpUrl,
  OUTBOX_POLL_MS: process.env['OUTBOX_POLL_MS'] ?? '1000',
});
const server = await buildApp(config);
app = server;
await server.listen({ host: '127.0.0.1', port: backendPort });
console.log(`[dev] Formular-Backend: http://127.0.0.1:${backendPort} (Server-Ordner ${serverDir})`);
