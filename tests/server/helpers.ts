/**
 * Test helpers for the form server: a fresh app on a temporary DATA_DIR (and, in the `postgres`
 * project, a fresh PostgreSQL schema) on the fixture build (tests/fixtures/content built into
 * dist-fixtures/ and its server folder, fictional offers), a real SMTP sink (smtp-server); the
 * tests read its mails with mailparser. What the tests expect of the interest form (its name, its
 * choices) is derived from the fixture build's content.json, as the server reads it.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from '../../server/http/app.ts';
import { loadConfig, type Env, type ServerConfig } from '../../server/config.ts';
import { interesseFormName, type FormDefinition } from '../../shared/forms/index.ts';
import { angabeField, type RolloutStep } from '../../shared/lib/rollout.ts';
import { writeManifest } from '../../policy/manifest.ts';
import { deploymentEnvSchema, readDeploymentEnv } from '../../shared/lib/env.ts';
import { ADMIN_FRAME_FILE, CONTENT_FILE, FRAME_FILE, serverDirOf } from '../../shared/lib/server-files.ts';
import { csrfTokenIn, sessionCookie, signInBody, type AdminSession } from '../../scripts/lib/admin-client.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { tempDir, type TempDir } from '../../scripts/lib/temp-dir.ts';
import { testDatabase, testStoreKind } from '../lib/test-store.ts';
import { builtContent, builtForms, builtOffers, FIXTURE_DIST, FIXTURE_SERVER_DIR, repoRoot } from '../lib/fixture-build.ts';

export { freePort, tempDir, testStoreKind, repoRoot, FIXTURE_DIST, FIXTURE_SERVER_DIR };
export { waitFor } from '../../scripts/lib/wait-for.ts';
export { bearer, csrfTokenIn, sessionCookie, signInBody } from '../../scripts/lib/admin-client.ts';

export const SITE = 'http://127.0.0.1:4321';

/** The fixture build's content.json (what the server reads), and its forms. */
export const fixture = builtContent();
export const fixtureForms = builtForms(fixture);
/** The fixture's offers, as their interest forms name them, in the order of the site. */
export const fixtureOffers = builtOffers(fixture);

/** The rollout steps of the fixture's offers, by interest form (content.json). */
export const fixtureRollout = new Map(fixture.rollout.map((offer) => [offer.form, offer.steps]));

/** Valid form fields for reaching `step` (the first option of a choice, a past date, a text). */
export function stepValues(step: RolloutStep, overrides: Record<string, string> = {}): Record<string, string> {
  const values = Object.fromEntries(step.angaben.map((a) => [angabeField(a), a.art === 'auswahl' ? (a.optionen[0] ?? '') : a.art === 'datum' ? '01.03.2026' : 'Beispielgrund']));
  return { nach: step.id, ...values, ...overrides };
}

/** The interest form of the fixture's first offer: the form most tests post to. */
export const interesse: FormDefinition = formNamed(interesseFormName(fixtureOffers[0]?.id ?? ''));
/** Its name, also its key at /f/<name>. */
export const INTERESSE = interesse.name;
/** Its choices: the offer's Antragsstrecken and the open choice. */
export const interesseOptions: readonly string[] = interesse.fields.find((f) => f.type === 'checkboxes')?.options ?? [];

function formNamed(name: string): FormDefinition {
  const form = fixtureForms.get(name);
  if (form === undefined) throw new Error(`Die Fixture-Inhalte haben kein Formular „${name}“.`);
  return form;
}

/** A hand-made build in a temporary folder: its site in `dist` (DIST_DIR), its server folder beside it. */
export interface HandMadeBuild extends TempDir {
  readonly dist: string;
}

/**
 * Finishes a hand-made site as the build does, in the server folder beside it: the build manifest
 * with the CSP hashes of its pages, the deployment settings of `env` (the server refuses to
 * start with others) and the editing UI's git host origins, and the fixture build's content.json and page frames.
 */
export function markBuilt(dist: string, env: Env = {}, editingUiOrigins: readonly string[] = []): void {
  const serverDir = serverDirOf(dist);
  mkdirSync(serverDir, { recursive: true });
  // The manifest hashes the hand-made pages only, as the tests that read it expect; the frames come after.
  writeManifest(dist, serverDir, readDeploymentEnv(env), editingUiOrigins);
  for (const file of [CONTENT_FILE, FRAME_FILE, ADMIN_FRAME_FILE]) cpSync(join(FIXTURE_SERVER_DIR, file), join(serverDir, file));
}

