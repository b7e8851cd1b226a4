import { expect, test } from '../fixtures.ts';
import { readMails } from '../env.ts';

// axe needs several seconds per page on the CI machines.
test.describe.configure({ timeout: 120_000 });

test('a barrier report is sent with JavaScript and arrives as a mail', async ({ page, axe }) => {
  await page.goto('/barrierefreiheit/barriere-melden/');
  expect((await axe().analyze()).violations).toEqual([]);
  const beschreibung = `Der Fokus ist unsichtbar ${Date.now()}`;
  await page.getByLabel('Welche Seite ist betroffen?').fill('/kontakt/');
  await page.getByLabel('Beschreiben Sie die Barriere').fill(beschreibung);
  await page.getByRole('button', { name: 'Absenden' }).click();
  await expect(page.getByRole('heading', { name: 'Vielen Dank, Ihre Meldung ist eingegangen' })).toBeFocused();
  const reference = (await page.locator('.form-reference').textContent()) ?? '';
  expect(reference).toMatch(/^BF-\d{4}-\d{6}$/);
  await expect.poll(() => readMails().find((m) => m.reference === reference)?.text ?? '', { timeout: 10_000 }).toContain(`Beschreibung: ${beschreibung}`);
  expect(readMails().find((m) => m.reference === reference)?.subject).toBe('Barrieremeldung: /kontakt/');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a barrier report lands on its thank-you page', async ({ page }) => {
    await page.goto('/barrierefreiheit/barriere-melden/');
    await page.getByLabel('Welche Seite ist betroffen?').fill('Startseite');
    await page.getByLabel('Beschreiben Sie die Barriere').fill('Kontrast zu gering');
      await page.getByRole('button', { name: 'Absenden' }).click();
    await expect(page).toHaveURL(/\/barrierefreiheit\/barriere-melden\/danke\/\?ref=BF-/);
  });
});
