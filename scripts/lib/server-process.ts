/**
 * The real form server as a child process (the compiled start.js in the build's server folder, as
 * `npm start` runs it), or another script that answers /healthz (the bench's bare Fastify route):
 * started on a free loopback port, ready once /healthz answers, stopped with a signal. The fault
 * tests kill and starve it (tests/server/child-server.ts); the benchmark measures it
 * (scripts/bench/processes.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { serverDirOf } from '../../shared/lib/server-files.ts';
import { freePort } from './free-port.ts';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ServerProcessOptions {
  /** The child's whole environment (HOST and PORT are set on top); nothing is read from .env. */
  readonly env: NodeJS.ProcessEnv;
  /** The script, absolute or relative to the project (default: the compiled server of the build in env.DIST_DIR, see compiledServer). */
  readonly script?: string;
  /** Runs the script through another command, e. g. ['prlimit', '--nofile=1024:1024', '--']. */
  readonly wrap?: readonly string[];
  /** Where stdout and stderr go; without it they are kept in memory. */
  readonly logFile?: string;
  /** Ready only once /healthz answers 200 (default: any answer; a server without storage answers 503). */
  readonly healthy?: boolean;
  /** How long the start may take (default 20 s). */
  readonly timeoutMs?: number;
}

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  readonly base: string;
  readonly process: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when the process has ended. */
  readonly exited: Promise<ProcessExit>;
  /** Whether the process has ended. */
  ended(): boolean;
  /** Sends `signal` (default SIGTERM), SIGKILL after `killAfterMs` (default 30 s), and waits for the end. */
  stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<ProcessExit>;
}

/** A script of the compiled server of the build in `distDir` (relative to the project; default dist): its server folder's start.js, backup.js … */
export function compiledServer(distDir = 'dist', script = 'start'): string {
  return join(serverDirOf(resolve(ROOT, distDir)), `${script}.js`);
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const { env, script = compiledServer(env['DIST_DIR'] || undefined), wrap = [], logFile, healthy = false, timeoutMs = 20_000 } = options;
  const port = await freePort();
  const [command = process.execPath, ...args] = [...wrap, process.execPath, resolve(ROOT, script)];
  let log: number | 'pipe' = 'pipe';
  if (logFile !== undefined) {
    writeFileSync(logFile, '');
    log = openSync(logFile, 'a');
  }
  const child = spawn(command, args, { cwd: ROOT, env: { ...env, HOST: '127.0.0.1', PORT: String(port) }, stdio: ['ignore', log, log] });
  if (typeof log === 'number') closeSync(log);
  let kept = '';
  child.stdout?.on('data', (chunk: Buffer) => (kept += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (kept += chunk.toString('utf8')));
  const output = (): string => (logFile === undefined ? kept : existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  let ended = false;
  const exited = new Promise<ProcessExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  void exited.then(() => (ended = true));

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (ended) throw new Error(`${script} hat sich beim Start beendet:\n${output()}`);
    const status = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) }).then(
      async (res) => (await res.body?.cancel(), res.status),
      () => 0,
    );
    if (status === 200 || (status !== 0 && !healthy)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} hat nach ${timeoutMs / 1000} s nicht auf ${base}/healthz geantwortet:\n${output()}`);
    }
    await sleep(50);
  }
  return {
    base,
    process: child,
    output,
    exited,
    ended: () => ended,
    async stop(signal = 'SIGTERM', killAfterMs = 30_000) {
      if (ended) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
  };
}