/** A temporary folder for a hand-made build: write its pages into `dist`, then markBuilt(dist). */
export function handMadeBuild(prefix: string): HandMadeBuild {
  const folder = tempDir(prefix);
  const dist = join(folder.path, 'dist');
  mkdirSync(dist);
  return { ...folder, dist };
}

/**
 * The deployment variables of this process (RETENTION_DAYS, PUBLIC_FORM_ENDPOINT …): the settings
 * `npm test` built dist/ with, for a server on that build (other settings: it refuses to start).
 */
export function buildDeploymentEnv(env: Env = process.env): Record<string, string> {
  return Object.fromEntries(
    Object.keys(deploymentEnvSchema.shape).flatMap((name) => {
      const value = env[name];
      return value === undefined ? [] : [[name, value] as const];
    }),
  );
}

/** Signs in to an app through its sign-in form, as a browser without JavaScript: the Cookie header and the session's CSRF token. */
export async function signInApp(app: FastifyInstance, name: string, password: string): Promise<AdminSession> {
  const res = await app.inject({ method: 'POST', url: '/admin/anmelden', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: signInBody(name, password) });
  const cookie = sessionCookie(res.headers['set-cookie']);
  if (res.statusCode !== 303 || cookie === null) throw new Error(`Anmeldung als ${name}: ${res.statusCode}`);
  const page = await app.inject({ method: 'GET', url: '/admin/', headers: { cookie } });
  return { cookie: { cookie }, csrfToken: csrfTokenIn(page.body) };
}

export interface TestApp {
  app: FastifyInstance;
  config: ServerConfig;
  dataDir: string;
  close: () => Promise<void>;
}

/**
 * An app on the fixture build with its own DATA_DIR (and its own PostgreSQL schema in the
 * `postgres` project), serving no static site unless DIST_DIR is given, quiet logs and no mail
 * unless asked for.
 */
export async function createTestApp(env: Env = {}, options: BuildOptions = { transport: null }): Promise<TestApp> {
  const data = tempDir('kv-test-');
  const database = await testDatabase();
  const storeEnv = database.url === undefined ? {} : { DATABASE_URL: database.url };
  const site = env['DIST_DIR'] === undefined ? { DIST_DIR: FIXTURE_DIST, SERVE_SITE: 'false' } : {};
  const config = loadConfig({ DATA_DIR: data.path, LOG_LEVEL: 'silent', FORM_RATE_LIMIT: '1000', ...site, ...storeEnv, ...env }, repoRoot);
  const app = await buildApp(config, options).catch(async (error: unknown) => {
    await database.drop();
    data.remove();
    throw error;
  });
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

/** A valid submission of the interest form `INTERESSE` (as JSON): two of its Antragsstrecken. */
export function validInteresse(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    behoerde: 'Stadt Dortmund, Ausländerbehörde',
    ags: '05913000',
    ansprechperson: 'Erika Mustermann',
    funktion: 'Leitung',
    email: 'erika.mustermann@stadt.de',
    telefon: '0231 123456',
    antragsstrecken: interesseOptions.slice(0, 2),
    start: '2027-03',
    nachricht: 'Wir möchten gern starten.\nBitte melden Sie sich.',
    ...overrides,
  };
}

export const json = { accept: 'application/json', 'content-type': 'application/json' } as const;
export const formPost = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'content-type': 'application/x-www-form-urlencoded', origin: SITE } as const;

/** Posts `payload` to a form of the app through inject (default: JSON to the interest form). */
export function postForm(t: TestApp, payload: unknown, headers: Record<string, string> = json, url = `/f/${INTERESSE}`) {
  return t.app.inject({ method: 'POST', url, payload: payload as string, headers });
}

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

const entities: Record<string, string> = { lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' };

/** The text of HTML with its character references resolved: what a browser shows of escaped markup. */
export function decodeHtml(html: string): string {
  return html.replace(/&(lt|gt|quot|#39|amp);/g, (_whole, name: string) => entities[name] ?? '');
}

export { smtpSink, type ReceivedMail, type SmtpSink } from '../../scripts/lib/smtp-sink.ts';

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
