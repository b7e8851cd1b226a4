/**
 * The build manifest, dist/_kv/manifest.json: what the build computed once and the server and the
 * static-hosting files read, never compute again. It holds the CSP hashes of the inline scripts of
 * the built pages and the deployment settings the pages' texts were built for (retention days,
 * form endpoint …), so a server with other settings can refuse to start instead of serving texts
 * that are no longer true. dist/_kv/ and the static-hosting files are never served.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The manifest in dist/. */
export const MANIFEST_FILE = '_kv/manifest.json';

/** Paths in dist/ that are for servers, not visitors: the server, nginx and tests keep them unserved. */
export const UNSERVED_PATHS = ['/_kv/', '/_nginx/', '/_headers'] as const;

export function isUnservedPath(path: string): boolean {
  return UNSERVED_PATHS.some((unserved) => (unserved.endsWith('/') ? path.startsWith(unserved) || path === unserved.slice(0, -1) : path === unserved));
}

/** A deployment setting as the build saw it; absent when not set. */
export type DeploymentValue = string | number | boolean | undefined;

export interface BuildManifest {
  readonly version: 1;
  /** CSP sources ('sha256-…') of every executable inline script in dist/, sorted. */
  readonly scriptHashes: readonly string[];
  /** The deployment settings the texts were built for (readDeploymentEnv() of src/lib/env.ts). */
  readonly deployment: Readonly<Record<string, DeploymentValue>>;
  /** Origins of the git host the editing UI (/redaktion/) talks to; its CSP allows exactly these. */
  readonly editingUiOrigins: readonly string[];
}

/** Every executable inline <script> of every HTML file below `dir`, as CSP hash sources. */
export function inlineScriptHashes(dir: string): string[] {
  const hashes = new Set<string>();
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
          const attributes = match[1] ?? '';
          const content = match[2] ?? '';
          if (/\bsrc\s*=/i.test(attributes) || content === '') continue;
          const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
          if (type !== undefined && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue;
          hashes.add(`'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`);
        }
      }
    }
  };
  walk(dir);
  return [...hashes].sort();
}

/** Writes the manifest of a built site (the build's last step). */
export function writeManifest(distDir: string, deployment: Readonly<Record<string, DeploymentValue>>, editingUiOrigins: readonly string[] = []): BuildManifest {
  const manifest: BuildManifest = { version: 1, scriptHashes: inlineScriptHashes(distDir), deployment, editingUiOrigins };
  const path = join(distDir, MANIFEST_FILE);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads the manifest of a built site; a missing or unreadable one is an error that says what to do. */
export function readManifest(distDir: string): BuildManifest {
  const path = join(distDir, MANIFEST_FILE);
  if (!existsSync(path)) throw new Error(`${path} fehlt: die Website wurde nicht vollständig gebaut. Bauen Sie sie neu (npm run build).`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`${path} ist kein gültiges JSON. Bauen Sie die Website neu (npm run build).`);
  }
  const manifest = parsed as Partial<BuildManifest> | null;
  if (manifest?.version !== 1 || !Array.isArray(manifest.scriptHashes) || typeof manifest.deployment !== 'object' || manifest.deployment === null) {
    throw new Error(`${path} hat nicht das erwartete Format. Bauen Sie die Website neu (npm run build).`);
  }
  // A manifest written before the editing UI existed: no git host.
  return { ...(manifest as BuildManifest), editingUiOrigins: Array.isArray(manifest.editingUiOrigins) ? manifest.editingUiOrigins : [] };
}

export interface DeploymentDifference {
  readonly name: string;
  readonly build: DeploymentValue;
  readonly server: DeploymentValue;
}

/** The settings in which the server differs from the build, by variable name. */
export function deploymentDifferences(
  build: Readonly<Record<string, DeploymentValue>>,
  server: Readonly<Record<string, DeploymentValue>>,
): DeploymentDifference[] {
  const names = [...new Set([...Object.keys(build), ...Object.keys(server)])].sort();
  // A switch that is off is the same as a setting that is absent (e.g. a manifest written before it existed).
  const same = (a: DeploymentValue, b: DeploymentValue): boolean => (a === false ? undefined : a) === (b === false ? undefined : b);
  return names.flatMap((name) => (same(build[name], server[name]) ? [] : [{ name, build: build[name], server: server[name] }]));
}
