/**
 * A standalone instance as an attacker meets it, and as an operator installs it: a thousand slow
 * POSTs from one address under a 1,024 open-file limit, the systemd unit in deploy/, and `npm ci`
 * / `npm start` on a Node.js that is too old. Prints its counts.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../server/store/index.ts';
import type { ChildServer } from './child-server.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { INTERESSE, repoRoot, waitFor } from './helpers.ts';

const cleanups = cleanupAfterEach();

/** GET over a fresh connection from `localAddress`; the status, or 0 without an answer within 10 s. */
function getFrom(port: number, path: string, localAddress: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, localAddress, agent: false, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

interface SlowClient {
  readonly socket: Socket;
  /** Milliseconds from the start of the attack until the server closed the connection. */
  closedAfter: number | null;
  /** What the server wrote before it closed: its 408 when the request timed out, nothing when it refused the connection. */
  answer: string;
}

describe('a thousand slow POSTs from one address, 1,024 open files', () => {
  it('cuts them off and keeps answering others; the address is answered again within 30 s', { timeout: 90_000 }, async () => {
    expect(existsSync('/usr/bin/prlimit'), 'prlimit (util-linux) is needed for the open-file limit').toBe(true);
    const server: ChildServer = await cleanups.server({ DATA_DIR: cleanups.folder('kv-slow-'), REQUEST_TIMEOUT_MS: '3000', LOG_LEVEL: 'warn' }, ['/usr/bin/prlimit', '--nofile=1024:1024', '--']);
    const port = Number(new URL(server.base).port);
    const limits = readFileSync(`/proc/${server.process.pid}/limits`, 'utf8');
    expect(limits).toMatch(/Max open files\s+1024\s+1024/);

    const started = Date.now();
    const clients: SlowClient[] = [];
    for (let i = 0; i < 1_000; i++) {
      const socket = connect({ host: '127.0.0.1', port });
      const client: SlowClient = { socket, closedAfter: null, answer: '' };
      socket.on('connect', () => {
        socket.write('POST /f/interesse HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: 30000\r\n\r\n{"behoerde": "');
      });
      socket.on('error', () => undefined);
      socket.on('close', () => (client.closedAfter = Date.now() - started));
      socket.on('data', (chunk: Buffer) => (client.answer += chunk.toString('latin1')));
      clients.push(client);
    }
    // One byte per second on every connection still open: the body never completes.
    const dribble = setInterval(() => {
      for (const c of clients) if (c.closedAfter === null && !c.socket.connecting) c.socket.write('x');
    }, 1_000);
    cleanups.add(() => {
      clearInterval(dribble);
      for (const c of clients) c.socket.destroy();
    });
    // The attack stands once every connection is open (or already refused).
    await waitFor(() => clients.every((c) => !c.socket.connecting || c.closedAfter !== null), 10_000);
    const openDuringAttack = clients.filter((c) => c.closedAfter === null).length;

    // Others are answered during the attack.
    const otherDuring = await getFrom(port, '/healthz', '127.0.0.2');
    const formFromOther = await getFrom(port, `/f/${INTERESSE}`, '127.0.0.3'); // 405: the form route answers too

    // Every slow connection is cut off, and the address is answered again, within 30 s.
    const deadline = Date.now() + 30_000;
    while (clients.some((c) => c.closedAfter === null) && Date.now() < deadline) await sleep(200);
    let sameAddressAgain = 0;
    while (sameAddressAgain !== 200 && Date.now() < deadline) {
      sameAddressAgain = await getFrom(port, '/healthz', '127.0.0.1');
      if (sameAddressAgain !== 200) await sleep(200);
    }
    const answeredAgainAfter = (Date.now() - started) / 1000;
    clearInterval(dribble);

    // Held by the server until the request timeout (it answered 408), or refused by the per-address cap (no answer).
    const timedOut = clients.filter((c) => c.closedAfter !== null && c.answer.startsWith('HTTP/1.1 408')).length;
    const refused = clients.filter((c) => c.closedAfter !== null && c.answer === '').length;
    const stillOpen = clients.filter((c) => c.closedAfter === null).length;
    const output = server.output();
    console.log(
      `slow POSTs: 1000 opened from 127.0.0.1 under nofile=1024, ${openDuringAttack} open once all had connected, ${refused} refused without an answer (per-address cap), ` +
        `${timedOut} held until the request timeout of 3 s and answered 408 (last closed after ${(Math.max(...clients.map((c) => c.closedAfter ?? 0)) / 1000).toFixed(1)} s), ${stillOpen} still open; ` +
        `another address during the attack: /healthz ${otherDuring}, form ${formFromOther}; the attacking address answered again after ${answeredAgainAfter.toFixed(1)} s (${sameAddressAgain}); ` +
        `EMFILE in the log: ${output.includes('EMFILE') ? 'yes' : 'no'}`,
    );
    expect(timedOut).toBeLessThanOrEqual(64);
    expect(timedOut + refused).toBe(1_000);
    expect(otherDuring).toBe(200);
    expect(formFromOther).toBe(405);
    expect(stillOpen).toBe(0);
    expect(sameAddressAgain).toBe(200);
    expect(output).not.toContain('EMFILE');
    expect(server.process.exitCode).toBeNull();
  });
});

describe('systemd unit', () => {
  const unit = join(repoRoot, 'deploy', 'kommunalvertreter.service');

  it('passes systemd-analyze verify, and a broken copy does not', (context) => {
    const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
    if (analyze.error !== undefined) {
      console.log(`systemd unit: not verified, systemd-analyze cannot run here (${analyze.error.message}); .ci/run installs Debian's systemd`);
      context.skip();
    }
    const ok = spawnSync('systemd-analyze', ['verify', unit], { encoding: 'utf8' });
    const dir = cleanups.folder('kv-unit-');
    mkdirSync(join(dir, 'broken'));
    const broken = join(dir, 'broken', 'kommunalvertreter.service');
    copyFileSync(unit, broken);
    writeFileSync(broken, readFileSync(broken, 'utf8').replace('ExecStart=/usr/bin/env npm start', 'ExecStart=npm-gibt-es-nicht start'));
    const bad = spawnSync('systemd-analyze', ['verify', broken], { encoding: 'utf8' });
    console.log(`systemd unit: verify exit ${ok.status}${ok.stderr.trim() === '' ? '' : ` (${ok.stderr.trim()})`}; broken copy exit ${bad.status}`);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr.trim()).toBe('');
    expect(bad.status).not.toBe(0);
  });

  it('runs npm start as its own user with the state directory as DATA_DIR, a file limit and the hardening options', () => {
    const text = readFileSync(unit, 'utf8');
    const settings = new Map<string, string[]>();
    for (const line of text.split('\n')) {
      const match = /^([A-Za-z]+)=(.*)$/.exec(line);
      if (match) settings.set(match[1]!, [...(settings.get(match[1]!) ?? []), match[2]!]);
    }
    const one = (key: string) => settings.get(key)?.at(-1);
    expect(one('ExecStart')).toBe('/usr/bin/env npm start');
    expect(one('DynamicUser')).toBe('yes');
    expect(one('StateDirectory')).toBe('kommunalvertreter');
    expect(settings.get('Environment')).toContain('DATA_DIR=%S/kommunalvertreter');
    expect(one('LimitNOFILE')).toMatch(/^\d+$/);
    expect(one('Restart')).toBe('on-failure');
    for (const [key, value] of [['NoNewPrivileges', 'yes'], ['ProtectSystem', 'strict'], ['ProtectHome', 'yes'], ['PrivateTmp', 'yes'], ['CapabilityBoundingSet', '']] as const) {
      expect(one(key), key).toBe(value);
    }
  });
});

