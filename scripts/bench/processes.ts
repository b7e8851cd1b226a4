/**
 * Child processes for the benchmark: a free loopback port, the real form server (`node
 * server/start.ts`) on it, and the memory (RSS) of a process and its descendants from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Row } from './report.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A field of /proc/<pid>/status in bytes (VmRSS, VmHWM), or 0 when the process is gone. */
export function procStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) a process has used so far, in ms (/proc/<pid>/stat, USER_HZ = 100). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The pids of a process and all its descendants (from the parent pid in /proc/<pid>/stat). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may contain spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() ?? 0;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Samples the summed RSS of a process tree; `stop()` returns the peak seen. */
export function sampleTreeRss(root: number, everyMs = 50): { stop(): number } {
  let peak = 0;
  const sample = (): void => {
    const total = processTree(root).reduce((sum, pid) => sum + procStatusBytes(pid, 'VmRSS'), 0);
    peak = Math.max(peak, total);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export interface RunningServer {
  readonly origin: string;
  readonly pid: number;
  readonly dataDir: string;
  /** Peak RSS of the server process so far (VmHWM). */
  peakRss(): number;
  /**
   * Throws when the server has ended on its own since it started (a crash during the run), with
   * the end of its log.
   */
  assertAlive(): void;
  /** SIGTERM: the server finishes requests in flight, closes the database and exits. */
  stop(): Promise<void>;
  /**
   * Set when `node server/start.ts` (what `npm start` runs) failed on TypeScript that Node cannot
   * strip and the server was started with --experimental-transform-types instead: the error line.
   */
  readonly startProblem: string | null;
}

/** The MISS row for a server that `npm start` cannot start (see `startProblem`). */
export function startProblemRows(section: string, server: RunningServer): Row[] {
  if (server.startProblem === null) return [];
  return [
    {
      section,
      subject: 'node server/start.ts',
      figure: 'starts as `npm start` runs it',
      value: `no: ${server.startProblem} (measured with --experimental-transform-types)`,
      target: 'starts',
      verdict: 'MISS',
    },
  ];
}

export interface ServerOptions {
  readonly dataDir: string;
  readonly logFile: string;
  readonly env?: Record<string, string>;
}

class ServerStartError extends Error {
  readonly log: string;
  constructor(message: string, log: string) {
    super(message);
    this.log = log;
  }
}

/**
 * Starts the real server as `npm start` does (`node server/start.ts`). If that fails only because
 * a server file uses TypeScript syntax that Node's type stripping rejects (a bug for `npm start`),
 * the server is started once more with --experimental-transform-types, so the other figures can
 * still be measured, and `startProblem` says why; the benchmark reports it as a MISS.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  writeFileSync(options.logFile, '');
  try {
    return await startServerWith([], options);
  } catch (error) {
    if (!(error instanceof ServerStartError) || !error.log.includes('ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX')) throw error;
    const lines = error.log.split('\n');
    const where = lines.find((l) => /^file:\/\/.*:\d+$/.test(l.trim()))?.trim().replace(`file://${ROOT}/`, '') ?? '';
    const what = lines.find((l) => l.includes('ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX]:'))?.replace(/^.*\]:\s*/, '') ?? 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX';
    console.error(`⚠ node server/start.ts startet nicht (${where}: ${what}); gemessen wird mit --experimental-transform-types.`);
    const server = await startServerWith(['--experimental-transform-types', '--no-warnings=ExperimentalWarning'], options);
    return { ...server, startProblem: `${where}: ${what}` };
  }
}

async function startServerWith(nodeFlags: readonly string[], options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const log = openSync(options.logFile, 'a');
  // The environment goes on top of PORT/HOST/DATA_DIR; the log to `logFile`. Ready once /healthz answers 200.
  const child = spawn(process.execPath, [...nodeFlags, join(ROOT, 'server', 'start.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: options.dataDir, ...options.env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const pid = child.pid ?? 0;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      // The log without stack frames, so the error message itself is visible.
      const log = existsSync(options.logFile) ? readFileSync(options.logFile, 'utf8') : '';
      const tail = log.split('\n').filter((l) => !/^\s+at /.test(l)).slice(-15).join('\n');
      throw new ServerStartError(`Der Server ist beim Start beendet worden (Exit ${child.exitCode}):\n${tail}`, log);
    }
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Der Server antwortet nach 30 s nicht auf ${origin}/healthz (Log: ${options.logFile}).`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    pid,
    dataDir: options.dataDir,
    startProblem: null,
    peakRss: () => procStatusBytes(pid, 'VmHWM'),
    assertAlive() {
      if (child.exitCode === null && child.signalCode === null) return;
      const log = existsSync(options.logFile) ? readFileSync(options.logFile, 'utf8') : '';
      const tail = log.split('\n').filter((l) => !/^\s+at /.test(l)).slice(-10).join('\n');
      throw new Error(`Der Server ist während der Messung beendet worden (${child.exitCode ?? child.signalCode}); Log ${options.logFile}:\n${tail}`);
    },
    async stop() {
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited(child);
      clearTimeout(timeout);
    },
  };
}
