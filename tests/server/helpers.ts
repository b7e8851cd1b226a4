/**
 * Test helpers for the form server: a fresh app on a temporary DATA_DIR (and, in the `postgres`
 * project, a fresh PostgreSQL schema), a real SMTP sink (smtp-server) and a small parser for the
 * mails it receives.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from '../../server/app.ts';
import { loadConfig, type Env, type ServerConfig } from '../../server/config.ts';
import { testDatabase, testStoreKind } from '../lib/test-store.ts';

export { testStoreKind } from '../lib/test-store.ts';

export { parseMail, decodeQuotedPrintable, type ParsedMail } from './mime.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const SITE = 'http://127.0.0.1:4321';

export function tempDir(prefix = 'kv-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface TestApp {
  app: FastifyInstance;
  config: ServerConfig;
  dataDir: string;
  close: () => Promise<void>;
}

/**
 * An app with its own DATA_DIR (and its own PostgreSQL schema in the `postgres` project), no static
 * site, quiet logs and no mail unless asked for.
 */
export async function createTestApp(env: Env = {}, options: BuildOptions = { transport: null }): Promise<TestApp> {
  const data = tempDir();
  const database = await testDatabase();
  const storeEnv = database.url === undefined ? {} : { DATABASE_URL: database.url };
  const config = loadConfig({ DATA_DIR: data.path, DIST_DIR: '', LOG_LEVEL: 'silent', FORM_RATE_LIMIT: '1000', ...storeEnv, ...env }, repoRoot);
  const app = await buildApp(config, options);
  return {
    app,
    config,
    dataDir: data.path,
    close: async () => {
      await app.close();
      await database.drop();
      data.remove();
    },
  };
}

/** A valid interest submission (as JSON). */
export function validInteresse(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    behoerde: 'Stadt Dortmund, Ausländerbehörde',
    ags: '05913000',
    ansprechperson: 'Erika Mustermann',
    funktion: 'Leitung',
    email: 'erika.mustermann@stadt.de',
    telefon: '0231 123456',
    antragsstrecken: ['Erwerbstätigkeit', '§ 24 AufenthG (Ukraine)'],
    start: '2027-03',
    nachricht: 'Wir möchten gern starten.\nBitte melden Sie sich.',
    datenschutz: true,
    ...overrides,
  };
}

export const json = { accept: 'application/json', 'content-type': 'application/json' } as const;
export const formPost = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'content-type': 'application/x-www-form-urlencoded', origin: SITE } as const;

/** Encodes fields as a browser does for a urlencoded post (lists become repeated keys). */
export function urlencoded(fields: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v === true ? 'on' : String(v));
  }
  return params.toString();
}

/** Builds a multipart/form-data body by hand (fields and optional files). */
export function multipart(
  fields: Record<string, unknown>,
  files: { name: string; filename: string; content: string }[] = [],
): { payload: string; headers: Record<string, string> } {
  const boundary = '----kvtestboundary7MA4YWxkTrZu0gW';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${v === true ? 'on' : String(v)}\r\n`);
    }
  }
  for (const file of files) {
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: text/plain\r\n\r\n${file.content}\r\n`,
    );
  }
  parts.push(`--${boundary}--\r\n`);
  return { payload: parts.join(''), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json' } };
}

export function basicAuth(user: string, password: string): { authorization: string } {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

export { smtpSink, type ReceivedMail, type SmtpSink } from '../../scripts/lib/smtp-sink.ts';

/** A free TCP port (nothing listens on it afterwards). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * An environment whose store cannot be used: DATA_DIR is a file (SQLite), or DATABASE_URL points
 * at a port nothing listens on (PostgreSQL). `dir` must be an existing, empty folder.
 */
export async function brokenStorageEnv(dir: string): Promise<Record<string, string>> {
  const { writeFileSync } = await import('node:fs');
  const file = join(dir, 'data');
  writeFileSync(file, 'kein Ordner');
  return testStoreKind === 'postgres' ? { DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/kv` } : { DATA_DIR: file };
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('waitFor: Zeit abgelaufen');
    await new Promise((r) => setTimeout(r, 20));
  }
}
