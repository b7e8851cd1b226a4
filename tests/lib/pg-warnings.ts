/**
 * Setup file of the `postgres` project: pg's warning "Calling client.query() when the client is
 * already executing a query" (a query that stops working in pg 9) fails the test during which it
 * was emitted, so code that queries one client concurrently cannot come back unnoticed.
 */
import { afterAll, afterEach, expect } from 'vitest';

const CONCURRENT_QUERY = /client\.query\(\) when the client is already executing a query/;
const seen: string[] = [];

process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning' && CONCURRENT_QUERY.test(warning.message)) seen.push(warning.stack ?? warning.message);
});

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
