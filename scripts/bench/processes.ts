/**
 * Child processes for the benchmark: a free loopback port, the real form server (`node
 * server/start.ts`) on it, and the memory (RSS) of a process and its descendants from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

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
}

export interface ServerOptions {
  readonly dataDir: string;
  readonly logFile: string;
  readonly env?: Record<string, string>;
}

/** Starts the real server as `npm start` does (`node server/start.ts`). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  writeFileSync(options.logFile, '');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const log = openSync(options.logFile, 'a');
  // The environment goes on top of PORT/HOST/DATA_DIR; the log to `logFile`. Ready once /healthz answers 200.
  const child = spawn(process.execPath, [join(ROOT, 'server', 'start.ts')], {
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
      throw new Error(`Der Server ist beim Start beendet worden (Exit ${child.exitCode}):\n${tail}`);
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
