/**
 * The XLSX export as d-NRW staff open it: the file is converted back to CSV by LibreOffice Calc
 * (headless), so the test sees what a spreadsheet shows. Keys keep their leading zeros, nothing is a
 * formula, no guard character is visible, umlauts are intact.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredSubmission } from '../../server/store/index.ts';
import { berlinWallClock } from '../../shared/lib/dates.ts';
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { exportColumns } from '../../server/export/export-rows.ts';
import { sheetName, writeSubmissionsXlsx, type XlsxOptions } from '../../server/export/xlsx.ts';
import { asExcelBuffer, openInCalc } from '../lib/calc.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { fixtureOffers, interesse, interesse as form, INTERESSE, interesseOptions, json, signInApp, tempDir, validInteresse } from './helpers.ts';

/** Values a spreadsheet would turn into numbers or formulas, or show with a guard. */
const hostile = {
  behoerde: '=HYPERLINK("http://evil.example","klick")',
  ags: '05913000',
  ansprechperson: '+49 (0)231 1234',
  funktion: '-2+3',
  email: '@SUM(A1)',
  telefon: '+49 231 0000-0',
  antragsstrecken: interesseOptions.slice(0, 2),
  start: '2027-03',
  nachricht: 'Zweite Zeile folgt\nÄußerst „wichtig“: Größe, Übergänge, ß',
};

function submission(id: number, data: Record<string, unknown>): StoredSubmission {
  return { id, reference: `KV-2026-00000${id}`, form: INTERESSE, receivedAt: '2026-12-01T14:03:00.000Z', data };
}

/** The XLSX file of `submissions`, written as the export route writes it (one batch). */
async function submissionsXlsx(form: typeof interesse, submissions: StoredSubmission[], options: XlsxOptions): Promise<Buffer> {
  async function* batches() {
    yield submissions;
  }
  const out = new PassThrough();
  const file = buffer(out);
  await writeSubmissionsXlsx({ columns: exportColumns(form), total: submissions.length, first: submissions, batches: batches() }, options, out);
  return file;
}

