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
import { readContentPaths } from '../src/lib/content-paths.ts';
import { CONTENT_FILE, serverDirOf } from '../src/lib/server-files.ts';
import { loadConfig } from './config.ts';

// After the .tsx hook (jsx-loader.ts) is in place: the app renders its pages from .tsx views.
const { buildApp } = await import('./app.ts');

const { distDir } = readContentPaths();
const missing = [join(distDir, 'index.html'), join(serverDirOf(distDir), MANIFEST_FILE), join(serverDirOf(distDir), CONTENT_FILE)].find((file) => !existsSync(file));
if (missing !== undefined) {
  console.log(`${missing} fehlt: die Website wird jetzt gebaut (npm run build) …`);
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) {
    console.error('Der Build ist fehlgeschlagen; der Server startet nicht.');
    process.exit(build.status ?? 1);
  }
}

let app: Awaited<ReturnType<typeof buildApp>>;
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
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
    app.log.error({ name: (error as Error).name, code: (error as { code?: string }).code, message: (error as Error).message }, 'Fehler beim Beenden');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ host: config.host, port: config.port });
} catch (error) {
  app.log.error({ name: (error as Error).name, message: (error as Error).message }, 'Server konnte nicht starten');
  process.exit(1);
}
