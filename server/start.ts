/**
 * `npm start`: builds the site if dist/ (or its build manifest) is missing, then serves dist/ and
 * the form backend on HOST:PORT (default 127.0.0.1:4321). SIGTERM/SIGINT: stop taking requests,
 * finish the ones in flight, let the outbox finish a send, close the database, exit 0.
 */
import './jsx-loader.ts';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE } from '../policy/manifest.ts';
import { loadConfig } from './config.ts';
import { errorFields } from './request-log.ts';
import { readOrExit } from './startup.ts';

// After the .tsx hook (jsx-loader.ts) is in place: the app renders its pages from .tsx views.
const { buildApp } = await import('./app.ts');
const config = readOrExit(() => loadConfig());

const { distDir } = config;
const missing = distDir === null ? undefined : ['index.html', MANIFEST_FILE].map((file) => join(distDir, file)).find((file) => !existsSync(file));
if (missing !== undefined) {
  console.log(`${missing} fehlt: die Website wird jetzt gebaut (npm run build) …`);
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) {
    console.error('Der Build ist fehlgeschlagen; der Server startet nicht.');
    process.exit(build.status ?? 1);
  }
}

let app: Awaited<ReturnType<typeof buildApp>>;
try {
  app = await buildApp(config);
} catch (error) {
  // E.g. settings that differ from the build's: one line that says what to do, no stack.
  console.error((error as Error).message);
  process.exit(1);
}

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'Server wird beendet');
  const timeout = setTimeout(() => {
    app.log.error('Beenden dauert zu lange, Abbruch');
    process.exit(1);
  }, 25_000);
  timeout.unref();
  try {
    await app.close();
    process.exit(0);
  } catch (error) {
    app.log.error({ ...errorFields(error), message: (error as Error).message }, 'Fehler beim Beenden');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ host: config.host, port: config.port });
} catch (error) {
  app.log.error({ ...errorFields(error), message: (error as Error).message }, 'Server konnte nicht starten');
  process.exit(1);
}
