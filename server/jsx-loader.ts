/**
 * Lets Node load .tsx files: the form views (src/forms/view/) and the server's pages
 * (server/pages/). Node strips TypeScript types by itself but does not compile JSX, so this
 * module hook compiles exactly the .tsx files with esbuild (Preact's automatic JSX runtime, as
 * tsconfig.json sets it for the build); every other file loads as before.
 *
 * An entry point imports this module first and the server (which reaches the .tsx files)
 * afterwards with a dynamic import(), because a static import graph is loaded as a whole before
 * any of its code runs: server/start.ts, tests/e2e/serve.ts, scripts/dev.ts. Vitest compiles
 * .tsx itself (Vite) and does not need it.
 */
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.tsx')) return nextLoad(url, context);
    const path = fileURLToPath(url);
    const { code } = transformSync(readFileSync(path, 'utf8'), {
      loader: 'tsx',
      format: 'esm',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      sourcefile: path,
      sourcemap: 'inline',
    });
    return { format: 'module', source: code, shortCircuit: true };
  },
});
