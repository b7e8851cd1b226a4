/**
 * What a test leaves behind (apps, temporary folders, child servers, sinks, schemas), undone after
 * each test in reverse order. Call `cleanupAfterEach()` once at the top of a test file.
 */
import { afterEach } from 'vitest';
import type { BuildOptions } from '../../server/http/app.ts';
import type { Env } from '../../server/config.ts';
import type { SmtpSinkOptions } from '../../scripts/lib/smtp-sink.ts';
import { startServer, type ChildServer } from './child-server.ts';
import { createTestApp, smtpSink, tempDir, type SmtpSink, type TestApp } from './helpers.ts';

export interface Cleanups {
  /** Runs `cleanup` after the current test. */
  add(cleanup: () => Promise<void> | void): void;
  /** An app on a fresh store (createTestApp), closed after the test. */
  app(env?: Env, options?: BuildOptions): Promise<TestApp>;
  /** A started SMTP sink (on `port`, default a free one), stopped after the test. */
  sink(options?: SmtpSinkOptions, port?: number): Promise<SmtpSink>;
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
    async app(env, options) {
      const t = await createTestApp(env, options);
      pending.push(() => t.close());
      return t;
    },
    async sink(options, port) {
      const sink = smtpSink(options);
      await sink.start(port);
      pending.push(() => sink.stop());
      return sink;
    },
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
