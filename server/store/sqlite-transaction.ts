/** One write transaction on a SQLite connection: committed when `work` returns, rolled back when it throws. */
import type { DatabaseSync } from 'node:sqlite';

export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
