/**
 * The server for in-process use: the e2e launcher (tests/e2e/serve.ts) and `npm run dev`
 * (scripts/dev.ts) import the compiled form of this entry (dist-server/index.js) and start the app
 * themselves. `npm start` runs dist-server/start.js.
 */
export { buildApp, type BuildOptions } from './http/app.ts';
export { loadConfig, type ServerConfig } from './config.ts';
