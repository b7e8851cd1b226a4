/**
 * Vorgänge in the store, against the project's store (SQLite or PostgreSQL): one per (interest form,
 * authority), assigned in the transaction that stores the submission, and created by the schema
 * migration for submissions stored before there were Vorgänge.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { authorityOf } from '../../server/store/authority.ts';
import { openStore, type Store } from '../../server/store/index.ts';
import { postgresMigrations, postgresMigrationSql } from '../../server/store/postgres-schema.ts';
import { sqliteMigrations } from '../../server/store/sqlite-schema.ts';
import { testStoreLocation, type TestStore } from '../lib/test-store.ts';

const opened: Store[] = [];
const locations: TestStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const location of locations.splice(0)) await location.remove();
});
async function freshLocation(): Promise<TestStore> {
  const at = await testStoreLocation();
  locations.push(at);
  return at;
}
function open(at: TestStore): Store {
  const store = openStore(at.location);
  opened.push(store);
  return store;
}

const FORM = 'interesse-beispiel';
const submission = (data: Record<string, unknown>, now: string, form = FORM, spam = false) => ({
  form,
  prefix: 'KV',
  data,
  spam,
  authority: form.startsWith('interesse-') ? authorityOf(data) : null,
  now: new Date(now),
});

describe('Vorgänge', () => {
  it('groups the submissions of one authority to one offer, by key or by normalised name, newest first', async () => {
    const store = open(await freshLocation());
    await store.saveSubmissions([submission({ behoerde: 'Stadt Beispielstadt', ags: '05999001' }, '2026-03-01T10:00:00Z')]);
    await store.saveSubmissions([
      submission({ behoerde: 'Kreis Muster', email: 'a@example.org' }, '2026-03-02T10:00:00Z'),
      submission({ behoerde: 'Stadt Beispielstadt, Ausländerbehörde', ags: '05999001' }, '2026-03-03T10:00:00Z'),
      submission({ behoerde: '  KREIS   muster ' }, '2026-03-04T10:00:00Z'),
      submission({ behoerde: 'Kreis Muster' }, '2026-03-05T10:00:00Z', 'interesse-anderes'),
      submission({ behoerde: 'Kreis Muster' }, '2026-03-05T11:00:00Z', FORM, true),
      submission({ nachricht: 'Barriere' }, '2026-03-06T10:00:00Z', 'barriere-melden'),
    ]);
    const list = await store.listVorgaenge();
    expect(list.map((v) => [v.form, v.number, v.behoerde, v.ags, v.submissions])).toEqual([
      ['interesse-anderes', 'KV-2026-000005', 'Kreis Muster', null, 1],
      [FORM, 'KV-2026-000002', 'KREIS   muster', null, 2],
      [FORM, 'KV-2026-000001', 'Stadt Beispielstadt, Ausländerbehörde', '05999001', 2],
    ]);
    const city = await store.findVorgang('KV-2026-000001');
    expect(city).toMatchObject({ authorityKey: 'ags:05999001', openedAt: '2026-03-01T10:00:00.000Z', lastReceivedAt: '2026-03-03T10:00:00.000Z' });
    expect((await store.vorgangSubmissions(city?.id ?? 0)).map((s) => s.reference)).toEqual(['KV-2026-000003', 'KV-2026-000001']);
    const kreis = await store.findVorgang('KV-2026-000002');
    expect((await store.vorgangSubmissions(kreis?.id ?? 0)).map((s) => s.reference)).toEqual(['KV-2026-000004', 'KV-2026-000002']);
    expect(await store.findVorgang('KV-2026-000006')).toBeNull();
  });

  it('opens one Vorgang for two submissions of a new authority in one transaction, numbered after the first', async () => {
    const store = open(await freshLocation());
    const saved = await store.saveSubmissions([
      submission({ behoerde: 'Gemeinde Neu', ags: '05999123' }, '2026-04-01T10:00:00Z'),
      submission({ behoerde: 'Gemeinde Neu (Ausländerbehörde)', ags: '05999123' }, '2026-04-01T10:00:01Z'),
    ]);
    const list = await store.listVorgaenge();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ number: saved[0]?.reference, behoerde: 'Gemeinde Neu (Ausländerbehörde)', submissions: 2 });
  });

  it('are created by the migration for the submissions stored before them', async () => {
    const at = await freshLocation();
    const rows: [string, string, Record<string, unknown>, boolean][] = [
      ['KV-2025-000001', FORM, { behoerde: 'Stadt Alt', ags: '05999002' }, false],
      ['KV-2025-000002', FORM, { behoerde: 'Kreis Alt' }, false],
      ['KV-2025-000003', FORM, { behoerde: 'kreis  alt' }, false],
      ['KV-2025-000004', FORM, {}, true],
      ['BF-2025-000001', 'barriere-melden', { nachricht: 'x' }, false],
    ];
    if (at.kind === 'sqlite') {
      mkdirSync(at.location.dataDir, { recursive: true });
      const db = new DatabaseSync(join(at.location.dataDir, 'submissions.sqlite'));
      for (const migration of sqliteMigrations.filter((m) => m.backfill === undefined && m.version < 4)) db.exec(migration.sql);
      db.exec('PRAGMA user_version = 3');
      const insert = db.prepare('INSERT INTO submissions (reference, form, received_at, data, spam) VALUES (?, ?, ?, ?, ?)');
      rows.forEach(([reference, form, data, spam], i) => insert.run(reference, form, `2025-05-0${i + 1}T10:00:00.000Z`, JSON.stringify(data), spam ? 1 : 0));
      db.close();
    } else {
      const client = new pg.Client({ connectionString: at.location.databaseUrl ?? '' });
      await client.connect();
      await client.query(postgresMigrationSql.table);
      for (const migration of postgresMigrations.filter((m) => m.version < 3)) {
        await client.query(migration.sql);
        await client.query(postgresMigrationSql.record, [migration.version, migration.description]);
      }
      for (const [i, [reference, form, data, spam]] of rows.entries()) {
        await client.query('INSERT INTO submissions (reference, form, received_at, data, spam) VALUES ($1, $2, $3, $4, $5)', [
          reference,
          form,
          `2025-05-0${i + 1}T10:00:00.000Z`,
          JSON.stringify(data),
          spam,
        ]);
      }
      await client.end();
    }
    const store = open(at);
    const list = await store.listVorgaenge();
    expect(list.map((v) => [v.number, v.behoerde, v.submissions, v.openedAt, v.lastReceivedAt])).toEqual([
      ['KV-2025-000002', 'kreis  alt', 2, '2025-05-02T10:00:00.000Z', '2025-05-03T10:00:00.000Z'],
      ['KV-2025-000001', 'Stadt Alt', 1, '2025-05-01T10:00:00.000Z', '2025-05-01T10:00:00.000Z'],
    ]);
    // A later submission of the same authority joins the migrated Vorgang.
    await store.saveSubmissions([submission({ behoerde: 'KREIS ALT' }, '2026-01-05T10:00:00Z')]);
    const kreis = await store.findVorgang('KV-2025-000002');
    expect((await store.vorgangSubmissions(kreis?.id ?? 0)).map((s) => s.reference)).toEqual(['KV-2026-000001', 'KV-2025-000003', 'KV-2025-000002']);
  });

  it('move from step to step with history (who, when, from, to, Angaben, note), refusing a move from a step the Vorgang has left', async () => {
    const store = open(await freshLocation());
    const [saved] = await store.saveSubmissions([submission({ behoerde: 'Stadt Beispielstadt', ags: '05999001' }, '2026-03-01T10:00:00Z')]);
    const vorgang = await store.findVorgang(saved?.reference ?? '');
    const id = vorgang?.id ?? 0;
    expect(vorgang).toMatchObject({ stepId: null, stepTitle: null, endedAt: null });
    const einzelabruf = { id: 'vertrag', titel: 'Mustervertrag eingegangen' };
    const angaben = [{ id: 'datum', titel: 'Datum', art: 'datum' as const, wert: '2026-03-10' }];
    const base = { vorgangId: id, account: 'anna', angaben, note: '' };
    expect(await store.moveVorgang({ ...base, at: '2026-03-11T09:00:00.000Z', from: null, to: einzelabruf, ends: false, note: 'per Post' })).toBe(true);
    // A second member of staff who still saw the first step: refused, nothing recorded.
    expect(await store.moveVorgang({ ...base, at: '2026-03-11T09:01:00.000Z', from: null, to: { id: 'produktiv', titel: 'produktiv' }, ends: true })).toBe(false);
    expect(await store.moveVorgang({ ...base, account: 'ben', at: '2026-03-12T09:00:00.000Z', from: einzelabruf, to: { id: 'produktiv', titel: 'produktiv' }, ends: true })).toBe(true);
    expect(await store.findVorgang(saved?.reference ?? '')).toMatchObject({ stepId: 'produktiv', stepTitle: 'produktiv', endedAt: '2026-03-12T09:00:00.000Z' });
    const history = await store.vorgangHistory(id);
    expect(history.map((c) => [c.account, c.from?.id ?? null, c.to.titel, c.note])).toEqual([
      ['ben', 'vertrag', 'produktiv', ''],
      ['anna', null, 'Mustervertrag eingegangen', 'per Post'],
    ]);
    expect(history[1]).toMatchObject({ at: '2026-03-11T09:00:00.000Z', from: null, angaben });
    // Back to an open step: the Vorgang is open again.
    expect(await store.moveVorgang({ ...base, at: '2026-03-13T09:00:00.000Z', from: { id: 'produktiv', titel: 'produktiv' }, to: einzelabruf, ends: false })).toBe(true);
    expect((await store.findVorgang(saved?.reference ?? ''))?.endedAt).toBeNull();
  });

  it('keep the contact data of an open Vorgang, and delete it once the Vorgang ended before the retention cut-off', async () => {
    const store = open(await freshLocation());
    await store.saveSubmissions([
      submission({ behoerde: 'Offen', ags: '05999001' }, '2025-01-01T10:00:00Z'),
      submission({ behoerde: 'Früh beendet', ags: '05999002' }, '2025-01-01T10:00:00Z'),
      submission({ behoerde: 'Spät beendet', ags: '05999003' }, '2025-01-01T10:00:00Z'),
      submission({ nachricht: 'Barriere' }, '2025-01-01T10:00:00Z', 'barriere-melden'),
      submission({ nachricht: 'Barriere neu' }, '2026-06-01T10:00:00Z', 'barriere-melden'),
    ]);
    const due = await store.claimDueMails('test', Date.now(), 60_000, 10);
    await store.markSent(due.map((mail) => mail.outboxId), new Date());
    const end = async (number: string, at: string) => {
      const v = await store.findVorgang(number);
      await store.moveVorgang({ vorgangId: v?.id ?? 0, at, account: 'anna', from: null, to: { id: 'produktiv', titel: 'produktiv' }, ends: true, angaben: [], note: '' });
    };
    await end('KV-2025-000002', '2026-01-10T10:00:00.000Z');
    await end('KV-2025-000003', '2026-03-10T10:00:00.000Z');
    const cutoff = new Date('2026-02-01T00:00:00Z');
    // With an admin area: by Vorgang (open: kept; ended after the cut-off: kept), the rest by arrival.
    expect(await store.purgeExpired(cutoff, true)).toBe(2);
    const left = async (number: string) => (await store.vorgangSubmissions((await store.findVorgang(number))?.id ?? 0)).length;
    expect([await left('KV-2025-000001'), await left('KV-2025-000002'), await left('KV-2025-000003')]).toEqual([1, 0, 1]);
    expect((await store.listSubmissions('barriere-melden')).map((s) => s.data['nachricht'])).toEqual(['Barriere neu']);
    // The Vorgang itself stays (Behörde, steps, history); only the submissions with the contact data go.
    expect(await store.findVorgang('KV-2025-000002')).toMatchObject({ behoerde: 'Früh beendet', submissions: 0 });
    // Without an admin area nobody ends a Vorgang: by arrival, as before.
    expect(await store.purgeExpired(cutoff)).toBe(2);
  });
});
