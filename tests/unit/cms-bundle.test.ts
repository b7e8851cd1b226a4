/**
 * Sveltia CMS as the build copies it (src/cms/bundle.ts): the pinned bundle loads its locale and
 * fonts from this site, has no update check and no address of a CDN left, and a bundle that no
 * longer fits the rewrites stops the build with a message naming each one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { germanLocale, rewriteBundle, vendoredCms } from '../../src/cms/bundle.ts';
import { cmsLocaleAdditions } from '../../src/strings/cms.ts';

const root = join(import.meta.dirname, '..', '..');
const source = readFileSync(join(root, 'node_modules', '@sveltia', 'cms', 'dist', 'sveltia-cms.js'), 'utf8');

describe('the vendored CMS', () => {
  const { version, files } = vendoredCms(root);
  const bundle = String(files.find(([name]) => name === 'sveltia-cms.js')?.[1] ?? '');

  it('is the version package.json pins exactly', () => {
    const pinned = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['@sveltia/cms'];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(version).toBe(pinned);
  });

  it('has no CDN address left and no update check', () => {
    expect(source).toMatch(/https:\/\/(unpkg\.com|cdn\.jsdelivr\.net)\//);
    expect(bundle).not.toMatch(/https:\/\/(unpkg\.com|cdn\.jsdelivr\.net)\//);
    expect(bundle).not.toMatch(/fetch\(\w+\)(?=[^]{0,80}version)/);
    expect(bundle).toContain('update check off');
    expect(bundle).not.toContain('sourceMappingURL');
  });

  it('ships every font and the locale the bundle now loads from this site, with their licences', () => {
    const names = files.map(([name]) => name);
    const fonts = [...bundle.matchAll(/\.\/fonts\/([a-z0-9-]+\.woff2)/g)].map((m) => `fonts/${m[1]}`);
    expect(fonts.length).toBe(3);
    for (const font of fonts) expect(names).toContain(font);
    expect(names).toEqual(expect.arrayContaining(['locales/de.json', 'chunks/react-dom.js', 'LICENSE.sveltia-cms.txt']));
    expect(names.filter((n) => n.endsWith('.LICENSE.txt'))).toHaveLength(3);
    expect(bundle).toContain('=`./locales`');
  });

  it('serves a German locale with the strings the pinned one lacks, each a key of the English locale, keeping what it has', () => {
    const at = (locale: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], locale);
    const served = JSON.parse(String(files.find(([name]) => name === 'locales/de.json')?.[1] ?? '{}')) as unknown;
    const upstream = JSON.parse(readFileSync(join(root, 'node_modules', '@sveltia', 'cms', 'locales', 'de.json'), 'utf8')) as unknown;
    const english = JSON.parse(readFileSync(join(root, 'node_modules', '@sveltia', 'cms', 'locales', 'en-US.json'), 'utf8')) as unknown;
    for (const [key, text] of Object.entries(cmsLocaleAdditions)) {
      expect(typeof at(english, key), `${key} is a string of the CMS`).toBe('string');
      expect(at(served, key), key).toBe(at(upstream, key) ?? text);
    }
    expect(at(served, 'replace_file')).toBe('Datei ersetzen');
    // What the German locale has is not overwritten.
    expect(at(JSON.parse(germanLocale('{"replace_file":"Austauschen"}')), 'replace_file')).toBe('Austauschen');
    expect(at(served, 'replace')).toBe(at(upstream, 'replace'));
  });

  it('shows German whatever the browser language', () => {
    expect(bundle).toMatch(/=\(\)=>`de`/);
  });

  it('stops the build, naming each rewrite, when the bundle no longer fits', () => {
    const changed = source.replaceAll('cdn.jsdelivr.net', 'fonts.example').replace(/\/locales`/, '/sprachen`');
    expect(() => rewriteBundle(changed, '9.9.9')).toThrow(
      /@sveltia\/cms 9\.9\.9: [\s\S]*German locale from \.\/locales\/ instead of unpkg\.com: 0-mal gefunden, erwartet 1-mal[\s\S]*fonts from \.\/fonts\/ instead of cdn\.jsdelivr\.net: 0-mal gefunden, erwartet 3-mal/,
    );
  });
});
