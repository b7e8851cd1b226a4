/**
 * What a test leaves behind (temporary folders, child servers, sinks, schemas), undone after each
 * test in reverse order. Call `cleanupAfterEach()` once at the top of a test file.
 */
import { afterEach } from 'vitest';
import { startServer, type ChildServer } from './child-server.ts';
import { tempDir } from './helpers.ts';

export interface Cleanups {
  /** Runs `cleanup` after the current test. */
  add(cleanup: () => Promise<void> | void): void;
  /** A temporary folder, removed after the test. */
  folder(prefix: string): string;
  /** The real server as a child process (tests/server/child-server.ts), killed after the test. */
  server(env: Record<string, string>, wrap?: readonly string[]): Promise<ChildServer>;
}

export function cleanupAfterEach(): Cleanups {
  const pending: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of pending.splice(0).reverse()) await cleanup();
  });
  return {
    add: (cleanup) => void pending.push(cleanup),
    folder(prefix) {
      const dir = tempDir(prefix);
      pending.push(() => dir.remove());
      return dir.path;
    },
    async server(env, wrap = []) {
      const server = await startServer(env, wrap);
      pending.push(async () => {
        await server.stop('SIGKILL');
      });
      return server;
    },
  };
}
