/**
 * A throwaway copy of the project for builds with changed content (build-error tests, the build-scale
 * benchmark). node_modules is linked entry by entry, so Astro's and Vite's caches (node_modules/.astro,
 * node_modules/.vite) stay private to the copy.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from './temp-dir.ts';

// policy/ and deploy/: the build writes its manifest and the headers for static hosting from them
// (src/integrations/security-headers.ts); server/: the build compiles it (server-compile.ts);
// scripts/: `npm start` runs its launcher.
const COPIED = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'shared', 'content', 'public', 'policy', 'deploy', 'server', 'scripts'];

export interface TempProject {
  root: string;
  remove: () => void;
}

export function createTempProject(source = process.cwd(), prefix = 'kv-project-'): TempProject {
  const { path: root, remove } = tempDir(prefix);
  for (const entry of COPIED) cpSync(join(source, entry), join(root, entry), { recursive: true });
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(source, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue;
    symlinkSync(resolve(source, 'node_modules', entry), join(modules, entry));
  }
  return { root, remove };
}

export interface BuildResult {
  code: number;
  output: string;
  seconds: number;
}

export interface BuildHooks {
  /** Called with the pid of `npm run build` as soon as it runs (e. g. to sample the memory of its process tree). */
  readonly onSpawn?: (pid: number) => void;
}

/**
 * Runs `npm run build` in a project folder, as an operator builds, and collects its output (plain
 * text: NO_COLOR, no FORCE_COLOR). Resolves once the build has ended and been waited for, so its
 * CPU time is in this process's children's times (/proc/self/stat).
 */
export function buildProject(root: string, env: NodeJS.ProcessEnv = {}, hooks: BuildHooks = {}): Promise<BuildResult> {
  const started = performance.now();
  // Plain output: Astro's colour library takes any FORCE_COLOR, even "0", as "colours on".
  const { FORCE_COLOR: _colour, ...inherited } = process.env;
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', 'build'], {
      cwd: root,
      env: { ...inherited, ...env, NO_COLOR: '1' },
    });
    if (child.pid !== undefined) hooks.onSpawn?.(child.pid);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, output, seconds: (performance.now() - started) / 1000 }));
  });
}
