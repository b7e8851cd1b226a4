/**
 * Faults: the real server (`node server/start.ts`) is killed, restarted, starved of its mail
 * server and of its disk, and stopped with SIGTERM. Each test prints its counts. Nothing that was
 * answered with success may be lost or stored twice, and no notification may be lost or sent twice.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { checkMails } from './burst.ts';
import { metric, smtpOutageEnv, type ChildServer } from './child-server.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { createTestApp, fixture, formPost, freePort, INTERESSE, json, markBuilt, smtpSink, tempDir, urlencoded, validInteresse, waitFor, type SmtpSink, type TestApp } from './helpers.ts';

const cleanups = cleanupAfterEach();
const dataDir = (): string => cleanups.folder('kv-faults-');
const start = (env: Record<string, string>): Promise<ChildServer> => cleanups.server(env);

async function submit(base: string, fields: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/f/${INTERESSE}`, { method: 'POST', headers: json, body: JSON.stringify(validInteresse(fields)) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Rows per value of `behoerde` (each test submission carries a unique one), read after the server stopped. */
function storedByMarker(dir: string): { byMarker: Map<string, number>; references: string[]; integrity: string } {
  const db = new DatabaseSync(join(dir, 'submissions.sqlite'), { readOnly: true });
  try {
    const rows = db.prepare('SELECT reference, data FROM submissions').all() as { reference: string; data: string }[];
    const byMarker = new Map<string, number>();
    for (const row of rows) {
      const marker = String((JSON.parse(row.data) as { behoerde?: unknown }).behoerde);
      byMarker.set(marker, (byMarker.get(marker) ?? 0) + 1);
    }
    const { integrity_check: integrity } = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    return { byMarker, references: rows.map((r) => r.reference), integrity };
  } finally {
    db.close();
  }
}

/** The submitted personal data of validInteresse() must never reach the log. */
function expectNoPersonalData(output: string): void {
  const personal = validInteresse();
  for (const key of ['email', 'ansprechperson', 'telefon'] as const) expect(output, key).not.toContain(String(personal[key]));
}

