/**
 * Two app instances on one PostgreSQL schema (in process, through inject): what one stores, the
 * other lists and exports; either deletes after the retention period; the numbering is shared; a
 * mail claimed by one is not sent by the other.
 */
import { describe, expect, inject, it } from 'vitest';
import { createSchema } from '../lib/test-store.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { INTERESSE, createTestApp, signInApp, json, validInteresse, type TestApp } from './helpers.ts';

const cleanups = cleanupAfterEach();

async function twoInstances(): Promise<[TestApp, TestApp]> {
  const db = await createSchema(inject('postgresUrl'));
  cleanups.add(() => db.drop());
  const env = { DATABASE_URL: db.url ?? '', ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'richtig-geheim' };
  const a = await createTestApp(env, { transport: null, startOutbox: false });
  const b = await createTestApp(env, { transport: null, startOutbox: false });
  cleanups.add(() => a.close());
  cleanups.add(() => b.close());
  return [a, b];
}

describe('two instances on one PostgreSQL database', () => {
  it('share numbering, admin list, CSV export and retention', async () => {
    const [a, b] = await twoInstances();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 === 0 ? a : b;
      const res = await app.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse({ behoerde: `Instanz ${i % 2 === 0 ? 'A' : 'B'} ${i}` }), headers: json });
      ids.push(res.json<{ id: string }>().id);
    }
    expect(ids.map((id) => Number(id.slice(-6)))).toEqual([1, 2, 3, 4, 5, 6]);
    // A session begun on one instance is valid on the other (the sessions are in the shared store).
    const auth = (await signInApp(a.app, 'dnrw', 'richtig-geheim')).cookie;
    const list = await b.app.inject({ method: 'GET', url: '/admin/', headers: auth });
    for (const id of ids) expect(list.body).toContain(id);
    const csv = await a.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.csv`, headers: auth });
    expect(csv.body).toContain('Instanz B 5');

    // A mail claimed by A is not given to B while A's lease runs.
    const claimedByA = await a.app.store.claimDueMails('instanz-a', Date.now(), 60_000, 3);
    const claimedByB = await b.app.store.claimDueMails('instanz-b', Date.now(), 60_000, 10);
    expect(claimedByA).toHaveLength(3);
    expect(claimedByB.map((m) => m.outboxId).filter((id) => claimedByA.some((m) => m.outboxId === id))).toEqual([]);
    await b.app.store.markSent([...claimedByA, ...claimedByB].map((m) => m.outboxId), new Date());

    // B deletes what A stored, once the retention period is over.
    expect(await b.app.store.purgeExpired(new Date(Date.now() + 1_000))).toBe(6);
    expect(await a.app.store.countSubmissions(INTERESSE)).toBe(0);
  });
});
