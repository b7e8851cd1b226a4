/**
 * Faults with PostgreSQL and two instances of the real server (`node server/cli/start.ts`) on one
 * database: one instance SIGKILLed in the middle of a burst, the database server crashing and
 * coming back, the mail server down. This file starts its own PostgreSQL server (it stops it on
 * purpose); each test uses a fresh schema. Each test prints its counts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../scripts/lib/postgres.ts';
import { createSchema, rawSubmissionRows } from '../lib/test-store.ts';
import { burst, checkMails, checkStored, expectNothingLostOrDuplicated, submitTo, type Attempt } from './burst.ts';
import { metric, smtpOutageEnv, type ChildServer } from './child-server.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { INTERESSE, freePort, json, markBuilt, smtpSink, validInteresse, waitFor } from './helpers.ts';

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(() => postgres.remove());

const cleanups = cleanupAfterEach();

async function database(): Promise<string> {
  const db = await createSchema(postgres.url);
  cleanups.add(() => db.drop());
  return db.url ?? '';
}

const start = (env: Record<string, string>): Promise<ChildServer> => cleanups.server(env);

function summary(attempts: readonly Attempt[], base: string): string {
  const mine = attempts.filter((a) => a.target === base);
  const by = (status: number) => mine.filter((a) => a.status === status).length;
  return `${mine.length} sent, ${by(200)} ok, ${by(503)} 503, ${by(0)} unanswered, ${mine.length - by(200) - by(503) - by(0)} other`;
}

describe('two instances on one PostgreSQL database', () => {
  it('one SIGKILLed in the middle of a burst: every acknowledged submission stored once, none lost, references gap-free, the other unaffected', { timeout: 60_000 }, async () => {
    const url = await database();
    const a = await start({ DATABASE_URL: url });
    const b = await start({ DATABASE_URL: url });
    let killed = false;
    const attempts = await burst({
      clients: 16,
      total: 300,
      label: 'Zwei Instanzen',
      target: (i) => (i % 2 === 0 ? a.base : b.base),
      onAttempt: (_attempt, all) => {
        if (!killed && all.filter((x) => x.status === 200).length >= 80) {
          killed = true;
          a.process.kill('SIGKILL');
        }
      },
    });
    expect((await a.exited).signal).toBe('SIGKILL');
    const fromB = attempts.filter((x) => x.target === b.base);
    expect((await b.stop('SIGTERM')).code).toBe(0);

    const check = checkStored(attempts, await rawSubmissionRows({ dataDir: '', databaseUrl: url }));
    console.log(
      `two instances, SIGKILL: instance A ${summary(attempts, a.base)}; instance B ${summary(attempts, b.base)}; ` +
        `stored ${check.stored}, acknowledged ${check.acknowledged}, lost ${check.lost.length}, duplicates ${check.duplicates.length}, ` +
        `unacknowledged but stored ${check.unacknowledgedStored}, reference gaps ${check.gaps.length}`,
    );
    expect(attempts.some((x) => x.target === a.base && x.status === 0)).toBe(true);
    expect(fromB.every((x) => x.status === 200 && x.hasNext)).toBe(true);
    expectNothingLostOrDuplicated(check);
  });
});

describe('PostgreSQL crash and restart in the middle of a burst', () => {
  it('answers 503 without next while it is down, still serves pages, /healthz says why; recovers without a restart and loses nothing acknowledged', { timeout: 90_000 }, async () => {
    const url = await database();
    const site = join(cleanups.folder('kv-pg-site-'), 'dist');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="de"><title>Start</title><h1>Kommunalvertreter NRW</h1></html>');
    markBuilt(site);
    const env = { DATABASE_URL: url, DIST_DIR: site };
    const servers = [await start(env), await start(env)];
    const bases = servers.map((s) => s.base);

    let probes = 0;
    const probe = (base: string, label: string) => submitTo(base, `${label} ${probes++}`);
    let done = false;
    const answered = new Map<number, number>();
    const count = (status: number) => answered.get(status) ?? 0;
    const running = burst({ clients: 8, label: 'Neustart', target: (i) => bases[i % 2] ?? '', stop: () => done, onAttempt: (x) => answered.set(x.status, count(x.status) + 1) });
    await waitFor(() => count(200) >= 40, 20_000); // the burst is under way

    postgres.stop('immediate');
    const whileDown: { form: number; formHasNext: boolean; page: number; health: number; body: string; logged: boolean }[] = [];
    for (const base of bases) {
      const seen: number[] = [];
      await waitFor(async () => {
        const status = (await probe(base, 'Probe, Datenbank weg')).status;
        seen.push(status);
        return status === 503;
      }, 15_000).catch((error: unknown) => {
        throw new Error(`kein 503 von ${base} (${[...new Set(seen)].join('/')}):\n${servers.map((s) => s.output().slice(-2000)).join('\n')}`, { cause: error });
      });
      const form = await probe(base, 'Während des Ausfalls');
      const page = await fetch(`${base}/`);
      const health = await fetch(`${base}/healthz`);
      const body = await health.text();
      // The public answer says only that it is not ok; the reason is in the log (which reaches this
      // process's pipe a moment after the answer, so wait for it).
      const reasonLogged = () => /"reason":"[^"]+"[^\n]*"msg":"Speicher nicht verfügbar"/.test(servers[bases.indexOf(base)]?.output() ?? '');
      const logged = await waitFor(reasonLogged, 5_000).then(
        () => true,
        () => false,
      );
      whileDown.push({ form: form.status, formHasNext: form.hasNext, page: page.status, health: health.status, body, logged });
    }
    const refusedBefore = count(503);
    await waitFor(() => count(503) >= refusedBefore + 20, 20_000); // the burst goes on against the missing database

    postgres.start();
    const recovered = Date.now();
    for (const base of bases) await waitFor(async () => (await probe(base, 'Probe, Datenbank zurück')).status === 200, 30_000);
    for (const base of bases) await waitFor(async () => (await fetch(`${base}/healthz`)).status === 200, 10_000);
    const storedBefore = count(200);
    await waitFor(() => count(200) >= storedBefore + 40, 20_000); // and on after it is back
    done = true;
    const attempts = await running;
    for (const server of servers) expect((await server.stop('SIGTERM')).code).toBe(0);

    const check = checkStored(attempts, await rawSubmissionRows({ dataDir: '', databaseUrl: url }));
    const statuses = [...new Set(attempts.map((x) => x.status))].sort();
    console.log(
      `postgres restart: ${attempts.length} submissions (statuses ${statuses.join('/')}), while down ${JSON.stringify(whileDown)}, ` +
        `back after ${((Date.now() - recovered) / 1000).toFixed(1)} s without a server restart; stored ${check.stored}, acknowledged ${check.acknowledged}, ` +
        `lost ${check.lost.length}, duplicates ${check.duplicates.length}, unacknowledged but stored ${check.unacknowledgedStored}`,
    );
    for (const down of whileDown) {
      expect(down).toMatchObject({ form: 503, formHasNext: false, page: 200, health: 503, body: '{"status":"error"}', logged: true });
    }
    expect(attempts.filter((x) => x.status !== 200).every((x) => !x.hasNext)).toBe(true);
    expectNothingLostOrDuplicated(check);
  });
});

describe('SMTP outage with two instances', () => {
  it('delivers every notification once the mail server is back, none twice', { timeout: 60_000 }, async () => {
    const url = await database();
    const smtpPort = await freePort();
    const env = { DATABASE_URL: url, ...smtpOutageEnv(smtpPort) };
    const servers = [await start(env), await start(env)];
    const references: string[] = [];
    for (let i = 0; i < 40; i++) {
      const base = servers[i % 2]?.base ?? '';
      const res = await fetch(`${base}/f/${INTERESSE}`, { method: 'POST', headers: json, body: JSON.stringify(validInteresse({ behoerde: `Mailausfall ${i}` })) });
      expect(res.status).toBe(200);
      references.push(String(((await res.json()) as { id: string }).id));
    }
    // Failed attempts on both instances.
    await waitFor(() => servers.every((s) => s.output().includes('Benachrichtigung fehlgeschlagen')), 10_000);
    const pendingDuringOutage = await metric(servers[0]?.base ?? '', 'kv_outbox_pending');
    const sentDuringOutage = (await Promise.all(servers.map((s) => metric(s.base, 'kv_mails_sent_total')))).reduce((a, b) => a + b, 0);

    const sink = smtpSink();
    await sink.start(smtpPort);
    cleanups.add(() => sink.stop());
    await waitFor(() => sink.mails.length >= references.length, 30_000);
    await waitFor(async () => (await metric(servers[0]?.base ?? '', 'kv_outbox_pending')) === 0, 10_000);
    const sentBy = await Promise.all(servers.map((s) => metric(s.base, 'kv_mails_sent_total')));
    // A clean stop waits for the sends in progress: after it, no duplicate can still arrive.
    for (const server of servers) expect((await server.stop('SIGTERM')).code).toBe(0);

    const { missing, duplicates } = await checkMails(sink.mails, references);
    console.log(
      `smtp outage, two instances: accepted ${references.length}, pending during the outage ${pendingDuringOutage} (sent then ${sentDuringOutage}), ` +
        `mails ${sink.mails.length}, sent by instance A ${sentBy[0]} and B ${sentBy[1]}, missing ${missing.length}, duplicates ${duplicates}`,
    );
    expect(pendingDuringOutage).toBe(40);
    expect(missing).toEqual([]);
    expect(duplicates).toBe(0);
    expect(sink.mails).toHaveLength(references.length);
  });
});
