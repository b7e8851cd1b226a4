/**
 * The SQLite store (the embedded default, a file in DATA_DIR): every operation is a message to
 * the worker thread that owns the connection (server/store/sqlite-worker.ts), answered when it has
 * committed. Operations run one after another in the order they were asked for.
 */
import { Worker } from 'node:worker_threads';
import { toRowInputs, type SqliteOperations } from './sqlite-db.ts';
import type { SqliteAccounts } from './sqlite-accounts.ts';
import type { SqliteVorgaenge } from './sqlite-vorgaenge.ts';
import type { SqliteRequest, SqliteResponse } from './sqlite-worker.ts';
import { STORE_ENDED, storedSubmissions, type SavedRow, type Store } from './types.ts';

type Methods = Omit<SqliteOperations, 'db' | 'schemaVersion' | 'close' | 'accounts' | 'vorgaenge'> & Omit<SqliteAccounts, never> & Omit<SqliteVorgaenge, never>;

/**
 * The worker's file beside this module: sqlite-worker.ts next to the source (tests run it), or
 * sqlite-worker.js in the compiled server, where every file lies in one folder
 * (src/integrations/server-compile.ts).
 */
const WORKER = new URL(`./sqlite-worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);

export function openSqliteStore(dataDir: string): Store {
  const worker = new Worker(WORKER, { workerData: { dataDir } });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let nextId = 0;
  let ended: Error | null = null;
  // The worker keeps the process alive only while an answer is awaited.
  worker.unref();

  const failAll = (error: Error): void => {
    for (const call of waiting.values()) call.reject(error);
    waiting.clear();
  };
  worker.on('message', (response: SqliteResponse) => {
    const call = waiting.get(response.id);
    if (call === undefined) return;
    waiting.delete(response.id);
    if (waiting.size === 0) worker.unref();
    if ('error' in response) call.reject(Object.assign(new Error(response.error.message), { code: response.error.code, errcode: response.error.errcode }));
    else call.resolve(response.result);
  });
  worker.on('error', (error) => {
    ended = Object.assign(new Error('Der SQLite-Worker ist abgestürzt'), { code: STORE_ENDED, cause: error });
    failAll(ended);
  });
  worker.on('exit', () => {
    ended ??= Object.assign(new Error('Der SQLite-Worker ist beendet'), { code: STORE_ENDED });
    failAll(ended);
  });

  function call<T>(method: string, ...args: unknown[]): Promise<T> {
    if (ended !== null) return Promise.reject(ended);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (waiting.size === 1) worker.ref();
      worker.postMessage({ id, method, args } satisfies SqliteRequest);
    });
  }

  const method =
    <K extends keyof Methods>(name: K) =>
    (...args: Parameters<Methods[K]>): Promise<ReturnType<Methods[K]>> =>
      call(name, ...args);

  return {
    kind: 'sqlite',
    schemaVersion: () => call<number>('schemaVersion'),
    async saveSubmissions(batch) {
      const { items, rows } = toRowInputs(batch);
      return storedSubmissions(items, await call<SavedRow[]>('saveRows', rows));
    },
    listSubmissions: method('listSubmissions'),
    submissionsBefore: method('submissionsBefore'),
    countSubmissions: method('countSubmissions'),
    countSpam: method('countSpam'),
    formCounts: method('formCounts'),
    claimDueMails: method('claimDueMails'),
    markSent: method('markSent'),
    markFailed: method('markFailed'),
    outboxStatus: method('outboxStatus'),
    purgeSpam: method('purgeSpam'),
    purgeExpired: method('purgeExpired'),
    probeWrite: method('probeWrite'),
    addAccount: method('addAccount'),
    setAccountPassword: method('setAccountPassword'),
    removeAccount: method('removeAccount'),
    findAccount: method('findAccount'),
    countAccounts: method('countAccounts'),
    createSession: method('createSession'),
    findSession: method('findSession'),
    touchSession: method('touchSession'),
    deleteSession: method('deleteSession'),
    purgeSessions: method('purgeSessions'),
    listVorgaenge: method('listVorgaenge'),
    findVorgang: method('findVorgang'),
    vorgangSubmissions: method('vorgangSubmissions'),
    moveVorgang: method('moveVorgang'),
    vorgangHistory: method('vorgangHistory'),
    allHistory: method('allHistory'),
    createStatusLink: method('createStatusLink'),
    statusLinks: method('statusLinks'),
    revokeStatusLink: method('revokeStatusLink'),
    findStatusLink: method('findStatusLink'),
    async close() {
      if (ended === null) await call('close').catch(() => undefined);
      ended ??= Object.assign(new Error('Der Speicher ist geschlossen'), { code: STORE_ENDED });
      await worker.terminate();
    },
  };
}
