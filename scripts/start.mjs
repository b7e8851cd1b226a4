// `npm start`, `npm run purge|backup|migrate-store|admin`: runs the compiled server of the build
// (src/integrations/server-compile.ts) in DIST_DIR's server folder (dist-server/start.js …), after
// building when the site or the compiled server is missing. Plain JavaScript, so that it runs on
// every Node release the project supports, without type stripping.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverDirOf } from '../policy/build-output.mjs';

const COMMANDS = ['start', 'purge', 'backup', 'migrate-store', 'admin'];
// The command is this script's own argument; what follows it is the command's (npm run backup -- <Ziel>).
const [command = ''] = process.argv.splice(2, 1);
if (!COMMANDS.includes(command)) {
  console.error(`Aufruf: node scripts/start.mjs ${COMMANDS.join('|')} [Argumente]`);
  process.exit(2);
}

const dist = resolve(process.env['DIST_DIR']?.trim() || 'dist');
const entry = join(serverDirOf(dist), `${command}.js`);
const missing = [join(dist, 'index.html'), entry].find((file) => !existsSync(file));
if (missing !== undefined) {
  console.log(`${missing} fehlt: die Website und der Server werden jetzt gebaut (npm run build) …`);
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) {
    console.error('Der Build ist fehlgeschlagen; der Server startet nicht.');
    process.exit(build.status ?? 1);
  }
}
await import(pathToFileURL(entry).href);
