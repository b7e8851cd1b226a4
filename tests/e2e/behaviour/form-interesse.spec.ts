/**
 * An offer's interest form, with and without JavaScript, against the fixture content: it lists the
 * offer's own Antragsstrecken, posts under the offer's form key, and the mail, the admin list and
 * the CSV name the offer; the confirmation shows the offer's steps.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { fixture, fixtureBuilt, interestForm } from '../content.ts';
import { E2E_ADMIN_PASSWORD, E2E_ADMIN_USER, readMails } from '../env.ts';

// axe needs several seconds per page on the CI machines.
test.describe.configure({ timeout: 120_000 });

const offer = fixture.offers[0]!;
const form = interestForm(fixtureBuilt(), offer.id);
const FORM = `/angebote/${offer.id}/interesse/`;
const [first = '', second = ''] = offer.leistungen.flatMap((l) => l.antragsstrecken);
const postfach = fixture.site.organisation.postfach;

const unique = () => `Stadt Prüfhausen ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function fillInteresse(page: Page, behoerde: string) {
  await page.getByLabel('Name Ihrer Behörde').fill(behoerde);
  await page.getByLabel('Amtlicher Gemeinde- oder Kreisschlüssel (optional)').fill('05913');
  await page.getByLabel('Name der Ansprechperson').fill('Erika Mustermann');
  await page.getByLabel('E-Mail-Adresse').fill('erika@stadt.de');
  await page.getByRole('checkbox', { name: first }).check();
  await page.getByRole('checkbox', { name: second }).check();
  await page.getByLabel('Gewünschter Start (optional)').fill('03.2027');
  await page.getByLabel('Ihre Nachricht (optional)').fill('Wir möchten gern starten.');
}

/**
 * The offer's steps still to come after sending the form, in order, each with its unordered points:
 * those after the step the form does (`formular: true`), never that step itself.
 */
async function expectSteps(list: Locator) {
  const formStep = offer.schritte.findIndex((step) => step.formular);
  expect(formStep, 'the fixture offer marks the step its form does').toBeGreaterThanOrEqual(0);
  const next = offer.schritte.slice(formStep + 1);
  const steps = list.locator(':scope > li');
  await expect(steps).toHaveCount(next.length);
  for (const [index, step] of next.entries()) {
    await expect(steps.nth(index)).toContainText(`${step.titel}: ${step.beschreibung}`);
    await expect(steps.nth(index).getByRole('listitem')).toHaveText([...(step.punkte ?? [])]);
  }
  await expect(list).not.toContainText(`${offer.schritte[formStep]!.titel}: `);
  expect(next.some((step) => (step.punkte ?? []).length > 0)).toBe(true);
}

async function adminCsv(page: Page, name: string): Promise<string> {
  // Exports need a session: signed in through the sign-in form (page.request shares the page's cookies).
  const signedIn = await page.request.post('/admin/anmelden', { form: { name: E2E_ADMIN_USER, password: E2E_ADMIN_PASSWORD }, maxRedirects: 0 });
  expect(signedIn.status()).toBe(303);
  const response = await page.request.get(`/admin/${name}.csv`);
  expect(response.status()).toBe(200);
  return response.text();
}

