/**
 * A wrong setting stops each command of the server with one German line that names the variable,
 * exit code 1 and no stack trace: `npm start`, `npm run purge`, `npm run backup` and `npm run
 * migrate-store` (each the compiled script of the fixture build, as npm start runs it, with only the environment given here).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureScript } from './child-server.ts';
import { FIXTURE_DIST, repoRoot, tempDir } from './helpers.ts';

function run(script: Parameters<typeof fixtureScript>[0], env: Record<string, string>, args: readonly string[] = []): { status: number | null; stderr: string; stdout: string } {
  const dir = tempDir('kv-startup-');
  try {
    const result = spawnSync(process.execPath, [fixtureScript(script), ...args], {
      cwd: repoRoot,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DIST_DIR: FIXTURE_DIST, SERVE_SITE: 'false', DATA_DIR: join(dir.path, 'data'), ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { status: result.status, stderr: result.stderr, stdout: result.stdout };
  } finally {
    dir.remove();
  }
}

describe('a wrong setting at start', () => {
  it.each([
    ['start', { PORT: 'abc' }, [], 'PORT'],
    ['start', { SITE_URL: 'kaputt' }, [], 'SITE_URL'],
    ['start', { TRUST_PROXY: 'true' }, [], 'TRUST_PROXY'],
    ['purge', { RETENTION_DAYS: '0' }, [], 'RETENTION_DAYS'],
    ['backup', { LOG_LEVEL: 'laut' }, [], 'LOG_LEVEL'],
    ['migrate-store', { ADMIN_PASSWORD: 'kurz' }, ['--to', 'postgres://kv@127.0.0.1:1/kv'], 'ADMIN_PASSWORD'],
  ] as const)('%s with %o: one German line naming the variable', (script, env, args, variable) => {
    const { status, stderr, stdout } = run(script, env, args);
    const lines = stderr.trim().split('\n');
    expect(status).toBe(1);
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(lines[0]).toMatch(/ist|muss|gibt es nicht|zu kurz|nicht erlaubt/);
    expect(stderr).not.toMatch(/^\s+at |Error:/m);
    expect(stdout).toBe('');
  });
});