describe('crash', () => {
  it('stores every submission answered with success exactly once, through SIGKILL in a burst and a restart', async () => {
    const dir = dataDir();
    const env = { DATA_DIR: dir };
    const first = await start(env);

    const total = 120;
    const answered = new Map<string, string>();
    const unanswered: string[] = [];
    let nextIndex = 0;
    let killed = false;
    const worker = async (): Promise<void> => {
      while (nextIndex < total) {
        const marker = `Absturztest ${nextIndex++}`;
        try {
          const res = await submit(first.base, { behoerde: marker });
          if (res.status === 200) answered.set(marker, String(res.body['id']));
          else unanswered.push(marker);
        } catch {
          unanswered.push(marker);
        }
        if (!killed && answered.size >= 40) {
          killed = true;
          first.process.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect((await first.exited).signal).toBe('SIGKILL');
    const answeredBeforeKill = answered.size;
    expect(answeredBeforeKill).toBeGreaterThanOrEqual(40);
    expect(unanswered.length).toBeGreaterThan(0);

    // Restart on the same DATA_DIR; it must take submissions again and number them on.
    const second = await start(env);
    let afterRestart = 0;
    for (let i = 0; i < 30; i++) {
      const marker = `Nach dem Neustart ${i}`;
      const res = await submit(second.base, { behoerde: marker });
      expect(res.status).toBe(200);
      answered.set(marker, String(res.body['id']));
      afterRestart += 1;
    }
    expect((await second.stop('SIGTERM')).code).toBe(0);

    const { byMarker, references, integrity } = storedByMarker(dir);
    expect(integrity).toBe('ok');
    const lost = [...answered.keys()].filter((m) => (byMarker.get(m) ?? 0) === 0);
    const duplicates = [...byMarker.entries()].filter(([, n]) => n > 1).map(([m]) => m);
    const unansweredStored = unanswered.filter((m) => byMarker.has(m)).length;
    const stored = references.length;
    console.log(
      `crash: sent ${total} + ${afterRestart}, answered ${answeredBeforeKill} before SIGKILL and ${afterRestart} after the restart, ` +
        `${unanswered.length} unanswered (${unansweredStored} of them stored), stored ${stored}, lost ${lost.length}, duplicates ${duplicates.length}`,
    );
    expect(lost).toEqual([]);
    expect(duplicates).toEqual([]);
    expect(new Set(references).size).toBe(references.length);
    for (const [marker, id] of answered) expect(references, marker).toContain(id);
    expectNoPersonalData(first.output() + second.output());
  });
});

describe('SMTP outage', () => {
  it('accepts everything while the mail server is down, across a restart, and delivers each notification exactly once when it is back', async () => {
    const dir = dataDir();
    const smtpPort = await freePort();
    const env = { DATA_DIR: dir, ...smtpOutageEnv(smtpPort) };
    const references: string[] = [];
    const first = await start(env);
    for (let i = 0; i < 15; i++) {
      const res = await submit(first.base, { behoerde: `Ausfall vor dem Neustart ${i}` });
      expect(res.status).toBe(200);
      references.push(String(res.body['id']));
    }
    await sleep(300); // a few failed attempts
    first.process.kill('SIGKILL');
    await first.exited;

    const second = await start(env);
    for (let i = 0; i < 15; i++) {
      const res = await submit(second.base, { behoerde: `Ausfall nach dem Neustart ${i}` });
      expect(res.status).toBe(200);
      references.push(String(res.body['id']));
    }
    const pendingDuringOutage = await metric(second.base, 'kv_outbox_pending');
    expect(pendingDuringOutage).toBe(30);

    const sink: SmtpSink = smtpSink();
    await sink.start(smtpPort);
    cleanups.add(() => sink.stop());
    await waitFor(() => sink.mails.length >= references.length, 20_000);
    let pending = -1;
    for (let i = 0; i < 50 && pending !== 0; i++) {
      pending = await metric(second.base, 'kv_outbox_pending');
      if (pending !== 0) await sleep(100);
    }
    await sleep(500); // time for a duplicate to show up
    const { missing, duplicates } = await checkMails(sink.mails, references);
    console.log(
      `smtp outage: accepted ${references.length} of 30 (15 before and 15 after a restart during the outage), pending during the outage ${pendingDuringOutage}, ` +
        `mails ${sink.mails.length}, missing ${missing.length}, duplicates ${duplicates}, pending afterwards ${pending}`,
    );
    expect(missing).toEqual([]);
    expect(duplicates).toBe(0);
    expect(sink.mails).toHaveLength(references.length);
    expect(pending).toBe(0);
    expectNoPersonalData(first.output() + second.output());
  });
});

describe('storage failure', () => {
  let site: ReturnType<typeof tempDir>;
  function fixtureSite(): string {
    site = tempDir('kv-faults-site-');
    cleanups.add(() => site.remove());
    writeFileSync(join(site.path, 'index.html'), '<!doctype html><html lang="de"><title>Start</title><h1>Kommunalvertreter NRW</h1></html>');
    markBuilt(site.path);
    return site.path;
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
    expect(html.body).toContain(`mailto:${fixture.site.organisation.postfach}`);
    expect(html.body).toContain('value="Erika Mustermann"'); // the input comes back

    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode, `${label}: healthz`).toBe(503);
    expect(health.json()).toMatchObject({ status: 'error', storage: 'unavailable', reason: expect.any(String) });
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

  it('the disk is full while the server runs (RLIMIT_FSIZE): 503 and /healthz 503, then stored again once there is space', async () => {
    expect(existsSync('/usr/bin/prlimit'), 'prlimit (util-linux) is needed to simulate a full disk').toBe(true);
    const dir = dataDir();
    const server = await start({ DATA_DIR: dir, DIST_DIR: fixtureSite() });
    const pid = String(server.process.pid);
    expect((await submit(server.base, { behoerde: 'Vor dem vollen Datenträger' })).status).toBe(200);

    execFileSync('/usr/bin/prlimit', [`--pid=${pid}`, '--fsize=1:unlimited']);
    const refused: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await submit(server.base, { behoerde: `Datenträger voll ${i}` });
      refused.push(res.status);
      expect(res.status).toBe(503);
      expect(res.body).not.toHaveProperty('next');
    }
    const healthDown = await fetch(`${server.base}/healthz`);
    expect(healthDown.status).toBe(503);
    expect((await fetch(`${server.base}/`)).status).toBe(200);

    execFileSync('/usr/bin/prlimit', [`--pid=${pid}`, '--fsize=unlimited:unlimited']);
    const again = await submit(server.base, { behoerde: 'Nach dem vollen Datenträger' });
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

describe('SIGTERM', () => {
  it('finishes the request in flight and the mail being sent, closes the database cleanly and exits 0', async () => {
    const dir = dataDir();
    const sink = smtpSink({ delayMs: 1500 });
    await sink.start();
    cleanups.add(() => sink.stop());
    const server = await start({ DATA_DIR: dir, SMTP_URL: sink.url, OUTBOX_POLL_MS: '100' });

    // A: stored, its mail goes to the slow SMTP server.
    const a = await submit(server.base, { behoerde: 'Vor dem Beenden' });
    expect(a.status).toBe(200);
    await sleep(300); // the mail is now in flight (the sink holds it 1.5 s)

    // B: headers and half the body sent, then SIGTERM, then the rest of the body.
    const body = Buffer.from(JSON.stringify(validInteresse({ behoerde: 'Während des Beendens', nachricht: 'x'.repeat(1500) })));
    const slow = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${server.base}/f/${INTERESSE}`, { method: 'POST', headers: { ...json, 'content-length': String(body.length) } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.subarray(0, 1000));
      setTimeout(() => {
        server.process.kill('SIGTERM');
        setTimeout(() => req.end(body.subarray(1000)), 300);
      }, 200);
    });
    const b = await slow;
    const exit = await server.exited;
    const b_id = (JSON.parse(b.text) as { id?: string }).id;

    const wal = existsSync(join(dir, 'submissions.sqlite-wal'));
    const db = new DatabaseSync(join(dir, 'submissions.sqlite'), { readOnly: true });
    const { integrity_check: integrity } = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    const outbox = db.prepare('SELECT s.reference, o.status FROM outbox o JOIN submissions s ON s.id = o.submission_id ORDER BY o.id').all() as { reference: string; status: string }[];
    db.close();
    console.log(
      `sigterm: request in flight answered ${b.status} (${b_id ?? 'no id'}), mail in flight delivered ${sink.mails.length} and marked ${outbox[0]?.status}, ` +
        `exit code ${exit.code}, WAL left ${wal ? 'yes' : 'no'}, integrity ${integrity}, stored ${outbox.length}`,
    );
    expect(b.status).toBe(200);
    expect(b_id).toMatch(/^KV-/);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(wal).toBe(false);
    expect(integrity).toBe('ok');
    expect(sink.mails).toHaveLength(1);
    expect(outbox).toEqual([
      { reference: a.body['id'], status: 'sent' },
      { reference: b_id, status: 'pending' }, // sent by the next start
    ]);
  });
});
