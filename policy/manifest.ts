/**
 * The build manifest, manifest.json in the server's folder beside the site (dist-server/, never in
 * dist/): what the build computed once and the server and the static-hosting files read, never
 * compute again. It holds the CSP hashes of the inline scripts and of the inline style blocks of the
 * built pages and the deployment settings the pages' texts were built for (retention days, form
 * endpoint …), so a server with other settings can refuse to start instead of serving texts that
 * are no longer true.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The manifest in the server's folder. */
export const MANIFEST_FILE = 'manifest.json';

/**
 * Paths in dist/ that are for web servers, not visitors: `_headers`, which static hosts read from
 * the published folder. The form server and deploy/nginx-site.conf answer 404 for them.
 */
export const UNSERVED_PATHS = ['/_headers'] as const;

export function isUnservedPath(path: string): boolean {
  return (UNSERVED_PATHS as readonly string[]).includes(path);
}

/** A deployment setting as the build saw it; absent when not set. */
export type DeploymentValue = string | number | boolean | undefined;

export interface BuildManifest {
  readonly version: 1;
  /** CSP sources ('sha256-…') of every executable inline script in dist/, sorted. */
  readonly scriptHashes: readonly string[];
  /** CSP sources of every inline <style> block in dist/ and the server's templates (the inlined stylesheets, the font fallbacks …), sorted. */
  readonly styleHashes: readonly string[];
  /** The deployment settings the texts were built for (readDeploymentEnv() of shared/lib/env.ts). */
  readonly deployment: Readonly<Record<string, DeploymentValue>>;
  /** Origins of the git host the editing UI (/redaktion/) talks to; its CSP allows exactly these. */
  readonly editingUiOrigins: readonly string[];
}

const cspHash = (content: string): string => `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;

/** The CSP hash sources of a built site's inline code. */
export interface InlineHashes {
  readonly scriptHashes: string[];
  readonly styleHashes: string[];
}

/** Every executable inline <script> and every inline <style> of every HTML file below `dir`, as CSP hash sources. */
export function inlineHashes(dir: string): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) {
        const html = readFileSync(path, 'utf8');
        for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
          const attributes = match[1] ?? '';
          const content = match[2] ?? '';
          if (/\bsrc\s*=/i.test(attributes) || content === '') continue;
          const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
          if (type !== undefined && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue;
          scripts.add(cspHash(content));
        }
        for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) styles.add(cspHash(match[1] ?? ''));
      }
    }
  };
  walk(dir);
  return { scriptHashes: [...scripts].sort(), styleHashes: [...styles].sort() };
}

/** Writes the manifest of the site in `distDir` and the templates in `serverDir` into `serverDir` (the build's last step). */
export function writeManifest(distDir: string, serverDir: string, deployment: Readonly<Record<string, DeploymentValue>>, editingUiOrigins: readonly string[] = []): BuildManifest {
  // The site's pages and the server's templates (the admin frame has a stylesheet of its own).
  const site = inlineHashes(distDir);
  const server = existsSync(serverDir) ? inlineHashes(serverDir) : { scriptHashes: [], styleHashes: [] };
  const merged = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])].sort();
  const manifest: BuildManifest = {
    version: 1,
    scriptHashes: merged(site.scriptHashes, server.scriptHashes),
    styleHashes: merged(site.styleHashes, server.styleHashes),
    deployment,
    editingUiOrigins,
  };
  const path = join(serverDir, MANIFEST_FILE);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads the manifest in a build's server folder; a missing or unreadable one is an error that says what to do. */
export function readManifest(serverDir: string): BuildManifest {
  const path = join(serverDir, MANIFEST_FILE);
  if (!existsSync(path)) throw new Error(`${path} fehlt: die Website wurde nicht vollständig gebaut. Bauen Sie sie neu (npm run build).`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`${path} ist kein gültiges JSON. Bauen Sie die Website neu (npm run build).`);
  }
  const manifest = parsed as Partial<BuildManifest> | null;
  if (manifest?.version !== 1 || !Array.isArray(manifest.scriptHashes) || !Array.isArray(manifest.styleHashes) || typeof manifest.deployment !== 'object' || manifest.deployment === null) {
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
