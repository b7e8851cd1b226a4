/**
 * A real PostgreSQL server for tests and the benchmark: Debian's PostgreSQL 15 (`initdb`, `pg_ctl`
 * from /usr/lib/postgresql/15/bin, or PG_BIN) in a temporary directory on a free loopback port,
 * removed again by `remove()`. Run as root, the server runs as the `postgres` user (runuser), in a
 * directory owned by it. Authentication is `trust` on 127.0.0.1 only; fsync and
 * synchronous_commit stay at their durable defaults. Separate stores share one server through
 * schemas of their own (`createSchema`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.ts';
import { tempDir } from './temp-dir.ts';

const PG_BIN = process.env['PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  readonly dir: string;
  /** Stops the server (`fast`: aborts open transactions; `immediate`: like a crash). */
  stop(mode?: 'fast' | 'immediate'): void;
  /** Starts the stopped server again on the same port and data. */
  start(): void;
  /** Stops the server and deletes its directory. */
  remove(): void;
}

export async function startPostgres(): Promise<PostgresServer> {
  if (!existsSync(join(PG_BIN, 'initdb')) || !existsSync(join(PG_BIN, 'pg_ctl'))) throw new Error(`PostgreSQL fehlt (${PG_BIN}/initdb): apt-get install postgresql`);
  const asRoot = userInfo().uid === 0;
  const folder = tempDir('kv-pg-');
  const dir = folder.path;
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const run = (command: string, args: string[]): void => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} ist fehlgeschlagen:\n${result.stdout}\n${result.stderr}`);
  };
  const data = join(dir, 'data');
  run(join(PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-instructions']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${dir}'`,
    '-c max_connections=200',
    '-c shared_buffers=32MB',
    '-c logging_collector=off',
  ].join(' ');
  const start = (): void => run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const stop = (mode: 'fast' | 'immediate' = 'fast'): void => run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
  start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stop(mode) {
      stop(mode);
      running = false;
    },
    start() {
      start();
      running = true;
    },
    remove() {
      try {
        if (running) stop('immediate');
      } finally {
        running = false;
        folder.remove();
      }
    },
  };
}

/** A database URL whose connections use `schema` (through the search_path). */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.href;
}

export interface PostgresSchema {
  /** The server's URL with the schema as search_path (`withSchema`). */
  readonly url: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty schema on `serverUrl`, named `<prefix>_<16 random hex digits>`. */
export async function createSchema(serverUrl: string, prefix = 'kv_test'): Promise<PostgresSchema> {
  const schema = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await adminQuery(serverUrl, `CREATE SCHEMA ${schema}`);
  return { url: withSchema(serverUrl, schema), drop: () => adminQuery(serverUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}
