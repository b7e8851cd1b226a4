/**
 * The editing UI of a copy of the project, built with the CMS on its test backend and served on a
 * free port, with a browser that reaches nothing but it: for `npm run cms:normalise` (the copy's own
 * content) and `npm run screenshots` (the fixture content instead).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_LAUNCHER } from './chromium.ts';
import { freePort } from './free-port.ts';
import { buildProject, createTempProject } from './temp-project.ts';

/** A host name the browser resolves to this machine, as if the portal were elsewhere. */
const PUBLIC_HOST = 'portal.example';

export interface EditingUiPreview {
  /** The copy's root. */
  readonly root: string;
  /** Its address, e. g. http://127.0.0.1:40123. */
  readonly base: string;
  /** The same server under a name that is not this machine's, as editors reach a real portal (no local-folder mode there). */
  readonly publicBase: string;
  /** A file of the served build as text. */
  text(path: string): Promise<string>;
  /** A new page whose requests to any other origin are aborted. */
  page(options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Builds a copy of the project (with the fixture content in place of content/ if asked) and serves its dist/. */
export async function editingUiPreview(source: string, { fixtureContent = false } = {}): Promise<EditingUiPreview> {
  const project = createTempProject(source, 'kv-redaktion-');
  if (fixtureContent) {
    for (const folder of ['content', 'public']) {
      rmSync(join(project.root, folder), { recursive: true, force: true });
      cpSync(join(source, 'tests', 'fixtures', folder), join(project.root, folder), { recursive: true });
    }
  }
  console.log('Baue eine Kopie des Projekts mit der Redaktionsoberfläche im Testbetrieb …');
  const build = await buildProject(project.root, { CMS_BACKEND: 'test' });
  if (build.code !== 0) {
    project.remove();
    throw new Error(`Der Build der Kopie ist fehlgeschlagen:\n${build.output.slice(-3000)}`);
  }
  // HTTPS with a throwaway certificate: the CMS runs only on HTTPS or on this machine.
  const [key, cert] = [join(project.root, 'key.pem'), join(project.root, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', `/CN=${PUBLIC_HOST}`, '-keyout', key, '-out', cert], { stdio: 'pipe' });
  const server = Fastify({ https: { key: readFileSync(key), cert: readFileSync(cert) } });
  await server.register(fastifyStatic, { root: join(project.root, 'dist'), index: ['index.html'] });
  const port = await freePort();
  await server.listen({ host: '127.0.0.1', port });
  const base = `https://127.0.0.1:${port}`;
  const publicBase = `https://${PUBLIC_HOST}:${port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_LAUNCHER,
    // German date fields, as editors' browsers show them.
    args: [...CHROMIUM_FLAGS, '--lang=de-DE', `--host-resolver-rules=MAP ${PUBLIC_HOST} 127.0.0.1`],
  });
  return {
    root: project.root,
    base,
    publicBase,
    text: async (path) => readFileSync(join(project.root, 'dist', ...path.split('/').filter(Boolean)), 'utf8'),
    page: async ({ width = 1280, height = 800 } = {}) => {
      const context = await browser.newContext({ locale: 'de-DE', viewport: { width, height }, ignoreHTTPSErrors: true });
      const own = [base, publicBase];
      await context.route('**/*', (route) => (own.includes(new URL(route.request().url()).origin) || /^(data|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
      return context.newPage();
    },
    close: async () => {
      await browser.close();
      await server.close();
      project.remove();
    },
  };
}
