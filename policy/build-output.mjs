// @ts-check
/**
 * Where a build writes its two halves: the published site in DIST_DIR (e. g. dist/), and beside it,
 * in serverDirOf(DIST_DIR) (e. g. dist-server/), what the form server needs and no visitor may see
 * (shared/lib/server-files.ts lists it). Owned by neither side: the build, the server, the launcher
 * of `npm start` (scripts/start.mjs) and the tests use this one function. Plain JavaScript, so
 * that the launcher runs on every Node release without type stripping, without src/.
 */
import { resolve } from 'node:path';

/**
 * The server's folder of the build whose site is in `distDir`: the same path with `-server`
 * appended (dist → dist-server, dist-fixtures → dist-fixtures-server), absolute.
 * @param {string} distDir
 * @returns {string}
 */
export function serverDirOf(distDir) {
  return `${resolve(distDir)}-server`;
}
