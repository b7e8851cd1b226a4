/**
 * Setup file of the `postgres` project: pg's warning "Calling client.query() when the client is
 * already executing a query" (a query that stops working in pg 9) fails the test during which it
 * was emitted, so code that queries one client concurrently cannot come back unnoticed.
 */
import { afterAll, afterEach, expect } from 'vitest';

const CONCURRENT_QUERY = /client\.query\(\) when the client is already executing a query/;

// The test files of a worker share its process (vitest.config.ts: isolate false), and this file
// runs before each of them: one listener per process, whose list each file's hooks empty. pg emits
// the warning once per process (util.deprecate), so its first occurrence is the one that fails.
const LISTENING = Symbol.for('kv.pg-warnings');
const state = globalThis as typeof globalThis & { [LISTENING]?: string[] };
const seen = (state[LISTENING] ??= (() => {
  const list: string[] = [];
  process.on('warning', (warning) => {
    if (warning.name === 'DeprecationWarning' && CONCURRENT_QUERY.test(warning.message)) list.push(warning.stack ?? warning.message);
  });
  return list;
})());

function expectNone(): void {
  // The warning is emitted on the next tick after the query; a macrotask later it has arrived.
  const found = seen.splice(0);
  expect(found, 'pg: client.query() called while the client was already executing a query').toEqual([]);
}

afterEach(async () => {
  await new Promise((resolve) => setImmediate(resolve));
  expectNone();
});
afterAll(async () => {
  await new Promise((resolve) => setImmediate(resolve));
  expectNone();
});
