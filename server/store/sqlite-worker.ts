/**
 * The SQLite store's worker thread: it owns the connection and runs one operation per message, so
 * the fsync of a commit never blocks the server's event loop. The connection is opened on first
 * use and closed after any error; the next operation opens it again (that is how SQLite recovers
 * from an I/O error such as a full disk).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteOperations } from './sqlite-db.ts';

export interface SqliteRequest {
  readonly id: number;
  readonly method: string;
  readonly args: readonly unknown[];
}

export type SqliteResponse =
  | { readonly id: number; readonly result: unknown }
  | { readonly id: number; readonly error: { readonly code?: unknown; readonly errcode?: unknown; readonly message: string } };

const { dataDir } = workerData as { dataDir: string };
let operations: SqliteOperations | null = null;

function close(): void {
  try {
    operations?.close();
  } catch {
    // the connection is broken anyway
  }
  operations = null;
}

parentPort?.on('message', ({ id, method, args }: SqliteRequest) => {
  try {
    if (method === 'close') {
      close();
      parentPort?.postMessage({ id, result: null } satisfies SqliteResponse);
      return;
    }
    operations ??= new SqliteOperations(dataDir);
    // A method of the store, of its accounts and sessions, or of its Vorgänge.
    const owner = (method in operations ? operations : method in operations.vorgaenge ? operations.vorgaenge : operations.accounts) as unknown as Record<
      string,
      (...a: unknown[]) => unknown
    >;
    const result = method === 'schemaVersion' ? operations.schemaVersion : owner[method]?.apply(owner, [...args]);
    parentPort?.postMessage({ id, result } satisfies SqliteResponse);
  } catch (error) {
    close();
    const e = (error ?? {}) as { code?: unknown; errcode?: unknown; message?: unknown };
    parentPort?.postMessage({ id, error: { code: e.code, errcode: e.errcode, message: String(e.message ?? error) } } satisfies SqliteResponse);
  }
});
