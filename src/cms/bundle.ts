/**
 * Sveltia CMS served from this site (house rule: no third-party request at run time). The package's
 * browser bundle loads its German texts and its fonts from public CDNs, checks unpkg for a newer
 * version every hour and would load optional modules from unpkg. Each of those places was read in
 * the bundle of the pinned version and is rewritten when the bundle is copied:
 *
 * - the update check is switched off (the version is pinned in package.json, upgraded on purpose),
 * - the German locale and the three fonts are copied next to the bundle and loaded from there, and
 *   German is the UI language whatever the browser's language,
 * - every other unpkg address points into ./vendor/ on this site: optional features (image
 *   conversion, maps, code highlighting) that the portal's fields never use find nothing there and
 *   stay off instead of calling a CDN.
 *
 * A rewrite that does not find exactly what it expects stops the build with a message naming it, so
 * an upgrade of @sveltia/cms cannot quietly bring a CDN request back (tests/e2e/cms/ counts them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cmsLocaleAdditions } from '../strings/cms.ts';

interface Rewrite {
  /** What it does, for the message when it no longer applies. */
  readonly what: string;
  /** How often the pattern occurs in the pinned version's bundle. */
  readonly count: number;
  readonly apply: (text: string) => { text: string; found: number };
}

/** Replaces every match of `pattern` (global) and reports how many there were. */
const replaceAll = (pattern: RegExp, replacement: string) => (text: string) => {
  let found = 0;
  return { text: text.replace(pattern, (...args: string[]) => ((found += 1), replacement.replace(/\$(\d)/g, (_m, i: string) => args[Number(i)] ?? ''))), found };
};

/** The fonts the bundle's stylesheet loads: CDN address → local file name. */
const FONT_URL = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+)\.woff2/g;
const UPDATE_CHECK_URL = /(\w+)=`\$\{\w+\}\/package\.json`/;

const REWRITES: readonly Rewrite[] = [
  {
    what: 'update check (fetch of unpkg.com/@sveltia/cms/package.json) switched off',
    count: 1,
    apply: (text) => {
      const variable = UPDATE_CHECK_URL.exec(text)?.[1];
      if (variable === undefined) return { text, found: 0 };
      return replaceAll(new RegExp(`await fetch\\(${variable}\\)`, 'g'), 'await Promise.reject(Error(`update check off`))')(text);
    },
  },
  { what: 'German locale from ./locales/ instead of unpkg.com', count: 1, apply: replaceAll(/(\w+)=`\$\{\w+\}@\$\{\w+\}\/locales`/g, '$1=`./locales`') },
  {
    // The UI language follows the browser's unless an editor picks one; here it is German for everyone.
    what: 'German as the UI language instead of the browser language',
    count: 1,
    apply: replaceAll(/([\w$]+)=\(\)=>\{let (\w+)=[\w$]+\(\);return \2&&[\w$]+\.includes\(\2\)\?\2:[\w$]+\}/g, '$1=()=>`de`'),
  },
  { what: 'fonts from ./fonts/ instead of cdn.jsdelivr.net', count: 3, apply: replaceAll(FONT_URL, './fonts/$1-$2.woff2') },
  { what: 'optional modules from ./vendor/ instead of unpkg.com', count: 4, apply: replaceAll(/https:\/\/unpkg\.com\//g, './vendor/') },
  { what: 'no source map reference', count: 1, apply: replaceAll(/\n?\/\/# sourceMappingURL=\S+\s*$/g, '\n') },
];

/** The pinned package's folder and version. */
function sveltiaPackage(root: string): { dir: string; version: string } {
  const dir = join(root, 'node_modules', '@sveltia', 'cms');
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { dir, version };
}

/** The bundle with every rewrite applied; throws naming the rewrites that no longer fit. */
export function rewriteBundle(source: string, version: string): string {
  let text = source;
  const misfits: string[] = [];
  for (const rewrite of REWRITES) {
    const result = rewrite.apply(text);
    if (result.found !== rewrite.count) misfits.push(`${rewrite.what}: ${result.found}-mal gefunden, erwartet ${rewrite.count}-mal`);
    text = result.text;
  }
  if (misfits.length > 0) {
    throw new Error(
      `@sveltia/cms ${version}: Das Bundle passt nicht mehr zu src/cms/bundle.ts. Lesen Sie die neue Fassung und passen Sie die Umschreibungen an:\n- ${misfits.join('\n- ')}`,
    );
  }
  return text;
}

/**
 * The CMS's German locale with the strings it lacks (cmsLocaleAdditions, src/strings/cms.ts) added;
 * what the locale has stays as it is.
 */
export function germanLocale(json: string): string {
  const locale = JSON.parse(json) as Record<string, unknown>;
  for (const [key, text] of Object.entries(cmsLocaleAdditions)) {
    const path = key.split('.');
    let node = locale;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      node = (typeof next === 'object' && next !== null ? next : (node[part] = {})) as Record<string, unknown>;
    }
    const last = path.at(-1) ?? key;
    if (node[last] === undefined) node[last] = text;
  }
  return `${JSON.stringify(locale, null, 2)}\n`;
}

/** A file of the editing UI: its path below /redaktion/ and its content. */
export type UiFile = readonly [path: string, content: string | Buffer];

/** The vendored CMS: the rewritten bundle, its React chunk, the German locale, the fonts and the licences. */
export function vendoredCms(root: string): { version: string; files: UiFile[] } {
  const { dir, version } = sveltiaPackage(root);
  const bundle = rewriteBundle(readFileSync(join(dir, 'dist', 'sveltia-cms.js'), 'utf8'), version);
  const files: UiFile[] = [
    ['sveltia-cms.js', bundle],
    ['chunks/react-dom.js', readFileSync(join(dir, 'dist', 'chunks', 'react-dom.js'), 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n')],
    ['locales/de.json', germanLocale(readFileSync(join(dir, 'locales', 'de.json'), 'utf8'))],
    ['LICENSE.sveltia-cms.txt', readFileSync(join(dir, 'LICENSE.txt'))],
  ];
  // The npm build of the same version carries the font files the CDN would serve, with their licences.
  const assets = join(dir, 'npm', 'assets');
  const available = existsSync(assets) ? readdirSync(assets) : [];
  for (const [, family, file] of bundle.matchAll(/\.\/fonts\/([a-z0-9]+(?:-[a-z0-9]+)*?)-(latin-[a-z0-9-]+)\.woff2/g)) {
    const source = available.find((name) => name.startsWith(`${family}-${file}-`) && name.endsWith('.woff2'));
    const licence = available.find((name) => name === `${family}.LICENSE.txt`);
    if (source === undefined || licence === undefined) {
      throw new Error(`@sveltia/cms ${version}: Die Schrift ${family} (${file}) fehlt in ${assets}; passen Sie src/cms/bundle.ts an.`);
    }
    files.push([`fonts/${family}-${file}.woff2`, readFileSync(join(assets, source))], [`fonts/${family}.LICENSE.txt`, readFileSync(join(assets, licence))]);
  }
  return { version, files };
}
