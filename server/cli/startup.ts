/**
 * How the commands of the server (`npm start`, `npm run purge`, `npm run backup`, `npm run
 * migrate-store`, `npm run admin`) stop on a wrong setting or a build they cannot use (missing or broken content.json): with the German message alone
 * on stderr (it names the variable or the file) and exit code 1, no stack trace. Any other error is
 * a fault of the program and keeps its stack.
 */
import { ConfigurationError } from '../../shared/lib/env.ts';
import { BuildOutputError } from '../../shared/lib/server-files.ts';

/** Runs `read` (e.g. loadConfig); a ConfigurationError or BuildOutputError ends the process with its message. */
export function readOrExit<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConfigurationError || error instanceof BuildOutputError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
