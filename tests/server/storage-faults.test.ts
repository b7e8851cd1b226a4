/**
 * Faults of the storage: DATA_DIR unusable, the database file broken, the disk full while the
 * server runs. The form answers 503 without `next` (never a false success), pages are still
 * served, /healthz says 503, and the server recovers by itself once the storage is usable again.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoPersonalData, storedByMarker, submitTo } from './burst.ts';
import { type ChildServer } from './child-server.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { createTestApp, fixture, formPost, handMadeBuild, INTERESSE, json, markBuilt, urlencoded, validInteresse, type TestApp } from './helpers.ts';

const cleanups = cleanupAfterEach();
const dataDir = (): string => cleanups.folder('kv-storage-faults-');
const start = (env: Record<string, string>): Promise<ChildServer> => cleanups.server(env);

describe('storage failure', () => {
  function fixtureSite(): string {
    const site = handMadeBuild('kv-faults-site-');
    cleanups.add(() => site.remove());
    writeFileSync(join(site.dist, 'index.html'), '<!doctype html><html lang="de"><title>Start</title><h1>Kommunalvertreter NRW</h1></html>');
    markBuilt(site.dist);
    return site.dist;
  }

  async function expectStorageDown(t: TestApp, label: string): Promise<{ formStatus: number; healthStatus: number }> {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode, `${label}: page`).toBe(200);
    expect(page.body).toContain('Kommunalvertreter NRW');

    const res = await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json });
    expect(res.statusCode, `${label}: form`).toBe(503);
    expect(res.headers['retry-after']).toBe('120');
    const body = res.json<Record<string, unknown>>();
    expect(body).not.toHaveProperty('next');
    expect(body).not.toHaveProperty('id');
    expect(body).toEqual({ errors: [{ code: 'STORAGE_UNAVAILABLE', message: expect.stringMatching(/^Das Formular kann gerade nicht gespeichert werden/) }] });

    const html = await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: urlencoded(validInteresse()), headers: formPost });
    expect(html.statusCode).toBe(503);
    expect(html.headers['location']).toBeUndefined();
    expect(html.body).toContain('Das Formular kann gerade nicht gespeichert werden');
    expect(html.body).toContain(`mailto:${fixture.site.postfach}`);
    expect(html.body).toContain('value="Erika Mustermann"'); // the input comes back

    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode, `${label}: healthz`).toBe(503);
    // Public: only that it is not ok. Why is in /metrics (behind the login) and in the log.
    expect(health.json()).toEqual({ status: 'error' });
    const metrics = await t.app.metrics.registry.metrics();
    expect(metrics).toMatch(/^kv_storage_available 0$/m);
    expect(metrics).toMatch(/^kv_storage_errors_total\{reason="[^"]+"\} [1-9]/m);
    return { formStatus: res.statusCode, healthStatus: health.statusCode };
  }

  async function expectRecovered(t: TestApp): Promise<number> {
    const res = await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    return (await t.app.store.listSubmissions(INTERESSE)).length;
  }

  it('DATA_DIR is a file: 503 without next, pages still served, /healthz 503, recovers when the folder can be made', async () => {
    const parent = dataDir();
    const data = join(parent, 'data');
    writeFileSync(data, 'kein Ordner');
    const t = await createTestApp({ DATA_DIR: data, DIST_DIR: fixtureSite() });
    cleanups.add(() => t.close());
    const down = await expectStorageDown(t, 'DATA_DIR is a file');
    rmSync(data);
    const stored = await expectRecovered(t);
    console.log(`storage failure (DATA_DIR unusable): form ${down.formStatus}, healthz ${down.healthStatus}, page 200; after repair: form 200, healthz 200, stored ${stored}`);
    expect(stored).toBe(1);
  });

  it('the database file is not a database: 503, pages served, recovers when the file is replaced', async () => {
    const data = dataDir();
    writeFileSync(join(data, 'submissions.sqlite'), 'Dies ist keine SQLite-Datenbank. '.repeat(200));
    const t = await createTestApp({ DATA_DIR: data, DIST_DIR: fixtureSite() });
    cleanups.add(() => t.close());
    const down = await expectStorageDown(t, 'broken database file');
    rmSync(join(data, 'submissions.sqlite'));
    const stored = await expectRecovered(t);
    console.log(`storage failure (database file unusable): form ${down.formStatus}, healthz ${down.healthStatus}, page 200; after repair: form 200, healthz 200, stored ${stored}`);
    expect(stored).toBe(1);
  });

  it('the disk is full while the server runs (RLIMIT_FSIZE): 503 and /healthz 503, then stored again once there is space', { timeout: 60_000 }, async () => {
    expect(existsSync('/usr/bin/prlimit'), 'prlimit (util-linux) is needed to simulate a full disk').toBe(true);
    const dir = dataDir();
    const server = await start({ DATA_DIR: dir, DIST_DIR: fixtureSite() });
    const pid = String(server.process.pid);
    expect((await submitTo(server.base, 'Vor dem vollen Datenträger')).status).toBe(200);

    execFileSync('/usr/bin/prlimit', [`--pid=${pid}`, '--fsize=1:unlimited']);
    const refused: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await submitTo(server.base, `Datenträger voll ${i}`);
      refused.push(res.status);
      expect(res.status).toBe(503);
      expect(res.hasNext).toBe(false);
    }
    const healthDown = await fetch(`${server.base}/healthz`);
    expect(healthDown.status).toBe(503);
    expect((await fetch(`${server.base}/`)).status).toBe(200);

    execFileSync('/usr/bin/prlimit', [`--pid=${pid}`, '--fsize=unlimited:unlimited']);
    const again = await submitTo(server.base, 'Nach dem vollen Datenträger');
    expect(again.status).toBe(200);
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    expect((await server.stop('SIGTERM')).code).toBe(0);

    const { byMarker, integrity } = storedByMarker(dir);
    const falseSuccesses = [...byMarker.keys()].filter((m) => m.startsWith('Datenträger voll')).length;
    console.log(
      `storage failure (disk full): refused ${refused.length} with ${[...new Set(refused)].join('/')}, healthz ${healthDown.status}, page 200; ` +
        `after space is back: form ${again.status}, stored ${byMarker.size}, refused but stored ${falseSuccesses}, integrity ${integrity}`,
    );
    expect(byMarker.size).toBe(2);
    expect(integrity).toBe('ok');
    expectNoPersonalData(server.output());
  });
});
