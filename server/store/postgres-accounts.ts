/**
 * The PostgreSQL store's staff accounts and sessions (AccountStore), on the store's pool; `query`
 * runs the migrations first (server/store/postgres.ts). Changing a password or removing an account
 * ends its sessions in the same transaction.
 */
import type pg from 'pg';
import type { AccountStore } from './types.ts';

type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;

/** The account's change and the end of its sessions in one statement (a data-modifying CTE). */
const andEndSessions = (change: string): string =>
  `WITH changed AS (${change} RETURNING name), ended AS (DELETE FROM sessions WHERE account = $1) SELECT COUNT(*)::int AS n FROM changed`;

export function postgresAccounts(query: Query): AccountStore {
  const changed = async (sql: string, params: unknown[]): Promise<boolean> => ((await query<{ n: number }>(sql, params)).rows[0]?.n ?? 0) === 1;
  return {
    async addAccount(name, passwordHash, now) {
      const { rowCount } = await query('INSERT INTO accounts (name, password_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [
        name,
        passwordHash,
        now.toISOString(),
      ]);
      return rowCount === 1;
    },
    setAccountPassword: (name, passwordHash) => changed(andEndSessions('UPDATE accounts SET password_hash = $2 WHERE name = $1'), [name, passwordHash]),
    removeAccount: (name) => changed(andEndSessions('DELETE FROM accounts WHERE name = $1'), [name]),
    async findAccount(name) {
      const { rows } = await query<{ name: string; password_hash: string; created_at: Date }>('SELECT name, password_hash, created_at FROM accounts WHERE name = $1', [name]);
      const row = rows[0];
      return row === undefined ? null : { name: row.name, passwordHash: row.password_hash, createdAt: row.created_at.toISOString() };
    },
    async countAccounts() {
      return Number((await query<{ n: string }>('SELECT COUNT(*) AS n FROM accounts')).rows[0]?.n ?? 0);
    },
    async createSession(tokenHash, account, now) {
      await query('INSERT INTO sessions (token_hash, account, created_at, last_seen_at) VALUES ($1, $2, $3, $3)', [tokenHash, account, now]);
    },
    async findSession(tokenHash) {
      const { rows } = await query<{ account: string; created_at: string; last_seen_at: string; stored: boolean }>(
        `SELECT s.account, s.created_at, s.last_seen_at, a.name IS NOT NULL AS stored
         FROM sessions s LEFT JOIN accounts a ON a.name = s.account WHERE s.token_hash = $1`,
        [tokenHash],
      );
      const row = rows[0];
      return row === undefined ? null : { account: row.account, createdAt: Number(row.created_at), lastSeenAt: Number(row.last_seen_at), accountStored: row.stored };
    },
    async touchSession(tokenHash, now) {
      await query('UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1', [tokenHash, now]);
    },
    async deleteSession(tokenHash) {
      await query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async purgeSessions(idleBefore, createdBefore) {
      return (await query('DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2', [idleBefore, createdBefore])).rowCount ?? 0;
    },
  };
}
