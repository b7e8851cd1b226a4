import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatReference, migrations, openStore } from '../../server/db.ts';
import { tempDir } from './helpers.ts';

const dirs: { remove: () => void }[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});
function dir() {
  const d = tempDir();
  dirs.push(d);
  return d.path;
}

describe('storage', () => {
  it('uses WAL and synchronous=FULL and records the schema version', () => {
    const path = dir();
    const store = openStore(path);
    store.close();
    const db = new DatabaseSync(join(path, 'submissions.sqlite'));
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.at(-1)?.version });
    db.close();
    const again = openStore(path);
    expect(again.schemaVersion).toBe(1);
    again.close();
  });

  it('keeps submissions across a reopen and applies migrations only once', () => {
    const path = dir();
    const store = openStore(path);
    const saved = store.saveSubmission({ form: 'interesse', prefix: 'KV', data: { behoerde: 'A' }, spam: false, now: new Date('2026-03-01T10:00:00Z') });
    expect(saved.reference).toBe('KV-2026-000001');
    store.close();
    const reopened = openStore(path);
    expect(reopened.listSubmissions('interesse').map((s) => s.reference)).toEqual(['KV-2026-000001']);
    expect(reopened.saveSubmission({ form: 'interesse', prefix: 'KV', data: {}, spam: false, now: new Date('2026-03-02T10:00:00Z') }).reference).toBe(
      'KV-2026-000002',
    );
    reopened.close();
  });

  it('starts the numbering anew each year (German time)', () => {
    const store = openStore(dir());
    store.saveSubmission({ form: 'interesse', prefix: 'KV', data: {}, spam: false, now: new Date('2026-12-31T12:00:00Z') });
    const newYear = store.saveSubmission({ form: 'interesse', prefix: 'KV', data: {}, spam: false, now: new Date('2026-12-31T23:30:00Z') });
    expect(newYear.reference).toBe('KV-2027-000001');
    store.close();
  });

  it('refuses a database written by a newer server', () => {
    const path = dir();
    openStore(path).close();
    const db = new DatabaseSync(join(path, 'submissions.sqlite'));
    db.exec('PRAGMA user_version = 99');
    db.close();
    expect(() => openStore(path)).toThrow(/Schema-Version 99/);
  });

  it('writes no outbox entry for spam, and purges old spam', () => {
    const store = openStore(dir());
    store.saveSubmission({ form: 'interesse', prefix: 'KV', data: {}, spam: true, now: new Date('2026-01-01T00:00:00Z') });
    store.saveSubmission({ form: 'interesse', prefix: 'KV', data: {}, spam: false });
    expect(store.pendingMailCount()).toBe(1);
    expect(store.countSpam('interesse')).toBe(1);
    expect(store.purgeSpam(new Date('2026-02-01T00:00:00Z'))).toBe(1);
    expect(store.countSpam('interesse')).toBe(0);
    expect(store.listSubmissions('interesse')).toHaveLength(1);
    store.close();
  });

  it('deletes submissions after the retention period, but not one whose mail is still pending', () => {
    const store = openStore(dir());
    const old = store.saveSubmission({ form: 'interesse', prefix: 'KV', data: {}, spam: false, now: new Date('2025-01-01T00:00:00Z') });
    store.saveSubmission({ form: 'interesse', prefix: 'KV', data: {}, spam: false, now: new Date('2025-01-02T00:00:00Z') });
    store.saveSubmission({ form: 'interesse', prefix: 'KV', data: {}, spam: false, now: new Date('2026-06-01T00:00:00Z') });
    const due = store.dueMails(Date.now(), 10).find((m) => m.submission.id === old.id);
    store.markSent(due!.outboxId, new Date());
    expect(store.purgeExpired(new Date('2026-01-01T00:00:00Z'))).toBe(1);
    expect(store.listSubmissions('interesse').map((s) => s.receivedAt)).toEqual(['2026-06-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z']);
    store.close();
  });

  it('formats reference numbers with six digits', () => {
    expect(formatReference('KV', 2026, 123)).toBe('KV-2026-000123');
  });
});
