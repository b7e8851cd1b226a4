/**
 * The editing UI of the fixture build (CMS on its test backend) starts German, whatever the
 * browser's language, loads its bundle, locale and fonts from this site and nothing from anywhere
 * else (the fixture aborts and counts every request that would leave the origin), and runs under its
 * own Content-Security-Policy without a violation or a complaint about its configuration; the bar
 * below it (what is still open) leaves it fully visible.
 */
import { load } from 'js-yaml';
import { openEditingUi } from '../../../scripts/lib/cms-browser.ts';
import { fixtureRepository } from './repository.ts';
import { expect, test } from './fixtures.ts';

test.use({ locale: 'en-US' });

test('starts in German with every request on this site, no CSP violation and no configuration warning; the bar below it leaves it fully visible', async ({ page, traffic, request }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  await openEditingUi(page, fixtureRepository());
  await expect(page.getByRole('button', { name: 'Neuen Eintrag anlegen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  // The collections the build configured, under their German labels.
  const config = load(await (await request.get('/redaktion/config.yml')).text()) as { collections: { label: string }[] };
  const tree = page.getByRole('tree', { name: 'Liste der Sammlungen' });
  await expect(tree.getByRole('treeitem')).toHaveCount(config.collections.length);
  for (const { label } of config.collections) await expect(tree.getByRole('treeitem', { name: label, exact: true })).toBeVisible();

  // The vendored fonts are in use.
  expect(await page.evaluate(async () => (await document.fonts.ready, [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family)))).toEqual(
    expect.arrayContaining(['Source Sans 3', 'Material Symbols Outlined']),
  );
  expect(problems).toEqual([]);
  // What the CMS loads until an editor sees the collections comes from the editing UI's folder.
  const paths = traffic.requests.map((url) => new URL(url).pathname);
  expect(paths.length).toBeGreaterThan(0);
  expect(paths.every((path) => path.startsWith('/redaktion/') || path === '/favicon.svg')).toBe(true);

  // In the same visit (a start of the CMS costs several seconds of CPU): the bar below it.
  await test.step('the bar below the CMS leaves the CMS fully visible and links to what is still open', async () => {
    const bar = page.getByRole('note');
    await expect(bar.getByRole('link', { name: 'Was noch offen ist' })).toHaveAttribute('href', '/redaktion/offen/');
    const [barBox, shellBottom] = [await bar.boundingBox(), await page.locator('.sui.app-shell').evaluate((e) => e.getBoundingClientRect().bottom)];
    expect(shellBottom).toBeLessThanOrEqual(barBox?.y ?? 0);
  });
});
