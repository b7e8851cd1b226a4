/**
 * Lets Node load .tsx files: the form views (src/forms/view/) and the server's pages
 * (server/pages/). Node strips TypeScript types by itself but does not compile JSX, so the hooks in
 * server/jsx-hooks.mjs compile exactly the .tsx files with esbuild; every other file loads as before.
 *
 * Asynchronous hooks (module.register), not synchronous ones (module.registerHooks): with the
 * synchronous hooks, Node 22 before 22.23 and Node 24 before 24.11.1 fail to load CommonJS packages
 * such as @fastify/static ("Cannot read properties of undefined (reading 'exports')").
 *
 * An entry point imports this module first and the server (which reaches the .tsx files)
 * afterwards with a dynamic import(), because a static import graph is loaded as a whole before
 * any of its code runs: server/start.ts, tests/e2e/serve.ts, scripts/dev.ts. Vitest compiles
 * .tsx itself (Vite) and does not need it.
 */
import * as nodeModule from 'node:module';

// @types/node marks `register` deprecated in favour of `registerHooks` (the synchronous hooks that
// break on the releases above); Node 24 still supports it without a warning.
const { register } = nodeModule as unknown as { register: (specifier: string, parentURL: string) => void };
register('./jsx-hooks.mjs', import.meta.url);