describe('XLSX export opened in LibreOffice Calc', { timeout: 180_000 }, () => {
  const dir = tempDir('kv-xlsx-');
  let rows: string[][];
  beforeAll(async () => {
    const file = await submissionsXlsx(form, [submission(1, hostile), submission(2, { ...hostile, ags: '05913' })], {
      title: 'Interesse bekunden – Fiktives Angebot',
      exportedAt: new Date('2026-12-01T15:00:00Z'),
    });
    rows = openInCalc(dir.path, file);
  });
  afterAll(() => dir.remove());

  it('names the export in a title row above the header', () => {
    expect(rows[0]?.[0]).toBe('Interesse bekunden – Fiktives Angebot');
    expect(rows[2]?.slice(0, 3)).toEqual(['Eingangsnummer', 'Eingegangen', 'Behörde']);
  });

  it('shows every value exactly as entered: no formula, no guard, leading zeros and umlauts kept', () => {
    const header = rows[2] ?? [];
    const column = (label: string) => header.indexOf(label);
    for (const [index, ags] of [
      [3, '05913000'],
      [4, '05913'],
    ] as const) {
      const row = rows[index] ?? [];
      expect(row[column('Gemeinde- oder Kreisschlüssel')]).toBe(ags);
      expect(row[column('Behörde')]).toBe(hostile.behoerde);
      expect(row[column('Ansprechperson')]).toBe(hostile.ansprechperson);
      expect(row[column('Funktion')]).toBe(hostile.funktion);
      expect(row[column('E-Mail-Adresse')]).toBe(hostile.email);
      expect(row[column('Telefon')]).toBe(hostile.telefon);
      expect(row[column('Nachricht')]).toBe(hostile.nachricht);
      expect(row[column('Antragsstrecken')]).toBe(interesseOptions.slice(0, 2).join('; '));
      expect(row[column('Gewünschter Start')]).toBe('03.2027');
      expect(row.join('')).not.toContain("'");
    }
    expect(rows).toHaveLength(5);
  });

  it('writes the time of receipt as a date in Berlin time', () => {
    expect(rows[3]?.[1]).toBe('01.12.2026 15:03');
    expect(berlinWallClock('2026-07-01T10:00:00Z').toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });
});

describe('XLSX workbook structure', () => {
  it('has a bold header with an autofilter, text-typed code columns and sensible widths', async () => {
    const file = await submissionsXlsx(form, [submission(1, hostile)], { title: 'Interesse bekunden – Fiktives Angebot' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(asExcelBuffer(file));
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Interesse bekunden – Fiktives A');
    expect(sheet?.getRow(3).getCell(1).font?.bold).toBe(true);
    expect(sheet?.autoFilter).toBeTruthy();
    const ags = sheet?.getRow(4).getCell(4);
    expect(ags?.type).toBe(ExcelJS.ValueType.String);
    expect(ags?.numFmt).toBe('@');
    expect(sheet?.getRow(4).getCell(3).type).toBe(ExcelJS.ValueType.String);
    for (const column of sheet?.columns ?? []) expect(column.width).toBeGreaterThanOrEqual(10);
    expect(sheetName('a/b:c*d?e[f]g\\h')).toBe('a b c d e f g h');
  });
});

describe('GET /admin/<form>.xlsx', () => {
  const cleanups = cleanupAfterEach();

  it('exports the interest form with the offer named, behind the admin login, without spam', async () => {
    const t = await cleanups.app({ ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'richtig-geheim' });
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse({ behoerde: '=1+1' }), headers: json });
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse({ _gotcha: 'x', behoerde: 'Spam GmbH' }), headers: json });
    expect((await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.xlsx` })).statusCode).toBe(303);
    const auth = (await signInApp(t.app, 'dnrw', 'richtig-geheim')).cookie;
    const res = await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.xlsx`, headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${INTERESSE}-\\d{4}-\\d{2}-\\d{2}\\.xlsx"$`));
    expect(res.headers['cache-control']).toBe('no-store');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(asExcelBuffer(res.rawPayload));
    const sheet = workbook.worksheets[0];
    expect(String(sheet?.getCell(1, 1).value)).toBe(`Interessenbekundung ${fixtureOffers[0]?.titel}`);
    expect(sheet?.getCell(4, 3).value).toBe('=1+1');
    expect(sheet?.rowCount).toBe(4);
    const admin = await t.app.inject({ method: 'GET', url: '/admin/', headers: auth });
    expect(admin.body).toContain(`href="/admin/${INTERESSE}.xlsx"`);
  });

  it('writes rows stored before the forms refused noncharacters with U+FFFD: the file opens in Calc with every row', { timeout: 180_000 }, async () => {
    const t = await cleanups.app({ ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'richtig-geheim' });
    const broken = ['Stadt\uFFFEHamm', 'Kreis\uFFFF', 'Amt\u0000Nord', 'Halb \ud800 Wort'];
    const saved = [];
    for (const behoerde of [...broken, 'Stadt Unna']) {
      saved.push(await t.app.store.saveSubmission({ form: INTERESSE, prefix: 'KV', spam: false, data: { ...validInteresse(), behoerde } }));
    }
    const auth = (await signInApp(t.app, 'dnrw', 'richtig-geheim')).cookie;
    const res = await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.xlsx`, headers: auth });
    const dir = tempDir('kv-xlsx-old-');
    try {
      const rows = openInCalc(dir.path, res.rawPayload).slice(3);
      expect(rows.map((row) => row[0]).sort()).toEqual(saved.map((s) => s.reference).sort());
      const behoerden = rows.map((row) => row[2]).sort();
      expect(behoerden).toEqual(['Amt\uFFFDNord', 'Halb \uFFFD Wort', 'Kreis\uFFFD', 'Stadt Unna', 'Stadt\uFFFDHamm']);
    } finally {
      dir.remove();
    }
    const csv = (await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.csv`, headers: auth })).body;
    // eslint-disable-next-line no-control-regex -- NUL is what must not be there
    expect(csv).not.toMatch(/[\uFFFE\uFFFF\u0000]/);
    expect(csv).toContain('Stadt\uFFFDHamm');
  });
});
