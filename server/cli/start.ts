/**
 * `npm start` (scripts/start.mjs runs the compiled form, dist-server/start.js): serves the built
 * site and the form backend on HOST:PORT (default 127.0.0.1:4321). SIGTERM/SIGINT: stop taking
 * requests, finish the ones in flight, let the outbox finish a send, close the database, exit 0.
 */
import { buildApp } from '../http/app.ts';
import { loadConfig } from '../config.ts';
import { errorFields } from '../http/request-log.ts';
import { readOrExit } from './startup.ts';

const config = readOrExit(() => loadConfig());
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
