/**
 * When the form server cannot store (503 STORAGE_UNAVAILABLE, see tests/server/faults.test.ts),
 * the island says so in German, keeps the input and offers the e-mail with the input filled in;
 * nothing pretends to be a success. The 503 is the real server's reply: a form server with an
 * unusable DATA_DIR answers the post, and the browser gets exactly that answer.
 */
import { createTestApp, fixture, brokenStorageEnv, tempDir } from '../../server/helpers.ts';
import { expect, test } from '../fixtures.ts';

test('a 503 from the form server shows the failure message with the e-mail fallback and keeps the input', async ({ page, baseURL }) => {
  const parent = tempDir('kv-e2e-broken-');
  const broken = await createTestApp({ ...(await brokenStorageEnv(parent.path)), SITE_URL: baseURL ?? '' });
  let answered = 0;
  try {
    await page.route('**/f/barriere-melden', async (route) => {
      const request = route.request();
      const reply = await broken.app.inject({
        method: 'POST',
        url: '/f/barriere-melden',
        headers: request.headers(),
        payload: request.postDataBuffer() ?? Buffer.alloc(0),
      });
      answered += 1;
      expect(reply.statusCode).toBe(503);
      await route.fulfill({ status: reply.statusCode, headers: reply.headers as Record<string, string>, body: reply.rawPayload });
    });

    await page.goto('/barrierefreiheit/barriere-melden/');
    const title = await page.title();
    await page.getByLabel('Welche Seite ist betroffen?').fill('/kontakt/');
    await page.getByLabel('Beschreiben Sie die Barriere').fill('Speicher-Ausfall: die Tabelle hat keine Überschriften.');
      await page.getByRole('button', { name: 'Absenden' }).click();

    const failure = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Ihre Angaben konnten nicht gesendet werden' }) }).locator('..');
    await expect(failure).toBeFocused();
    expect(answered).toBe(1);
    await expect(page).toHaveTitle(`Fehler: ${title}`);
    await expect(page.locator('.form-reference')).toHaveCount(0);
    await expect(page.getByLabel('Beschreiben Sie die Barriere')).toHaveValue('Speicher-Ausfall: die Tabelle hat keine Überschriften.');
    const mailto = decodeURIComponent((await failure.getByRole('link', { name: 'E-Mail mit Ihren Angaben schreiben' }).getAttribute('href')) ?? '');
    expect(mailto.startsWith(`mailto:${fixture.site.postfach}?subject=Barrieremeldung&`)).toBe(true);
    expect(mailto).toContain('Beschreibung: Speicher-Ausfall: die Tabelle hat keine Überschriften.');

    // Storage is back: the retry goes to the real server and succeeds.
    await page.unroute('**/f/barriere-melden');
    await failure.getByRole('button', { name: 'Erneut senden' }).click();
    await expect(page.locator('.form-reference')).toHaveText(/^BF-\d{4}-\d{6}$/);
  } finally {
    await broken.close();
    parent.remove();
  }
});
