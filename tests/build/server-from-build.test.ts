/**
 * The build is all the server needs, and the published site is only the site: a copy of the project
 * is built from the fixture content; then its content, its sources (src/, server/) and the packages
 * only the build uses (astro, js-yaml, esbuild …) are deleted, and `npm start` runs the compiled
 * server from the build output: pages and forms work, a form post without JavaScript gets its error
 * page, and a submission is stored. dist/ holds none of the server's files.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/free-port.ts';
import { buildProject, createTempProject, type TempProject } from '../../scripts/lib/temp-project.ts';
import { openStore } from '../../server/store/index.ts';
import { CONTENT_FILE, FORM_SLOT, FRAME_MAIN, FRAME_TITLE, parseServerContent, serverDirOf, type ServerContent } from '../../shared/lib/server-files.ts';
import { BUILD_TIMEOUT_MS } from './built-site.ts';

/** Packages the build needs and the server must not: they are removed from the copy before it starts. */
const BUILD_ONLY = ['astro', '@astrojs', 'js-yaml', 'esbuild', 'vite', 'satteri', 'htmlparser2', 'typescript'];

/** Every file below `dir`, relative, with / as separator. */
const filesBelow = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));

describe('a build, without the content, the sources and the build tools', { timeout: BUILD_TIMEOUT_MS }, () => {
  let project: TempProject;
  let dist: string;
  let serverDir: string;
  let content: ServerContent;
  let base = '';
  let server: ReturnType<typeof spawn> | undefined;
  let output = '';
  const dataDir = () => join(project.root, 'data');

  beforeAll(async () => {
    project = createTempProject(process.cwd(), 'kv-server-from-build-');
    cpSync('tests/fixtures', join(project.root, 'fixtures'), { recursive: true });
    const built = await buildProject(project.root, { CONTENT_DIR: 'fixtures/content' });
    expect(built.code, built.output.slice(-3000)).toBe(0);
    dist = join(project.root, 'dist');
    serverDir = serverDirOf(dist);
    content = parseServerContent(readFileSync(join(serverDir, CONTENT_FILE), 'utf8'), CONTENT_FILE);
    for (const folder of ['fixtures', 'content', 'src', 'shared', 'server']) rmSync(join(project.root, folder), { recursive: true, force: true });
    for (const name of BUILD_ONLY) rmSync(join(project.root, 'node_modules', name), { recursive: true, force: true });

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn('npm', ['start'], {
      cwd: project.root,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir(), LOG_LEVEL: 'warn' },
      detached: true,
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while ((await fetch(`${base}/healthz`).then((r) => r.status, () => 0)) !== 200) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`npm start antwortet nicht:\n${output}`);
      await sleep(100);
    }
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    if (server?.pid !== undefined && server.exitCode === null) {
      process.kill(-server.pid, 'SIGTERM');
      await new Promise((done) => server?.once('exit', done));
    }
    project?.remove();
  });

  it('dist/ holds the site and none of the server\'s files', () => {
    const site = filesBelow(dist);
    const serverFiles = filesBelow(serverDir);
    expect(serverFiles).toEqual(expect.arrayContaining([CONTENT_FILE, 'manifest.json', 'frame.html', 'start.js', 'nginx/site.conf']));
    expect(site.filter((file) => serverFiles.includes(file))).toEqual([]);
    expect(site.filter((file) => /(^|\/)(_kv|_nginx|nginx|forms|kv-frame|kv-content\.json|manifest\.json|content\.json|frame\.html)(\/|$)/.test(file))).toEqual([]);
    for (const page of site.filter((file) => file.endsWith('.html'))) {
      const html = readFileSync(join(dist, page), 'utf8');
      for (const slot of [FRAME_TITLE, FRAME_MAIN, FORM_SLOT]) expect(html, `${page}: ${slot}`).not.toContain(slot);
    }
  });

  it('starts without content/, src/, shared/, server/ and the build tools, and serves the pages', async () => {
    expect(['content', 'src', 'shared', 'server', 'node_modules/astro', 'node_modules/js-yaml'].filter((path) => existsSync(join(project.root, path)))).toEqual([]);
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(content.site.portalName);
    for (const form of content.forms) expect((await fetch(`${base}${form.path}`)).status, form.path).toBe(200);
  });

  it('takes a submission and stores it; a form post without JavaScript gets the form page with its errors', async () => {
    const form = content.forms.find((candidate) => candidate.offer !== undefined);
    if (form === undefined) throw new Error('Die Fixture-Inhalte haben kein Angebot.');
    const invalid = await fetch(`${base}/f/${form.name}`, {
      method: 'POST',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: new URLSearchParams({ behoerde: 'Stadt Baubeispiel' }).toString(),
    });
    expect(invalid.status).toBe(422);
    const errorPage = await invalid.text();
    expect(errorPage).toContain(`<title>Fehler: ${form.texts.pageTitle}`);
    expect(errorPage).toContain('value="Stadt Baubeispiel"');

    const choice = form.fields.find((field) => field.type === 'checkboxes')?.options?.[0] ?? '';
    const valid = await fetch(`${base}/f/${form.name}`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ behoerde: 'Stadt Baubeispiel', ansprechperson: 'Bea Bau', email: 'bea@stadt.example', antragsstrecken: [choice] }),
    });
    expect(valid.status, await valid.clone().text()).toBe(200);
    const { id } = (await valid.json()) as { id: string };
    const store = openStore({ dataDir: dataDir(), databaseUrl: null });
    try {
      expect((await store.listSubmissions(form.name)).map((submission) => submission.reference)).toEqual([id]);
    } finally {
      await store.close();
    }
  });
});
