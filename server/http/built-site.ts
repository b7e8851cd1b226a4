/**
 * The build the server runs on, read from its server folder only (shared/lib/server-files.ts): the
 * content it needs (content.json) and the build manifest (policy/manifest.ts) with the CSP hashes,
 * so nothing is read from the editors' content or hashed again at start. The manifest also says
 * which deployment settings the pages' texts were built for; a server that serves the site with
 * other settings refuses to start, so that e.g. the retention period in the Datenschutzerklärung is
 * the one this server applies.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deploymentDifferences, readManifest, type DeploymentValue } from '../../policy/manifest.ts';
import { BuildOutputError, CONTENT_FILE, parseServerContent, type ServerContent } from '../../shared/lib/server-files.ts';
import { serverStrings } from '../strings/server.ts';
import type { ServerConfig } from '../config.ts';
import { fill } from '../../shared/strings/template.ts';

export interface BuiltSite {
  /** The folder with the built site, or null: serve only the form backend. */
  readonly distDir: string | null;
  /** CSP hash sources of the inline scripts of the built pages. */
  readonly scriptHashes: readonly string[];
  /** CSP hash sources of the inline <style> blocks of the built pages. */
  readonly styleHashes: readonly string[];
  /** Origins of the git host the built editing UI (/redaktion/) talks to. */
  readonly editingUiOrigins: readonly string[];
}

/** content.json of the build whose server folder is `serverDir`; missing or broken, an error that says what to do. */
export function readServerContent(serverDir: string): ServerContent {
  const file = join(serverDir, CONTENT_FILE);
  if (!existsSync(file)) throw new BuildOutputError(fill(serverStrings.startup.notBuilt, { file }));
  return parseServerContent(readFileSync(file, 'utf8'), file);
}

const show = (value: DeploymentValue): string =>
  value === undefined || value === false ? serverStrings.startup.unset : value === true ? serverStrings.startup.set : `„${String(value)}“`;

/**
 * The built site of `config.distDir`; null when SERVE_SITE=false or the folder has no index.html.
 * Throws one German line per setting in which the server differs from the build.
 */
export function readBuiltSite(config: ServerConfig): BuiltSite {
  const distDir = config.serveSite && existsSync(join(config.distDir, 'index.html')) ? config.distDir : null;
  if (distDir === null) return { distDir, scriptHashes: [], styleHashes: [], editingUiOrigins: [] };
  const manifest = readManifest(config.serverDir);
  const differences = deploymentDifferences(manifest.deployment, config.deployment);
  if (differences.length > 0) {
    throw new Error(
      differences
        .map(({ name, build, server }) =>
          fill(serverStrings.startup.deploymentMismatch, { name, server: show(server), build: show(build), dist: distDir }),
        )
        .join('\n'),
    );
  }
  return { distDir, scriptHashes: manifest.scriptHashes, styleHashes: manifest.styleHashes, editingUiOrigins: manifest.editingUiOrigins };
}
