import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { E2E_ADMIN_PASSWORD, E2E_ADMIN_USER, E2E_NOTIFY_TO, readMails } from './env.ts';

// axe needs several seconds per page on the CI machines.
test.describe.configure({ timeout: 120_000 });

const unique = () => `Stadt Prüfhausen ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function fillInteresse(page: Page, behoerde: string) {
  await page.getByLabel('Name Ihrer Behörde').fill(behoerde);
  await page.getByLabel('Amtlicher Gemeindeschlüssel (optional)').fill('05913000');
  await page.getByLabel('Name der Ansprechperson').fill('Erika Mustermann');
  await page.getByLabel('E-Mail-Adresse').fill('erika@stadt.de');
  await page.getByRole('checkbox', { name: 'Ausbildung' }).check();
  await page.getByRole('checkbox', { name: '§ 24 AufenthG (Ukraine)' }).check();
  await page.getByLabel('Gewünschter Start (optional)').fill('03.2027');
  await page.getByLabel('Ihre Nachricht (optional)').fill('Wir möchten gern starten.');
  await page.getByRole('checkbox', { name: /Datenschutzhinweise zu diesem Formular gelesen/ }).check();
}

async function adminCsv(page: Page, form: string): Promise<string> {
  const response = await page.request.get(`/admin/${form}.csv`, {
    headers: { authorization: `Basic ${Buffer.from(`${E2E_ADMIN_USER}:${E2E_ADMIN_PASSWORD}`).toString('base64')}` },
  });
  expect(response.status()).toBe(200);
  return response.text();
}

test.describe('Interesse bekunden with JavaScript', () => {
  test('sends the form and shows the confirmation with the reference number; the mail and the CSV row arrive', async ({ page, axe }) => {
    await page.goto('/interesse/');
    const behoerde = unique();
    await fillInteresse(page, behoerde);
    await page.getByRole('button', { name: 'Absenden' }).click();

    const heading = page.getByRole('heading', { name: 'Vielen Dank, Ihre Interessenbekundung ist eingegangen' });
    await expect(heading).toBeFocused();
    const reference = (await page.locator('.form-reference').textContent()) ?? '';
    expect(reference).toMatch(/^KV-\d{4}-\d{6}$/);
    await expect(page).toHaveURL(/\/interesse\/$/);
    await expect(page.getByRole('link', { name: 'Zu den Downloads' })).toHaveAttribute('href', '/angebote/aufenthaltstitel/#downloads');
    expect((await axe().analyze()).violations).toEqual([]);

    await expect.poll(() => readMails().find((m) => m.subject.includes(reference)), { timeout: 10_000 }).toBeTruthy();
    const mail = readMails().find((m) => m.subject.includes(reference))!;
    expect(mail.envelope.to).toEqual([E2E_NOTIFY_TO]);
    expect(mail.replyTo).toBe('erika@stadt.de');
    for (const line of [`Behörde: ${behoerde}`, 'Antragsstrecken: Ausbildung; § 24 AufenthG (Ukraine)', 'Gewünschter Start: 2027-03', 'Amtlicher Gemeindeschlüssel: 05913000']) {
      expect(mail.text).toContain(line);
    }

    const csv = await adminCsv(page, 'interesse');
    expect(csv).toContain(reference);
    expect(csv).toContain(behoerde);
  });

  test('a failed submit shows the error summary, focused, with links to the fields', async ({ page, axe }) => {
    await page.goto('/interesse/');
    const title = await page.title();
    await page.getByLabel('E-Mail-Adresse').fill('erika@');
    await page.getByRole('button', { name: 'Absenden' }).click();

    const summary = page.getByRole('heading', { name: 'Es gibt ein Problem' }).locator('..');
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(`Fehler: ${title}`);
    await expect(summary.getByRole('link')).toHaveText([
      'Geben Sie den Namen Ihrer Behörde ein',
      'Geben Sie den Namen der Ansprechperson ein',
      'Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@stadt.de',
      'Wählen Sie mindestens eine Antragsstrecke aus',
      'Bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben',
    ]);
    const email = page.getByLabel('E-Mail-Adresse');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(/An diese Adresse.*Fehler: Geben Sie eine E-Mail-Adresse im richtigen Format ein/);
    await expect(email).toHaveValue('erika@');
    expect((await axe().analyze()).violations).toEqual([]);

    await summary.getByRole('link', { name: 'Wählen Sie mindestens eine Antragsstrecke aus' }).click();
    await expect(page.getByRole('checkbox').first()).toBeFocused();
  });

  test('can be filled and sent with the keyboard only', async ({ page }) => {
    await page.goto('/interesse/');
    await page.getByLabel('Name Ihrer Behörde').focus();
    await page.keyboard.type(unique());
    await page.keyboard.press('Tab'); // AGS
    await page.keyboard.press('Tab'); // Ansprechperson
    await page.keyboard.type('Max Tastatur');
    await page.keyboard.press('Tab'); // Funktion
    await page.keyboard.press('Tab'); // E-Mail
    await page.keyboard.type('max@stadt.de');
    await page.keyboard.press('Tab'); // Telefon
    await page.keyboard.press('Tab'); // first Antragsstrecke
    await expect(page.getByRole('checkbox').first()).toBeFocused();
    await page.keyboard.press('Space');
    const boxes = await page.getByRole('group', { name: 'Welche Antragsstrecken möchten Sie nutzen?' }).getByRole('checkbox').count();
    for (let i = 1; i < boxes; i++) await page.keyboard.press('Tab'); // … through the other Antragsstrecken
    await page.keyboard.press('Tab'); // Start
    await page.keyboard.press('Tab'); // Nachricht
    await page.keyboard.press('Tab'); // Datenschutz link
    await page.keyboard.press('Tab'); // consent
    await expect(page.getByRole('checkbox', { name: /Datenschutzhinweise zu diesem Formular gelesen/ })).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Absenden' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Vielen Dank, Ihre Interessenbekundung ist eingegangen' })).toBeFocused();
  });

  test('keeps the input and offers a retry and an e-mail when the server cannot be reached', async ({ page }) => {
    await page.goto('/interesse/');
    const behoerde = unique();
    await fillInteresse(page, behoerde);
    await page.route('**/f/interesse', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Absenden' }).click();

    const failure = page.getByRole('heading', { name: 'Ihre Angaben konnten nicht gesendet werden' }).locator('..');
    await expect(failure).toBeFocused();
    await expect(page.getByLabel('Name Ihrer Behörde')).toHaveValue(behoerde);
    const mailto = decodeURIComponent((await failure.getByRole('link', { name: 'E-Mail mit Ihren Angaben schreiben' }).getAttribute('href')) ?? '');
    expect(mailto).toMatch(/^mailto:kommunalvertreter@digitales\.nrw\.de\?/);
    expect(mailto).toContain(`Behörde: ${behoerde}`);

    await page.unroute('**/f/interesse');
    await failure.getByRole('button', { name: 'Erneut senden' }).click();
    await expect(page.getByRole('heading', { name: 'Vielen Dank, Ihre Interessenbekundung ist eingegangen' })).toBeVisible();
  });
});

test.describe('Interesse bekunden without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('posts the form and lands on the thank-you page', async ({ page }) => {
    await page.goto('/interesse/');
    const behoerde = unique();
    await fillInteresse(page, behoerde);
    await page.getByRole('button', { name: 'Absenden' }).click();
    await expect(page).toHaveURL(/\/interesse\/danke\/\?ref=KV-\d{4}-\d{6}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Vielen Dank, Ihre Interessenbekundung ist eingegangen' })).toBeVisible();
    const reference = new URL(page.url()).searchParams.get('ref') ?? '';
    expect(await adminCsv(page, 'interesse')).toContain(reference);
  });

  test('shows the errors on a page that keeps the input and can be sent again', async ({ page }) => {
    await page.goto('/interesse/');
    await page.getByLabel('Name Ihrer Behörde').fill('Stadt Ohneskript');
    await page.getByRole('button', { name: 'Absenden' }).click();
    await expect(page).toHaveTitle(/^Fehler: Interesse bekunden/);
    await expect(page.getByRole('link', { name: 'Geben Sie eine E-Mail-Adresse ein' })).toBeVisible();
    await expect(page.getByLabel('Name Ihrer Behörde')).toHaveValue('Stadt Ohneskript');
    await page.getByLabel('Name der Ansprechperson').fill('Otto');
    await page.getByLabel('E-Mail-Adresse').fill('otto@stadt.de');
    await page.getByRole('checkbox', { name: 'Ausbildung' }).check();
    await page.getByRole('checkbox', { name: /Datenschutzhinweise zu diesem Formular gelesen/ }).check();
    await page.getByRole('button', { name: 'Erneut senden' }).click();
    await expect(page).toHaveURL(/\/interesse\/danke\/\?ref=KV-/);
  });
});
