/**
 * The store itself, against the project's store (SQLite or PostgreSQL): numbering, spam, retention,
 * leases and group commit. Each test gets an empty store.
 */
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, openServerStore, formatReference, type Store } from '../../server/store/index.ts';
import { openResilientStore } from '../../server/store/resilient.ts';
import { testStoreLocation, type TestStore } from '../lib/test-store.ts';

const opened: Store[] = [];
const locations: TestStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const location of locations.splice(0)) await location.remove();
});
async function fresh(): Promise<{ store: Store; at: TestStore; reopen: () => Store }> {
  const at = await testStoreLocation();
  locations.push(at);
  const reopen = (): Store => {
    const store = openStore(at.location);
    opened.push(store);
    return store;
  };
  return { store: reopen(), at, reopen };
}
const save = (store: Store, now: string, spam = false, data: Record<string, unknown> = { behoerde: 'A' }) =>
  store.saveSubmissions([{ form: 'interesse', prefix: 'KV', data, spam, now: new Date(now) }]).then(([saved]) => saved!);

describe('storage', () => {
  it('keeps submissions across a reopen and applies migrations only once', async () => {
    const { store, reopen } = await fresh();
    expect((await save(store, '2026-03-01T10:00:00Z')).reference).toBe('KV-2026-000001');
    const version = await store.schemaVersion();
    await store.close();
    const again = reopen();
    expect(await again.schemaVersion()).toBe(version);
    expect((await again.listSubmissions('interesse')).map((s) => s.reference)).toEqual(['KV-2026-000001']);
    expect((await save(again, '2026-03-02T10:00:00Z')).reference).toBe('KV-2026-000002');
  });

  it('numbers a batch one after another per prefix, in one transaction, and starts anew each year (German time)', async () => {
    const { store } = await fresh();
    const batch = await store.saveSubmissions([
      { form: 'interesse', prefix: 'KV', data: {}, spam: false, now: new Date('2026-12-31T12:00:00Z') },
      { form: 'barriere-melden', prefix: 'BF', data: {}, spam: false, now: new Date('2026-12-31T12:00:00Z') },
      { form: 'interesse', prefix: 'KV', data: {}, spam: false, now: new Date('2026-12-31T22:59:59Z') },
      { form: 'interesse', prefix: 'KV', data: {}, spam: false, now: new Date('2026-12-31T23:30:00Z') },
    ]);
    expect(batch.map((s) => s.reference)).toEqual(['KV-2026-000001', 'BF-2026-000001', 'KV-2026-000002', 'KV-2027-000001']);
    expect((await store.outboxStatus()).pending).toBe(4);
  });

  it('refuses a database written by a newer server', async () => {
    const { store, at, reopen } = await fresh();
    await store.schemaVersion();
    await store.close();
    if (at.kind === 'sqlite') {
      const db = new DatabaseSync(join(at.location.dataDir, 'submissions.sqlite'));
      db.exec('PRAGMA user_version = 99');
      db.close();
    } else {
      const client = new pg.Client({ connectionString: at.location.databaseUrl ?? '' });
      await client.connect();
      await client.query("INSERT INTO kv_schema_migrations (version, description) VALUES (99, 'future')");
      await client.end();
    }
    await expect(reopen().schemaVersion()).rejects.toThrow(/Schema-Version 99/);
  });

  it('keeps no data of a honeypot catch and writes no outbox entry for it, and purges old spam', async () => {
    const { store } = await fresh();
    const spam = await save(store, '2026-01-01T00:00:00Z', true, { behoerde: 'Spam GmbH', email: 'bot@example.org' });
    await save(store, new Date().toISOString());
    expect(spam.data).toEqual({});
    expect((await store.outboxStatus()).pending).toBe(1);
    expect(await store.countSpam('interesse')).toBe(1);
    expect(await store.purgeSpam(new Date('2026-02-01T00:00:00Z'))).toBe(1);
    expect(await store.countSpam('interesse')).toBe(0);
    expect(await store.listSubmissions('interesse')).toHaveLength(1);
  });

  it('deletes submissions after the retention period, but not one whose mail is still pending', async () => {
    const { store } = await fresh();
    const old = await save(store, '2025-01-01T00:00:00Z');
    await save(store, '2025-01-02T00:00:00Z');
    await save(store, '2026-06-01T00:00:00Z');
    const claimed = await store.claimDueMails('test', Date.now(), 60_000, 10);
    await store.markSent(claimed.filter((m) => m.submission.id === old.id).map((m) => m.outboxId), new Date());
    expect(await store.purgeExpired(new Date('2026-01-01T00:00:00Z'))).toBe(1);
    expect((await store.listSubmissions('interesse')).map((s) => s.receivedAt)).toEqual(['2026-06-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z']);
  });

  it('pages the list newest first and counts it', async () => {
    const { store } = await fresh();
    for (let day = 1; day <= 5; day++) await save(store, `2026-03-0${day}T10:00:00Z`);
    expect(await store.countSubmissions('interesse')).toBe(5);
    expect((await store.listSubmissions('interesse', { limit: 2, offset: 0 })).map((s) => s.reference.slice(-1))).toEqual(['5', '4']);
    expect((await store.listSubmissions('interesse', { limit: 2, offset: 4 })).map((s) => s.reference.slice(-1))).toEqual(['1']);
  });

  it('lends each due mail to one claimant until its lease ends, then to the next; sent mails are not lent again', async () => {
    const { store } = await fresh();
    for (let i = 0; i < 3; i++) await save(store, '2026-03-01T10:00:00Z');
    const now = Date.now();
    const a = await store.claimDueMails('instanz-a', now, 1_000, 2);
    const b = await store.claimDueMails('instanz-b', now, 5_000, 10);
    expect(a).toHaveLength(2);
    expect(b.map((m) => m.outboxId)).not.toContain(a[0]?.outboxId);
    expect(b).toHaveLength(1);
    expect(await store.claimDueMails('instanz-b', now + 500, 1_000, 10)).toEqual([]);
    // instance a died: after the lease its mails go to b
    const takenOver = await store.claimDueMails('instanz-b', now + 1_001, 1_000, 10);
    expect(takenOver.map((m) => m.outboxId).sort()).toEqual(a.map((m) => m.outboxId).sort());
    await store.markSent([...takenOver, ...b].map((m) => m.outboxId), new Date());
    expect(await store.claimDueMails('instanz-c', now + 10_000, 1_000, 10)).toEqual([]);
    expect((await store.outboxStatus()).pending).toBe(0);
  });

  it('gives a failed mail back for a later attempt', async () => {
    const { store } = await fresh();
    await save(store, '2026-03-01T10:00:00Z');
    const now = Date.now();
    const [mail] = await store.claimDueMails('a', now, 60_000, 1);
    await store.markFailed(mail!.outboxId, 'ECONNREFUSED', now + 5_000);
    expect(await store.claimDueMails('b', now + 1_000, 60_000, 1)).toEqual([]);
    const [again] = await store.claimDueMails('b', now + 5_000, 60_000, 1);
    expect(again).toMatchObject({ outboxId: mail!.outboxId, attempts: 1 });
  });

  it('group commit: submissions arriving while a commit is in flight share the next transaction, each answered after it', async () => {
    const at = await testStoreLocation();
    locations.push(at);
    const commits: number[] = [];
    const store = openServerStore(at.location, { onCommit: (n) => commits.push(n) });
    opened.push(store);
    await store.schemaVersion();
    const saved = await Promise.all(Array.from({ length: 40 }, () => store.saveSubmission({ form: 'interesse', prefix: 'KV', data: {}, spam: false })));
    console.log(`group commit (${at.kind}): 40 submissions at once in ${commits.length} transactions (${commits.join(', ')})`);
    expect(commits.reduce((a, b) => a + b, 0)).toBe(40);
    expect(commits[0]).toBe(1);
    expect(commits.length).toBeLessThan(40);
    expect(new Set(saved.map((s) => s.reference)).size).toBe(40);
    expect(saved.map((s) => Number(s.reference.slice(-6))).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('health: answers from the last write for a few seconds and probes with a no-op commit only after that', async () => {
    const at = await testStoreLocation();
    locations.push(at);
    let probes = 0;
    const counted = (): Store => {
      const store = openStore(at.location);
      return { ...store, kind: store.kind, probeWrite: () => ((probes += 1), store.probeWrite()) };
    };
    const store = openResilientStore(counted, { healthCacheMs: 60_000 });
    opened.push(store);
    const answers = await Promise.all(Array.from({ length: 20 }, () => store.health()));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(probes).toBe(1);
    for (let i = 0; i < 20; i++) await store.health();
    await store.saveSubmission({ form: 'interesse', prefix: 'KV', data: {}, spam: false });
    expect(await store.health()).toEqual({ ok: true });
    expect(probes).toBe(1);
    const uncached = openResilientStore(counted, { healthCacheMs: 0 });
    opened.push(uncached);
    await uncached.health();
    await uncached.health();
    console.log(`health (${at.kind}): 41 checks within the cache time, 1 probe; without cache 2 checks, ${probes - 1} probes`);
    expect(probes).toBe(3);
  });

  it('formats reference numbers with six digits', () => {
    expect(formatReference('KV', 2026, 123)).toBe('KV-2026-000123');
  });
});
