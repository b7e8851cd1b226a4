/**
 * Start-up time of the form server as `npm start` runs it (the launcher scripts/start.mjs and the
 * compiled server of dist-server/, serving dist/): from spawning the process to the first answer
 * of /healthz, polled every 5 ms, over several starts (each on a fresh DATA_DIR, so the SQLite
 * migrations run every time, as on a first start), and the CPU time the process used until then
 * (less sensitive to other load on the machine than the wall time). Printed, never asserted.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../lib/free-port.ts';
import { tempDir } from '../lib/temp-dir.ts';
import { cpuMs, exited, ROOT } from './processes.ts';
import { ms, type Row } from './report.ts';

/** What `npm start` runs after the Node version check (package.json), without npm itself. */
export const START_COMMAND: readonly string[] = [process.execPath, '--experimental-sqlite', join(ROOT, 'scripts', 'start.mjs'), 'start'];

export interface StartTime {
  /** From spawning until the first answer of /healthz. */
  readonly wallMs: number;
  /** CPU time (user + system) of the process until then. */
  readonly cpuMs: number;
}

/** How long `command` takes from spawning until /healthz answers (any status); then the process is stopped. */
export async function timeToFirstAnswer(command: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<StartTime> {
  const port = await freePort();
  const data = tempDir('kv-bench-start-');
  const [file = process.execPath, ...args] = command;
  const started = performance.now();
  const child = spawn(file, args, { cwd, env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: data.path, LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  const end = exited(child);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command.join(' ')} hat sich beim Start beendet (Exit ${child.exitCode}).`);
      const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        async (response) => (await response.body?.cancel(), response.status),
        () => 0,
      );
      if (status !== 0) return { wallMs: performance.now() - started, cpuMs: cpuMs(child.pid ?? 0) };
      if (performance.now() - started > 60_000) throw new Error(`${command.join(' ')} hat nach 60 s nicht geantwortet.`);
      await sleep(5);
    }
  } finally {
    child.kill('SIGTERM');
    await end;
    data.remove();
  }
}

export interface StartupResult {
  readonly rows: Row[];
  /** Every start, in the order measured. */
  readonly times: StartTime[];
}

/** "median (min–max)" of some milliseconds, and the median. */
function spread(values: readonly number[]): { text: string; median: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return { text: `${ms(median)} (${ms(sorted[0] ?? 0)}–${ms(sorted.at(-1) ?? 0)})`, median };
}

export async function runStartup(runs: number): Promise<StartupResult> {
  const times: StartTime[] = [];
  // One start first that is not counted: it fills the file system cache as an earlier start would.
  await timeToFirstAnswer(START_COMMAND, ROOT);
  for (let i = 0; i < runs; i++) times.push(await timeToFirstAnswer(START_COMMAND, ROOT));
  const wall = spread(times.map((t) => t.wallMs));
  const cpu = spread(times.map((t) => t.cpuMs));
  const section = `Start-up — npm start (launcher + compiled server, serving dist/), spawn to first /healthz answer, ${runs} starts`;
  return {
    times,
    rows: [
      { section, subject: 'server', figure: 'Start-up time (median, min–max)', value: wall.text, target: '', verdict: 'INFO', number: wall.median },
      { section, subject: 'server', figure: 'CPU time until then (median, min–max)', value: cpu.text, target: '', verdict: 'INFO', number: cpu.median },
    ],
  };
}
