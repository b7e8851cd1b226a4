/**
 * Start-up time of the form server as `npm start` runs it (the launcher scripts/start.mjs and the
 * compiled server of dist-server/, serving dist/): from spawning the process to the first answer
 * of /healthz, polled every 5 ms, over several starts (each on a fresh DATA_DIR, so the SQLite
 * migrations run every time, as on a first start). Printed, never asserted.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../lib/free-port.ts';
import { tempDir } from '../lib/temp-dir.ts';
import { exited, ROOT } from './processes.ts';
import { ms, type Row } from './report.ts';

/** What `npm start` runs after the Node version check (package.json), without npm itself. */
export const START_COMMAND: readonly string[] = [process.execPath, '--experimental-sqlite', join(ROOT, 'scripts', 'start.mjs'), 'start'];

/** Milliseconds from spawning `command` until /healthz answers (any status), then the process is stopped. */
export async function timeToFirstAnswer(command: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<number> {
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
      if (status !== 0) return performance.now() - started;
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
  /** Every start, in ms, in the order measured. */
  readonly times: number[];
}

export async function runStartup(runs: number): Promise<StartupResult> {
  const times: number[] = [];
  // One start first that is not counted: it fills the file system cache as an earlier start would.
  await timeToFirstAnswer(START_COMMAND, ROOT);
  for (let i = 0; i < runs; i++) times.push(await timeToFirstAnswer(START_COMMAND, ROOT));
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const section = `Start-up — npm start (launcher + compiled server, serving dist/), spawn to first /healthz answer, ${runs} starts`;
  return {
    times,
    rows: [
      {
        section,
        subject: 'server',
        figure: 'Start-up time (median, min–max)',
        value: `${ms(median)} (${ms(sorted[0] ?? 0)}–${ms(sorted.at(-1) ?? 0)})`,
        target: '',
        verdict: 'INFO',
        number: median,
      },
    ],
  };
}