test.describe('an offer\u2019s interest form with JavaScript', () => {
  test('sends the form, confirms with the reference number and the offer\u2019s steps; mail and CSV name the offer', async ({ page, axe }) => {
    await page.goto(FORM);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(form.texts.pageTitle);
    const behoerde = unique();
    await fillInteresse(page, behoerde);
    await page.getByRole('button', { name: 'Absenden' }).click();

    const heading = page.getByRole('heading', { name: 'Vielen Dank, Ihre Interessenbekundung ist eingegangen' });
    await expect(heading).toBeFocused();
    const reference = (await page.locator('.form-reference').textContent()) ?? '';
    expect(reference).toMatch(/^KV-\d{4}-\d{6}$/);
    await expect(page).toHaveURL(new RegExp(`${FORM}$`));
    await expectSteps(page.getByRole('heading', { name: 'Wie es weitergeht' }).locator('xpath=following-sibling::ol[1]'));
    await expect(page.getByRole('link', { name: `Alles zum Angebot „${offer.titel}“` })).toHaveAttribute('href', `/angebote/${offer.id}/`);
    expect((await axe().analyze()).violations).toEqual([]);

    await expect.poll(() => readMails().find((m) => m.reference === reference), { timeout: 10_000 }).toBeTruthy();
    const mail = readMails().find((m) => m.reference === reference)!;
    expect(mail.subject).toBe(`Interessenbekundung ${offer.titel}: ${behoerde}`);
    // Without NOTIFY_TO (as the site was built), the notification goes to the organisation's mailbox.
    expect(mail.envelope.to).toEqual([postfach]);
    expect(mail.replyTo).toBe('erika@stadt.de');
    for (const line of [`Behörde: ${behoerde}`, `Antragsstrecken: ${first}; ${second}`, 'Gewünschter Start: 03.2027', 'Gemeinde- oder Kreisschlüssel: 05913', 'Nachricht: Wir möchten gern starten.']) {
      expect(mail.text).toContain(line);
    }

    const csv = await adminCsv(page, form.name);
    expect(csv).toContain(reference);
    expect(csv).toMatch(new RegExp(`${reference};[^;]+;${offer.titel};${behoerde};`));
  });

  test('a failed submit shows the error summary, focused, with links to the fields', async ({ page, axe }) => {
    await page.goto(FORM);
    const title = await page.title();
    await page.getByLabel('E-Mail-Adresse').fill('erika@');
    await page.getByLabel('Name Ihrer Behörde').fill('Stadt\u2028Zeilenbruch');
    await page.getByRole('button', { name: 'Absenden' }).click();

    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Es gibt ein Problem' }) });
    await expect(summary.locator('..')).toBeFocused();
    await expect(page).toHaveTitle(`Fehler: ${title}`);
    await expect(summary.getByRole('link')).toHaveText([
      'Schreiben Sie die Angabe „Behörde“ in eine Zeile, ohne Zeilenumbruch',
      'Geben Sie den Namen der Ansprechperson ein',
      'Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@beispiel.de',
      'Wählen Sie mindestens eine Antragsstrecke aus',
    ]);
    const email = page.getByLabel('E-Mail-Adresse');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(/An diese Adresse.*Fehler: Geben Sie eine E-Mail-Adresse im richtigen Format ein/);
    await expect(email).toHaveValue('erika@');
    expect((await axe().analyze()).violations).toEqual([]);

    await summary.getByRole('link', { name: 'Wählen Sie mindestens eine Antragsstrecke aus' }).click();
    await expect(page.getByRole('checkbox').first()).toBeFocused();
  });

  test('can be filled and sent with the keyboard only; the privacy notice is linked before the button', async ({ page }) => {
    await page.goto(FORM);
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
    await page.keyboard.press('Tab'); // the privacy notice
    await expect(page.getByRole('link', { name: 'Datenschutzhinweise zu diesem Formular' })).toBeFocused();
    await expect(page.getByRole('link', { name: 'Datenschutzhinweise zu diesem Formular' })).toHaveAttribute('href', form.privacyHref);
    await expect(page.getByRole('checkbox', { name: /Datenschutz/ })).toHaveCount(0);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Absenden' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Vielen Dank, Ihre Interessenbekundung ist eingegangen' })).toBeFocused();
  });

  test('keeps the input and offers a retry and an e-mail when the server cannot be reached', async ({ page }) => {
    await page.goto(FORM);
    const behoerde = unique();
    await fillInteresse(page, behoerde);
    await page.route(`**/f/${form.name}`, (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Absenden' }).click();

    const failure = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Ihre Angaben konnten nicht gesendet werden' }) }).locator('..');
    await expect(failure).toBeFocused();
    await expect(page.getByLabel('Name Ihrer Behörde')).toHaveValue(behoerde);
    const mailto = decodeURIComponent((await failure.getByRole('link', { name: 'E-Mail mit Ihren Angaben schreiben' }).getAttribute('href')) ?? '');
    expect(mailto).toMatch(new RegExp(`^mailto:${postfach.replace(/\./g, '\\.')}\\?subject=Interessenbekundung ${offer.titel}&`));
    expect(mailto).toContain(`Behörde: ${behoerde}`);

    await page.unroute(`**/f/${form.name}`);
    await failure.getByRole('button', { name: 'Erneut senden' }).click();
    await expect(page.getByRole('heading', { name: 'Vielen Dank, Ihre Interessenbekundung ist eingegangen' })).toBeVisible();
  });
});

test.describe('an offer\u2019s interest form without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('posts the form and lands on the offer\u2019s thank-you page with its steps', async ({ page }) => {
    await page.goto(FORM);
    await fillInteresse(page, unique());
    await page.getByRole('button', { name: 'Absenden' }).click();
    await expect(page).toHaveURL(new RegExp(`${FORM}danke/\\?ref=KV-\\d{4}-\\d{6}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Vielen Dank, Ihre Interessenbekundung ist eingegangen' })).toBeVisible();
    await expectSteps(page.getByRole('main').locator('ol'));
    const reference = new URL(page.url()).searchParams.get('ref') ?? '';
    expect(await adminCsv(page, form.name)).toContain(reference);
  });

  test('shows the errors on the form page, in the site frame, with the input kept, and it can be sent again', async ({ page }) => {
    await page.goto(FORM);
    const title = await page.title();
    await page.getByLabel('Name Ihrer Behörde').fill('Stadt Ohneskript');
    await page.getByLabel('Ihre Nachricht (optional)').fill('Zeile eins\nZeile <zwei>');
    await page.getByRole('checkbox', { name: first }).check();
    await page.getByRole('button', { name: 'Absenden' }).click();
    await expect(page).toHaveTitle(`Fehler: ${title}`);
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Es gibt ein Problem' }) });
    await expect(summary.locator('..')).toBeFocused();
    await expect(summary.getByRole('link', { name: 'Geben Sie eine E-Mail-Adresse ein' })).toBeVisible();
    await expect(page.getByLabel('E-Mail-Adresse')).toHaveAccessibleDescription(/Fehler: Geben Sie eine E-Mail-Adresse ein/);
    await expect(page.getByLabel('Name Ihrer Behörde')).toHaveValue('Stadt Ohneskript');
    await expect(page.getByLabel('Ihre Nachricht (optional)')).toHaveValue('Zeile eins\nZeile <zwei>');
    await expect(page.getByRole('checkbox', { name: first })).toBeChecked();
    await expect(page.getByRole('link', { name: 'Datenschutzhinweise zu diesem Formular' })).toHaveAttribute('href', form.privacyHref);
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeAttached();

    await page.getByLabel('Name der Ansprechperson').fill('Otto');
    await page.getByLabel('E-Mail-Adresse').fill('otto@stadt.de');
    await page.getByRole('button', { name: 'Absenden' }).click();
    await expect(page).toHaveURL(new RegExp(`${FORM}danke/\\?ref=KV-`));
  });
});