describe('Node.js older than 22.12', () => {
  const old = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
    const [major = 99, minor = 99] = version.replace(/^v/, '').split('.').map(Number);
    return version !== '' && (major < 22 || (major === 22 && minor < 12));
  });
  const npm = old === undefined ? undefined : join(old, '..', 'npm');
  const oneLine = /^Dieses Projekt braucht Node\.js 22\.12\.0 oder neuer, gefunden: \d+\.\d+\.\d+ \(.+\)\.$/gm;

  it('npm start stops with one line naming the required version', (context) => {
    if (old === undefined || npm === undefined || !existsSync(npm)) {
      console.log('node version: no Node.js older than 22.12 with npm on this machine, not tested');
      context.skip();
      return;
    }
    const run = spawnSync(npm, ['start'], { cwd: repoRoot, encoding: 'utf8', env: { PATH: `${join(old, '..')}:/usr/bin:/bin`, HOME: process.env['HOME'] ?? '/root', DIST_DIR: '' } });
    const output = `${run.stdout}${run.stderr}`;
    console.log(`npm start with ${old}: exit ${run.status}, ${output.match(oneLine)?.length ?? 0} line(s) naming the version`);
    expect(run.status).not.toBe(0);
    expect(output.match(oneLine)).toHaveLength(1);
    expect(output).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('npm ci stops with one line naming the required version', { timeout: 60_000 }, (context) => {
    if (old === undefined || npm === undefined || !existsSync(npm)) {
      context.skip();
      return;
    }
    // The project's package.json without its dependencies (npm would install them all before it
    // runs the preinstall check, which takes minutes here): same engines, same scripts.
    const dir = cleanups.folder('kv-old-node-');
    mkdirSync(join(dir, 'scripts'));
    copyFileSync(join(repoRoot, 'scripts/require-node.mjs'), join(dir, 'scripts/require-node.mjs'));
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
    const { dependencies: _d, devDependencies: _dd, overrides: _o, ...bare } = manifest;
    writeFileSync(join(dir, 'package.json'), JSON.stringify(bare));
    const root = { name: bare['name'], version: bare['version'], engines: bare['engines'] };
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ ...root, lockfileVersion: 3, requires: true, packages: { '': root } }));
    const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: `${join(old, '..')}:/usr/bin:/bin`, HOME: process.env['HOME'] ?? '/root' },
    });
    const output = `${run.stdout}${run.stderr}`;
    console.log(`npm ci with ${old}: exit ${run.status}, ${output.match(oneLine)?.length ?? 0} line(s) naming the version`);
    expect(run.status).not.toBe(0);
    expect(output.match(oneLine)).toHaveLength(1);
  });
});

