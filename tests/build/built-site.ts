/**
 * Reading a temporary build for the deployment-texts tests: its pages, the elements a component
 * marks with a data attribute, and the configured values the texts show.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';
import { buildProject, createTempProject, type BuildResult, type TempProject } from '../../scripts/lib/temp-project.ts';
import { ADMIN_FAILURE_WINDOW_MS, ADMIN_SESSION_IDLE_MS, ADMIN_SESSION_MAX_MS, RATE_LIMIT_WINDOW_MS } from '../../shared/lib/processing.ts';

export const BUILD_DATE = '2031-02-03';
/** How long the builds of a test file may take, hooks included (vitest's hook default is 30 s; a few builds at once on a loaded 2-core machine take longer). */
export const BUILD_TIMEOUT_MS = 240_000;
/** Settings for a server with an admin area; `withoutAdmin`, `formspree` and `external` for the other set-ups. */
export const settings = { RETENTION_DAYS: '123', SPAM_RETENTION_DAYS: '7', NOTIFY_TO: 'eingang@example.org', BUILD_DATE, ADMIN_PASSWORD: 'bau-test-passwort' };
const { ADMIN_PASSWORD: _admin, ...rest } = settings;
export const withoutAdmin: Record<string, string> = rest;
export const formspree: Record<string, string> = { ...withoutAdmin, FORM_BACKEND: 'formspree', PUBLIC_FORM_ENDPOINT: 'https://formspree.io', FORMSPREE_BESTAETIGT: 'ja' };
/** This portal's own form server on another origin (FORM_BACKEND=eigener-server-extern). */
export const external: Record<string, string> = { ...withoutAdmin, FORM_BACKEND: 'eigener-server-extern', PUBLIC_FORM_ENDPOINT: 'https://formulare.example' };

/** Visible text of HTML, read with an HTML parser: no scripts, styles, tags or comments; a space for each tag; white space collapsed. */
export function textOf(html: string): string {
  const parts: string[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'script' || name === 'style') hidden += 1;
        parts.push(' ');
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') hidden -= 1;
        parts.push(' ');
      },
      ontext(text) {
        if (hidden === 0) parts.push(text);
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return parts.join('').replace(/\s+/g, ' ');
}

export interface BuiltPage {
  html: string;
  text: string;
}

/** Every built page of the project in `root`: its path and its HTML and visible text. */
export function builtPages(root: string): Map<string, BuiltPage> {
  const dist = join(root, 'dist');
  const pages = new Map<string, BuiltPage>();
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const html = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    pages.set(`/${relative(dist, entry.parentPath).split(sep).join('/')}/`.replace('//', '/'), { html, text: textOf(html) });
  }
  return pages;
}

/** The elements carrying `attribute` (a data attribute without nested elements of the same tag), as opening tag and visible text. */
export function marked(html: string, attribute: string): { tag: string; text: string }[] {
  const pattern = new RegExp(`(<([a-z][a-z0-9]*)\\b[^>]*\\s${attribute}(?=[\\s=>])[^>]*>)([\\s\\S]*?)</\\2>`, 'gi');
  return [...html.matchAll(pattern)].map(([, tag = '', , inner = '']) => ({ tag, text: textOf(inner).trim() }));
}

/**
 * What each <Einstellung /> must show for `env` (the form server's fixed windows in minutes), and
 * <Formularserver /> the address the forms post to.
 */
export function expectedSettings(env: Record<string, string>): Record<string, string | undefined> {
  return {
    PUBLIC_FORM_ENDPOINT: env['PUBLIC_FORM_ENDPOINT'] ?? new URL(env['SITE_URL'] ?? 'http://127.0.0.1:4321').origin,
    RETENTION_DAYS: env['RETENTION_DAYS'],
    SPAM_RETENTION_DAYS: env['SPAM_RETENTION_DAYS'],
    RATE_LIMIT_MINUTES: String(RATE_LIMIT_WINDOW_MS / 60_000),
    ADMIN_FAILURE_MINUTES: String(ADMIN_FAILURE_WINDOW_MS / 60_000),
    ADMIN_SESSION_IDLE_MINUTES: String(ADMIN_SESSION_IDLE_MS / 60_000),
    ADMIN_SESSION_MAX_HOURS: String(ADMIN_SESSION_MAX_MS / 3_600_000),
  };
}

/** Every data-setting element of a page as [setting, value, visible text]; NOTIFY_TO's value is its address. */
export function shownSettings(html: string): [string, string, string][] {
  return marked(html, 'data-setting').map(({ tag, text }) => {
    const name = /data-setting="([^"]*)"/.exec(tag)?.[1] ?? '';
    const value = /data-value="([^"]*)"/.exec(tag)?.[1] ?? /href="mailto:([^"]*)"/.exec(tag)?.[1] ?? '';
    return [name, value, text];
  });
}

/** A temporary copy of the project with tests/fixtures beside it; its build reads the fixture content. */
export function fixtureCopy(prefix: string): TempProject {
  const project = createTempProject(process.cwd(), prefix);
  cpSync('tests/fixtures', join(project.root, 'fixtures'), { recursive: true });
  return project;
}

/** Builds the fixture content of a copy made by fixtureCopy() with `env`. */
export const buildFixture = (project: TempProject, env: Record<string, string>): Promise<BuildResult> =>
  buildProject(project.root, { ...env, CONTENT_DIR: 'fixtures/content' });
