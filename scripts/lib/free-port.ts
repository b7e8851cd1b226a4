/** A free TCP port on loopback, for the child servers of the tests and the benchmark. */
import { createServer } from 'node:net';

/** A port nothing listens on right now (the probe is closed again before it resolves). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
