/**
 * Sveltia CMS as the build copies it (src/cms/bundle.ts): the pinned bundle loads its locale and
 * fonts from this site, has no update check and no address of a CDN left, and a bundle that no
 * longer fits the rewrites stops the build with a message naming each one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteBundle, vendoredCms } from '../../src/cms/bundle.ts';

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
