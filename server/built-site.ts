/**
 * The built site the server serves (dist/): found, and read through its build manifest
 * (policy/manifest.ts) for the CSP hashes, so nothing is hashed again at start. The manifest also
 * says which deployment settings the pages' texts were built for; a server with other settings
 * refuses to start, so that e.g. the retention period in the Datenschutzerklärung is the one this
 * server applies.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deploymentDifferences, readManifest, type DeploymentValue } from '../policy/manifest.ts';
import { serverStrings } from '../src/strings/server.ts';
import type { ServerConfig } from './config.ts';
import { fill } from '../src/strings/template.ts';

export interface BuiltSite {
  /** The folder with the built site, or null: serve only the form backend. */
  readonly distDir: string | null;
  /** CSP hash sources of the inline scripts of the built pages. */
  readonly scriptHashes: readonly string[];
  /** Origins of the git host the built editing UI (/redaktion/) talks to. */
  readonly editingUiOrigins: readonly string[];
}

const show = (value: DeploymentValue): string =>
  value === undefined || value === false ? serverStrings.startup.unset : value === true ? serverStrings.startup.set : `„${String(value)}“`;

/**
 * The built site of `config.distDir`; null when DIST_DIR is empty or the folder has no index.html.
 * Throws one German line per setting in which the server differs from the build.
 */
export function readBuiltSite(config: ServerConfig): BuiltSite {
  const distDir = config.distDir !== null && existsSync(join(config.distDir, 'index.html')) ? config.distDir : null;
  if (distDir === null) return { distDir, scriptHashes: [], editingUiOrigins: [] };
  const manifest = readManifest(distDir);
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
  return { distDir, scriptHashes: manifest.scriptHashes, editingUiOrigins: manifest.editingUiOrigins };
}
