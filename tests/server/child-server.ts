/**
 * The real server as a child process (`node server/start.ts`, as `npm start` runs it), for the
 * tests that kill, stop or starve it: its output is collected, its exit is awaited.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { FIXTURE_CONTENT, freePort, repoRoot } from './helpers.ts';

export interface ChildServer {
  readonly base: string;
  readonly process: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `node server/start.ts` with the given environment on a free port and waits until
 * /healthz answers (with any status: a server without storage answers 503). CONTENT_DIR defaults
 * to the fixture content, DIST_DIR to empty (backend only), LOG_LEVEL to info; nothing is read from .env.
 */
export async function startServer(env: Record<string, string>, port?: number, wrap: readonly string[] = []): Promise<ChildServer> {
  const listenPort = port ?? (await freePort());
  // `wrap` runs the server through another command, e. g. ['prlimit', '--nofile=1024:1024', '--'].
  const [command = process.execPath, ...args] = [...wrap, process.execPath, 'server/start.ts'];
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      HOST: '127.0.0.1',
      PORT: String(listenPort),
      CONTENT_DIR: FIXTURE_CONTENT,
      DIST_DIR: '',
      LOG_LEVEL: 'info',
      FORM_RATE_LIMIT: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  const base = `http://127.0.0.1:${listenPort}`;
  const started = Date.now();
  for (;;) {
    if (ended) throw new Error(`Der Server hat sich beim Start beendet:\n${output}`);
    if (Date.now() - started > 20_000) {
      child.kill('SIGKILL');
      throw new Error(`Der Server hat nach 20 s nicht geantwortet:\n${output}`);
    }
    try {
      await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    base,
    process: child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (!ended) child.kill(signal);
      return exited;
    },
  };
}

/** The admin login the child servers of the fault tests are started with (for /metrics). */
export const CHILD_ADMIN = { ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'fault-test-geheim-4711' } as const;

/** Settings for a mail server that is down at `smtpPort`: quick retries, /metrics readable. */
export function smtpOutageEnv(smtpPort: number): Record<string, string> {
  return { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, OUTBOX_POLL_MS: '100', OUTBOX_RETRY_BASE_MS: '100', OUTBOX_RETRY_MAX_MS: '400', ...CHILD_ADMIN };
}

/** One value of the server's /metrics (Prometheus text format), e. g. kv_outbox_pending. */
export async function metric(base: string, name: string): Promise<number> {
  const authorization = `Basic ${Buffer.from(`${CHILD_ADMIN.ADMIN_USER}:${CHILD_ADMIN.ADMIN_PASSWORD}`).toString('base64')}`;
  const res = await fetch(`${base}/metrics`, { headers: { authorization } });
  if (res.status !== 200) throw new Error(`/metrics antwortet ${res.status}`);
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${name} `));
  if (line === undefined) throw new Error(`${name} fehlt in /metrics`);
  return Number(line.slice(name.length + 1));
}
