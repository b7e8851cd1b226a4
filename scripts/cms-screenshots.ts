/**
 * `npm run screenshots`: the pictures of the editing UI in the editors' guide (REDAKTION.md), taken
 * from the running UI so they show what editors see: a built copy of the project with the fictional
 * fixture content and the CMS on its test backend; the sign-in page as a GitLab set-up shows it
 * (its configuration generated like a build with CMS_BACKEND=gitlab would, for an example host that
 * is never contacted). Writes docs/redaktion/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import type { Page } from '@playwright/test';
import { cmsBackend } from '../src/cms/backend.ts';
import { editingUiPage } from '../src/cms/files.ts';
import { readCmsEnv } from '../shared/lib/env.ts';
import { field, openEditingUi, openEntry, repositoryFiles } from './lib/cms-browser.ts';
import { editingUiPreview } from './lib/cms-preview.ts';

const root = process.cwd();
const out = join(root, 'docs', 'redaktion');
mkdirSync(out, { recursive: true });

/** What a GitLab set-up's configuration says (example values, never contacted). */
const GITLAB = { CMS_BACKEND: 'gitlab', CMS_REPO: 'd-nrw/kommunalvertreter', CMS_BASE_URL: 'https://git.example.nrw', CMS_APP_ID: 'beispiel' };

const preview = await editingUiPreview(root, { fixtureContent: true });
const shot = async (page: Page, name: string): Promise<void> => {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`docs/redaktion/${name}.png`);
};
try {
  const files = repositoryFiles(preview.root, [join(preview.root, 'content'), join(preview.root, 'public')]);

  // Signing in, as with GitLab.
  const signIn = await preview.page({ width: 1100, height: 640 });
  const config = load(await preview.text('/redaktion/config.yml')) as Record<string, unknown>;
  const gitlab = { ...config, backend: cmsBackend(readCmsEnv(GITLAB), preview.base).config, publish_mode: 'editorial_workflow' };
  await signIn.route('**/redaktion/config.yml*', (route) => route.fulfill({ contentType: 'application/yaml', body: dump(gitlab) }));
  await signIn.route('**/redaktion/', (route) => route.fulfill({ contentType: 'text/html', body: editingUiPage('gitlab', String(config['app_title'] ?? '').replace(/^Redaktion /, '')) }));
  // On a busy machine the German texts may miss the CMS's five seconds once; they come from the cache next time.
  for (let attempt = 0; attempt < 3; attempt++) {
    await signIn.goto(`${preview.publicBase}/redaktion/`);
    await signIn.getByRole('button', { name: /^Mit \W*GitLab\W* anmelden$/ }).waitFor();
    await signIn.waitForLoadState('networkidle');
    if ((await signIn.getByText('konnte nicht geladen werden').count()) === 0) break;
  }
  await shot(signIn, 'anmelden');

  const page = await preview.page({ width: 1100, height: 680 });
  await openEditingUi(page, files, preview.base);
  await page.getByRole('treeitem', { name: 'Angebote mit Bausteinen', exact: true }).click();
  await shot(page, 'sammlungen');

  await openEntry(page, 'offers-mdx', 'musterdienst', preview.base);
  await shot(page, 'angebot-bearbeiten');

  await (await field(page, 'Text')).getByRole('button', { name: 'Einfügen' }).click();
  await shot(page, 'bausteine-einfuegen');
  await page.keyboard.press('Escape');

  await page.goto(`${preview.base}/redaktion/#/collections/downloads/new`);
  await (await field(page, 'Datei')).getByRole('button', { name: 'Durchsuchen' }).click();
  await page.getByRole('dialog', { name: 'Datei auswählen' }).waitFor();
  await shot(page, 'pdf-hochladen');
  await page.keyboard.press('Escape');

  await openEntry(page, 'site', 'site', preview.base);
  await field(page, 'Telefon');
  await shot(page, 'luecke-fuellen');

  await openEntry(page, 'pages', 'impressum', preview.base);
  await field(page, 'Stand der Angaben');
  await shot(page, 'stand-der-angaben');

  await page.goto(`${preview.base}/redaktion/#/collections/news/new`);
  await field(page, 'Überschrift');
  await shot(page, 'meldung-anlegen');

  await page.goto(`${preview.base}/redaktion/offen/`);
  await shot(page, 'was-noch-offen-ist');
} finally {
  await preview.close();
}
