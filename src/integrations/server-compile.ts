/**
 * The form server, compiled by the build: after each build, esbuild bundles server/ (TypeScript and
 * the .tsx views, with what it uses of shared/ and policy/) into plain
 * JavaScript in the server's folder beside the site (dist-server/). npm packages stay imports of
 * node_modules/; Node runs the result on every release from 22.12 on, without type stripping or
 * loader hooks. `npm start` (scripts/start.mjs) runs start.js; `npm run dev` compiles the same way.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, type Metafile } from 'esbuild';
import { serverDirOf } from '../../shared/lib/server-files.ts';

/** The compiled server's entry points: file name in the server folder → source. */
export const SERVER_ENTRIES = {
  /** `npm start` */
  start: 'server/cli/start.ts',
  /** `npm run purge`, `npm run backup`, `npm run migrate-store` */
  purge: 'server/cli/purge.ts',
  backup: 'server/cli/backup.ts',
  'migrate-store': 'server/cli/migrate-store.ts',
  /** `npm run admin` (named staff accounts) */
  admin: 'server/cli/admin.ts',
  /** The SQLite store's worker thread (server/store/sqlite.ts starts it beside itself). */
  'sqlite-worker': 'server/store/sqlite-worker.ts',
  /** buildApp and loadConfig for in-process use (tests/e2e/serve.ts, scripts/dev.ts). */
  index: 'server/index.ts',
} as const;

/** The oldest Node release the project supports (package.json engines). */
const NODE_TARGET = 'node22.12';

/**
 * Compiles the server of the project in `root` into `outdir`. Every file lands directly in
 * `outdir` (no subfolders): a module finds the worker next to itself wherever the bundler put it.
 * Returns the npm packages and Node modules the compiled server imports.
 */
export async function compileServer(root: string, outdir: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(SERVER_ENTRIES).map(([name, source]) => [name, join(root, source)])),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: NODE_TARGET,
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  return externalImports(result.metafile);
}

/** The packages (and node: modules) the output imports, sorted. */
export function externalImports(metafile: Metafile): string[] {
  const imports = Object.values(metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
  return [...new Set(imports)].sort();
}

export default function serverCompile(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'kv-server-compile',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const serverDir = serverDirOf(fileURLToPath(dir));
        const imports = await compileServer(root, serverDir);
        const packages = imports.filter((path) => !path.startsWith('node:'));
        logger.info(`Formular-Server kompiliert: ${serverDir}/start.js (importiert ${packages.join(', ')})`);
      },
    },
  };
}
