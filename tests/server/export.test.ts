/**
 * The exports at size, against both stores: a form is read in batches and streamed as the client
 * reads it (a client that stops reading stops the reading of the store), every row comes out once,
 * and while one export runs a second one gets 429 with Retry-After and a German page.
 */
import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXPORT_BATCH } from '../../server/export/export-rows.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { INTERESSE, signInApp, validInteresse, type TestApp } from './helpers.ts';

const ADMIN = { ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'export-test-geheim' };

/** Stores `n` submissions of the interest form, each with a Nachricht of `size` characters. */
async function seed(t: TestApp, n: number, size = 40): Promise<void> {
  for (let done = 0; done < n; done += 500) {
    const batch = Array.from({ length: Math.min(500, n - done) }, (_, i) => ({
      form: INTERESSE,
      prefix: 'KV',
      spam: false,
      data: validInteresse({ behoerde: `Behörde ${done + i}`, nachricht: `Nachricht ${done + i} `.padEnd(size, 'x') }),
    }));
    await t.app.store.saveSubmissions(batch);
  }
}

/** The session cookie of a sign-in to `t` (exports need a session). */
const auth = async (t: TestApp): Promise<{ cookie: string }> => (await signInApp(t.app, ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD)).cookie;

/** GET on the listening app, signed in; resolves with the response as soon as its headers are there. */
async function get(t: TestApp, path: string): Promise<IncomingMessage> {
  const { port } = t.app.server.address() as AddressInfo;
  const headers = await auth(t);
  return new Promise((resolve, reject) => request({ host: '127.0.0.1', port, path, headers }, resolve).on('error', reject).end());
}

describe('export of a large form', () => {
  const cleanups = cleanupAfterEach();

  it('streams the CSV while reading the store batch by batch; a second export meanwhile gets 429, the next one 200', { timeout: 120_000 }, async () => {
    const t = await cleanups.app(ADMIN);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const rows = 20_000;
    await seed(t, rows, 1_000);
    const store = t.app.store;
    const read = store.submissionsBefore.bind(store);
    let batches = 0;
    store.submissionsBefore = async (...args) => {
      batches += 1;
      return read(...args);
    };

    const first = await get(t, `/admin/${INTERESSE}.csv`);
    expect(first.statusCode).toBe(200);
    first.pause();
    // The client reads nothing: the export waits for it instead of reading the whole form (about 20 MB).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const whileStalled = batches;
    console.log(`export: ${rows} rows, client paused: ${whileStalled} of ${Math.ceil(rows / EXPORT_BATCH)} batches read`);
    expect(whileStalled).toBeGreaterThanOrEqual(1);
    expect(whileStalled).toBeLessThan(rows / EXPORT_BATCH);

    const second = await get(t, `/admin/${INTERESSE}.xlsx`);
    const page = await text(second);
    expect(second.statusCode).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    expect(second.headers['content-type']).toMatch(/^text\/html/);
    expect(page).toContain('Es läuft schon ein Export');

    const csv = await text(first);
    const lines = csv.split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(rows + 1);
    const references = lines.slice(1).map((line) => line.split(';')[0]);
    expect(new Set(references).size).toBe(rows);
    expect(references[0]! > references.at(-1)!).toBe(true);

    const third = await get(t, `/admin/${INTERESSE}.csv`);
    expect(third.statusCode).toBe(200);
    await text(third);
  });

  it('writes every row of several batches into the XLSX file once, newest first, and counts them in the note', { timeout: 60_000 }, async () => {
    const t = await cleanups.app(ADMIN);
    const rows = EXPORT_BATCH * 2 + 37;
    await seed(t, rows);
    const res = await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.xlsx`, headers: await auth(t) });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(res.rawPayload).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell(2, 1).value)).toMatch(new RegExp(`; ${rows} Einsendung`));
    const references: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3) references.push(String(row.getCell(1).value));
    });
    expect(references).toHaveLength(rows);
    expect(new Set(references).size).toBe(rows);
    expect([...references].sort().reverse()).toEqual(references);
    expect(sheet.getCell(4, 3).value).toBe(`Behörde ${rows - 1}`);
    expect(sheet.autoFilter).toBeTruthy();
  });
});
