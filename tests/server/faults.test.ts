/**
 * Faults of the process: the real server (`node server/cli/start.ts`) is killed, restarted, starved
 * of its mail server and stopped with SIGTERM (its storage failing: storage-faults.test.ts). Each
 * test prints its counts. Nothing that was answered with success may be lost or stored twice, and
 * no notification may be lost or sent twice.
 */
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { checkMails, expectNoPersonalData, storedByMarker, submitTo } from './burst.ts';
import { metric, smtpOutageEnv, type ChildServer } from './child-server.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { freePort, INTERESSE, json, smtpSink, validInteresse, waitFor, type SmtpSink } from './helpers.ts';

const cleanups = cleanupAfterEach();
const dataDir = (): string => cleanups.folder('kv-faults-');
const start = (env: Record<string, string>): Promise<ChildServer> => cleanups.server(env);

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
        const res = await submitTo(first.base, marker);
        if (res.status === 200) answered.set(marker, res.id ?? '');
        else unanswered.push(marker);
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
      const res = await submitTo(second.base, marker);
      expect(res.status).toBe(200);
      answered.set(marker, res.id ?? '');
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
  it('accepts everything while the mail server is down, across a restart, and delivers each notification exactly once when it is back', { timeout: 60_000 }, async () => {
    const dir = dataDir();
    const smtpPort = await freePort();
    // SIGKILL can hit the first instance in the middle of a round, with mails claimed: the second
    // takes them over when the lease ends (120 s by default, 2 s here).
    const env = { DATA_DIR: dir, ...smtpOutageEnv(smtpPort), OUTBOX_LEASE_MS: '2000' };
    const references: string[] = [];
    const first = await start(env);
    for (let i = 0; i < 15; i++) {
      const res = await submitTo(first.base, `Ausfall vor dem Neustart ${i}`);
      expect(res.status).toBe(200);
      references.push(res.id ?? '');
    }
    await waitFor(() => first.output().includes('Benachrichtigung fehlgeschlagen'), 10_000); // failed attempts
    first.process.kill('SIGKILL');
    await first.exited;

    const second = await start(env);
    for (let i = 0; i < 15; i++) {
      const res = await submitTo(second.base, `Ausfall nach dem Neustart ${i}`);
      expect(res.status).toBe(200);
      references.push(res.id ?? '');
    }
    const pendingDuringOutage = await metric(second.base, 'kv_outbox_pending');
    expect(pendingDuringOutage).toBe(30);

    const sink: SmtpSink = smtpSink();
    await sink.start(smtpPort);
    cleanups.add(() => sink.stop());
    await waitFor(() => sink.mails.length >= references.length, 20_000);
    await waitFor(async () => (await metric(second.base, 'kv_outbox_pending')) === 0, 5_000);
    const pending = await metric(second.base, 'kv_outbox_pending');
    // A clean stop waits for the sends in progress: after it, no duplicate can still arrive.
    expect((await second.stop('SIGTERM')).code).toBe(0);
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

describe('SIGTERM', () => {
  it('finishes the request in flight and the mail being sent, closes the database cleanly and exits 0', async () => {
    const dir = dataDir();
    const sink = smtpSink({ delayMs: 1500 });
    await sink.start();
    cleanups.add(() => sink.stop());
    const server = await start({ DATA_DIR: dir, SMTP_URL: sink.url, OUTBOX_POLL_MS: '100' });

    // A: stored, its mail goes to the slow SMTP server.
    const a = await submitTo(server.base, 'Vor dem Beenden');
    expect(a.status).toBe(200);
    await waitFor(() => sink.receiving > 0); // the mail is now in flight (the sink holds it 1.5 s)

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
      { reference: a.id, status: 'sent' },
      { reference: b_id, status: 'pending' }, // sent by the next start
    ]);
  });
});
