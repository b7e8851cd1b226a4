/** The build manifest (policy/manifest.ts): hashes computed once by the build, read by the server. */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deploymentDifferences, inlineHashes, isUnservedPath, MANIFEST_FILE, readManifest, UNSERVED_PATHS, writeManifest } from '../../policy/manifest.ts';
import { tempDir, type TempDir } from '../../scripts/lib/temp-dir.ts';
import { repoRoot } from '../server/helpers.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
let dist: TempDir;
let serverDir: TempDir;
beforeEach(() => {
  dist = tempDir('kv-manifest-');
  serverDir = tempDir('kv-manifest-server-');
});
afterEach(() => {
  dist.remove();
  serverDir.remove();
});

describe('inline hashes', () => {
  it('hashes every executable inline script and every inline style block of every page, once, and nothing else', () => {
    mkdirSync(join(dist.path, 'a'));
    writeFileSync(join(dist.path, 'index.html'), '<style>body{margin:0}</style><script>one()</script><script type="module">two()</script><script type="application/ld+json">{"a":1}</script><script src="/x.js"></script>');
    writeFileSync(join(dist.path, 'a', 'index.html'), '<script>one()</script><SCRIPT type="text/javascript">three()</SCRIPT><style media="print">p{}</style><style>body{margin:0}</style>');
    expect(inlineHashes(dist.path)).toEqual({ scriptHashes: [sha('one()'), sha('two()'), sha('three()')].sort(), styleHashes: [sha('body{margin:0}'), sha('p{}')].sort() });
  });
});

describe('the manifest', () => {
  it('is written once into the server folder, not the site, and read back, with the deployment settings of the build', () => {
    writeFileSync(join(dist.path, 'index.html'), '<script>one()</script>');
    const written = writeManifest(dist.path, serverDir.path, { RETENTION_DAYS: 30, NOTIFY_TO: undefined });
    expect(readManifest(serverDir.path)).toEqual({ ...written, deployment: { RETENTION_DAYS: 30 } });
    expect(written.scriptHashes).toEqual([sha('one()')]);
    expect(readdirSync(dist.path)).toEqual(['index.html']);
  });

  it('also hashes the inline styles of the server folder\'s templates (the admin frame has its own stylesheet)', () => {
    writeFileSync(join(dist.path, 'index.html'), '<style>body{margin:0}</style>');
    writeFileSync(join(serverDir.path, 'admin-frame.html'), '<style>td{overflow-wrap:normal}</style>');
    expect(writeManifest(dist.path, serverDir.path, {}).styleHashes).toEqual([sha('body{margin:0}'), sha('td{overflow-wrap:normal}')].sort());
  });

  it('carries the git host of the editing UI; a manifest from before the editing UI has none', () => {
    writeFileSync(join(dist.path, 'index.html'), '<p>x</p>');
    writeManifest(dist.path, serverDir.path, {}, ['https://git.example.nrw']);
    expect(readManifest(serverDir.path).editingUiOrigins).toEqual(['https://git.example.nrw']);
    writeFileSync(join(serverDir.path, MANIFEST_FILE), JSON.stringify({ version: 1, scriptHashes: [], styleHashes: [], deployment: {} }));
    expect(readManifest(serverDir.path).editingUiOrigins).toEqual([]);
  });

  it('missing or broken, it says what to do and names the file', () => {
    expect(() => readManifest(serverDir.path)).toThrow(`${join(serverDir.path, MANIFEST_FILE)} fehlt: die Website wurde nicht vollständig gebaut. Bauen Sie sie neu (npm run build).`);
    writeFileSync(join(serverDir.path, MANIFEST_FILE), '{"version":1,"scriptHashes":[],"deployment":{}}');
    expect(() => readManifest(serverDir.path)).toThrow('hat nicht das erwartete Format');
    writeFileSync(join(serverDir.path, MANIFEST_FILE), '{');
    expect(() => readManifest(serverDir.path)).toThrow('ist kein gültiges JSON');
  });

  it('names each setting in which the server differs from the build', () => {
    expect(deploymentDifferences({ RETENTION_DAYS: 365, SPAM_RETENTION_DAYS: 30 }, { RETENTION_DAYS: 365, SPAM_RETENTION_DAYS: 30, NOTIFY_TO: undefined })).toEqual([]);
    expect(deploymentDifferences({ RETENTION_DAYS: 365, NOTIFY_TO: 'a@b.de' }, { RETENTION_DAYS: 30 })).toEqual([
      { name: 'NOTIFY_TO', build: 'a@b.de', server: undefined },
      { name: 'RETENTION_DAYS', build: 365, server: 30 },
    ]);
    // A switch that is off equals one that was not recorded; on and off differ.
    expect(deploymentDifferences({}, { ADMIN_AREA: false })).toEqual([]);
    expect(deploymentDifferences({ ADMIN_AREA: false }, { ADMIN_AREA: true })).toEqual([{ name: 'ADMIN_AREA', build: false, server: true }]);
  });
});

describe('files for web servers, not visitors', () => {
  it('keeps _headers unserved, and only that', () => {
    expect(isUnservedPath('/_headers')).toBe(true);
    for (const path of ['/', '/_astro/a.js', '/_headers.html', '/_headers/', '/kv/']) expect(isUnservedPath(path), path).toBe(false);
  });

  it('deploy/nginx-site.conf answers 404 for each of them', () => {
    const conf = readFileSync(join(repoRoot, 'deploy', 'nginx-site.conf'), 'utf8');
    for (const path of UNSERVED_PATHS) {
      const location = path.endsWith('/') ? `location ^~ ${path} {` : `location = ${path} {`;
      expect(conf, path).toContain(`${location}\n    return 404;\n}`);
    }
  });
});
