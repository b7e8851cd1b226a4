import { test, expect } from './fixtures.ts';

const OFFER = '/angebote/aufenthaltstitel/';

test.describe('the offer page shows every fact of the original page', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(OFFER);
  });

  test('offer: Themenfeldführer, Umsetzer, Ukraine-Antragsstrecke and Aufenthaltskarten', async ({ page }) => {
    await expect(page.getByRole('heading', { level: 1, name: 'Aufenthaltstitel' })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main).toContainText('Ministerium des Innern und für Kommunales des Landes Brandenburg (MIK BB)');
    await expect(main).toContainText('Themenfeld „Ein- und Auswanderung“');
    await expect(main).toContainText('Anstalt für Kommunale Datenverarbeitung in Bayern');
    await expect(main).toContainText('„Ukraine-Antragsstrecke“');
    await expect(main).toContainText('Aufenthaltskarten und aufenthaltsrelevante Bescheinigungen');
    await expect(main.getByText('(OZG-ID 10255)')).toBeVisible();
    await expect(main.getByText('(OZG-ID 10596)')).toBeVisible();
    await expect(main.getByRole('listitem').filter({ hasText: /^§ 24 AufenthG \(Ukraine\)$/ })).toBeVisible();
  });

  test('costs: absolute dates, legal references, and the phase that applies today marked', async ({ page }) => {
    const costs = page.getByRole('region', { name: 'Kosten' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Finanziert durch Mittel des Bundes/ }) });
    await expect(costs.getByRole('heading')).toHaveText('bis 31.12.2023: Finanziert durch Mittel des Bundes');
    await expect(costs).toContainText('Onboarding, den Betrieb sowie die Wartung und Pflege');
    await expect(costs).toContainText('§ 5 Abs. 7 des Einzelabrufs „Aufenthaltstitel“');
    await expect(costs).toContainText('Status: abgeschlossen');
    const anlage3 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /ab 01\.01\.2024/ }) });
    await expect(anlage3).toContainText('Anlage 3');
    await expect(anlage3).toContainText('sobald das Rollout-Team einen Mandanten für Ihre Behörde eingerichtet hat');
    await expect(anlage3).toContainText('Status: gilt jetzt');
    await expect(page.getByRole('main')).not.toContainText(/in diesem Jahr/);
  });

  test('downloads: both documents with type, size and page count, and the files are served', async ({ page, request }) => {
    const downloads = page.getByRole('region', { name: 'Downloads' });
    for (const name of ['Präsentation zur Informationsveranstaltung', 'Einzelabruf „Aufenthaltstitel“']) {
      const link = downloads.getByRole('link', { name: new RegExp(`^${name} \\(PDF, [\\d,]+ KB, \\d+ Seiten?\\)$`) });
      await expect(link).toBeVisible();
      const response = await request.get((await link.getAttribute('href')) ?? '');
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('application/pdf');
    }
    await expect(downloads.getByText('Platzhalter: Das offizielle Dokument wird hier noch eingestellt.')).toHaveCount(2);
  });

  test('submission: numbered steps with BeBPo first and the postal route in two copies', async ({ page }) => {
    const steps = page.getByRole('region', { name: 'So senden Sie den Einzelabruf' }).getByRole('listitem');
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(0)).toContainText('lassen Sie ihn von der für den Dienst zuständigen Stelle unterzeichnen');
    await expect(steps.nth(1)).toContainText('Besondere Elektronische Behördenpostfach (BeBPo)');
    await expect(steps.nth(1)).toContainText('bevorzugte Weg');
    await expect(steps.nth(1).locator('#bebpo-empfaenger')).toHaveText('d-NRW AöR');
    await expect(steps.nth(2)).toContainText('in zweifacher Ausführung');
    await expect(steps.nth(2).locator('address')).toHaveText(/d-NRW AöR\s*Kommunalvertreter\.NRW\s*Rheinische Str\. 1\s*44137 Dortmund/);
  });

  test('contacts: both Ansprechpartnerinnen with the mailbox as a mailto link', async ({ page }) => {
    for (const name of ['Katja Linnenschmidt', 'Cansu Aktepe']) {
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
      await expect(card).toContainText('Ansprechpartnerin');
      await expect(card.getByRole('link', { name: 'kommunalvertreter@digitales.nrw.de' })).toHaveAttribute('href', 'mailto:kommunalvertreter@digitales.nrw.de');
    }
    await expect(page.getByRole('main')).not.toContainText('(at)');
  });

  test('call to action leads to the interest form', async ({ page }) => {
    await expect(page.getByRole('link', { name: 'Interesse bekunden' }).last()).toHaveAttribute('href', '/interesse/');
  });

  test('structured data describes a GovernmentService provided by the organisation', async ({ page }) => {
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const data = blocks.map((b) => JSON.parse(b) as Record<string, unknown>);
    const service = data.find((d) => d['@type'] === 'GovernmentService');
    const org = data.find((d) => d['@type'] === 'GovernmentOrganization');
    expect(service?.['name']).toBe('Aufenthaltstitel');
    expect(org?.['email']).toBe('kommunalvertreter@digitales.nrw.de');
    expect((org?.['contactPoint'] as Record<string, unknown>)['@type']).toBe('ContactPoint');
    expect(service?.['provider']).toEqual({ '@id': org?.['@id'] });
  });
});

test.describe('the BeBPo recipient copy button', () => {
  test('copies the recipient name and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(OFFER);
    await page.getByRole('button', { name: 'Empfängernamen kopieren' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Kopiert' })).toBeAttached();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('d-NRW AöR');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the button is hidden and the name stays plain text', async ({ page }) => {
      await page.goto(OFFER);
      await expect(page.getByRole('button', { name: 'Empfängernamen kopieren' })).toBeHidden();
      await expect(page.locator('#bebpo-empfaenger')).toHaveText('d-NRW AöR');
      await expect(page.getByRole('region', { name: 'Kosten' })).toContainText('ab 01.01.2024');
    });
  });
});

test('print: no navigation, link targets printed, submission steps kept together', async ({ page }) => {
  await page.goto(OFFER);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Sie sind hier' })).toBeHidden();
  const after = await page
    .getByRole('link', { name: 'kommunalvertreter@digitales.nrw.de' })
    .first()
    .evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain('mailto:kommunalvertreter@digitales.nrw.de');
  const submission = page.getByRole('region', { name: 'So senden Sie den Einzelabruf' });
  expect(await submission.evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
});
