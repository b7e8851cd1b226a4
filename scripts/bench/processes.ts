/**
 * Child processes for the benchmark: the real form server (the compiled dist-server/start.js) with what the
 * bench reads of it, and the CPU time and memory (RSS) of a process and its descendants from /proc.
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServerProcess } from '../lib/server-process.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

/** A field of /proc/<pid>/status in bytes (VmRSS, VmHWM), or 0 when the process is gone. */
function procStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The fields of /proc/<pid>/stat after "pid (comm) " (comm may contain spaces and parentheses):
 * state is field 0, ppid 1, utime 11, stime 12, cutime 13, cstime 14. Throws when the process is gone.
 */
function statFields(pid: number | 'self'): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The sum of two CPU time fields of /proc/<pid>/stat in ms (clock ticks, USER_HZ = 100). */
function statCpuMs(pid: number | 'self', user: number, system: number): number {
  const fields = statFields(pid);
  return (Number(fields[user]) + Number(fields[system])) * 10;
}

/** CPU time (user + system) a process has used so far, in ms, or 0 when it is gone. */
export function cpuMs(pid: number): number {
  try {
    return statCpuMs(pid, 11, 12);
  } catch {
    return 0;
  }
}

/** CPU time (user + system) of this process's finished (waited-for) children and theirs, in ms (cutime + cstime). */
export function childrenCpuMs(): number {
  return statCpuMs('self', 13, 14);
}

/** The pids of a process and all its descendants (from the parent pid in /proc/<pid>/stat). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(statFields(Number(name))[1]);
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

/** Starts the real server as `npm start` does (scripts/lib/server-process.ts); ready once /healthz answers 200. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const server = await startServerProcess({
    env: { ...process.env, DATA_DIR: options.dataDir, ...options.env },
    logFile: options.logFile,
    healthy: true,
    timeoutMs: 30_000,
  });
  const pid = server.process.pid ?? 0;
  return {
    origin: server.base,
    pid,
    peakRss: () => procStatusBytes(pid, 'VmHWM'),
    assertAlive() {
      if (!server.ended()) return;
      // The log without stack frames, so the error message itself is visible.
      const tail = server.output().split('\n').filter((l) => !/^\s+at /.test(l)).slice(-10).join('\n');
      throw new Error(`Der Server ist während der Messung beendet worden (${server.process.exitCode ?? server.process.signalCode}); Log ${options.logFile}:\n${tail}`);
    },
    async stop() {
      await server.stop();
    },
  };
}