describe('files of the SQLite store', () => {
  it('DATA_DIR 0700, database and WAL 0600 (they hold personal data), also when an older server made them 0755/0644', async () => {
    const parent = cleanups.folder('kv-modes-');
    const dir = join(parent, 'data');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'submissions.sqlite'), '');
    chmodSync(join(dir, 'submissions.sqlite'), 0o644);
    const store = openStore({ dataDir: dir, databaseUrl: null });
    await store.saveSubmissions([{ form: 'interesse', prefix: 'KV', data: {}, spam: false }]);
    const modes = ['', '/submissions.sqlite', '/submissions.sqlite-wal'].map((f) => (statSync(`${dir}${f}`).mode & 0o777).toString(8));
    await store.close();
    const fresh = join(parent, 'neu');
    const second = openStore({ dataDir: fresh, databaseUrl: null });
    await second.saveSubmissions([{ form: 'interesse', prefix: 'KV', data: {}, spam: false }]);
    const freshModes = ['', '/submissions.sqlite', '/submissions.sqlite-wal'].map((f) => (statSync(`${fresh}${f}`).mode & 0o777).toString(8));
    await second.close();
    console.log(`sqlite file modes: existing ${modes.join('/')}, new ${freshModes.join('/')} (DATA_DIR/database/WAL)`);
    expect(modes).toEqual(['700', '600', '600']);
    expect(freshModes).toEqual(['700', '600', '600']);
  });
});
