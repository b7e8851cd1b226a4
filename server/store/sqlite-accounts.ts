/**
 * The SQLite store's staff accounts and sessions (AccountStore), synchronous on the connection of
 * SqliteOperations (server/store/sqlite-db.ts), in the worker thread like every other operation.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { transaction } from './sqlite-transaction.ts';
import type { StoredAccount, StoredSession } from './types.ts';

function prepare(db: DatabaseSync) {
  const p = (sql: string): StatementSync => db.prepare(sql);
  return {
    add: p('INSERT INTO accounts (name, password_hash, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING'),
    setPassword: p('UPDATE accounts SET password_hash = ? WHERE name = ?'),
    remove: p('DELETE FROM accounts WHERE name = ?'),
    endSessions: p('DELETE FROM sessions WHERE account = ?'),
    find: p('SELECT name, password_hash, created_at FROM accounts WHERE name = ?'),
    count: p('SELECT COUNT(*) AS n FROM accounts'),
    createSession: p('INSERT INTO sessions (token_hash, account, created_at, last_seen_at) VALUES (?, ?, ?, ?)'),
    findSession: p(`SELECT s.account, s.created_at, s.last_seen_at, a.name IS NOT NULL AS stored
      FROM sessions s LEFT JOIN accounts a ON a.name = s.account WHERE s.token_hash = ?`),
    touchSession: p('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?'),
    deleteSession: p('DELETE FROM sessions WHERE token_hash = ?'),
    purgeSessions: p('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?'),
  };
}

export class SqliteAccounts {
  private readonly db: DatabaseSync;
  private readonly sql: ReturnType<typeof prepare>;

  constructor(db: DatabaseSync) {
    this.db = db;
    this.sql = prepare(db);
  }

  addAccount(name: string, passwordHash: string, now: Date): boolean {
    return Number(this.sql.add.run(name, passwordHash, now.toISOString()).changes) === 1;
  }

  setAccountPassword(name: string, passwordHash: string): boolean {
    return transaction(this.db, () => {
      const changed = Number(this.sql.setPassword.run(passwordHash, name).changes) === 1;
      this.sql.endSessions.run(name);
      return changed;
    });
  }

  removeAccount(name: string): boolean {
    return transaction(this.db, () => {
      const removed = Number(this.sql.remove.run(name).changes) === 1;
      this.sql.endSessions.run(name);
      return removed;
    });
  }

  findAccount(name: string): StoredAccount | null {
    const row = this.sql.find.get(name) as { name: string; password_hash: string; created_at: string } | undefined;
    return row === undefined ? null : { name: row.name, passwordHash: row.password_hash, createdAt: row.created_at };
  }

  countAccounts(): number {
    return Number((this.sql.count.get() as { n: number }).n);
  }

  createSession(tokenHash: string, account: string, now: number): void {
    this.sql.createSession.run(tokenHash, account, now, now);
  }

  findSession(tokenHash: string): StoredSession | null {
    const row = this.sql.findSession.get(tokenHash) as { account: string; created_at: number; last_seen_at: number; stored: number } | undefined;
    if (row === undefined) return null;
    return { account: row.account, createdAt: Number(row.created_at), lastSeenAt: Number(row.last_seen_at), accountStored: Number(row.stored) === 1 };
  }

  touchSession(tokenHash: string, now: number): void {
    this.sql.touchSession.run(now, tokenHash);
  }

  deleteSession(tokenHash: string): void {
    this.sql.deleteSession.run(tokenHash);
  }

  purgeSessions(idleBefore: number, createdBefore: number): number {
    return Number(this.sql.purgeSessions.run(idleBefore, createdBefore).changes);
  }
}
