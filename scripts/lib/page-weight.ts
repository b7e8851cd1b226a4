/**
 * What a first visit of a built page transfers: HTML, CSS, JS (inline, entry scripts, island code and
 * their static imports), fonts (the subsets the page's text needs) and images, raw and gzip.
 * Used by the byte budgets in `npm test` and by `npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Bytes {
  raw: number;
  gzip: number;
}
export type Kind = 'html' | 'css' | 'js' | 'font' | 'image';
export interface PageWeight {
  path: string;
  kinds: Record<Kind, Bytes>;
  total: Bytes;
  /** Every file the page loads, relative to dist/. */
  files: string[];
}

const zero = (): Bytes => ({ raw: 0, gzip: 0 });
const measure = (content: Buffer | string, compressible = true): Bytes => {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  return { raw: buffer.length, gzip: compressible ? gzipSync(buffer, { level: 9 }).length : buffer.length };
};
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });

/** The HTML file that serves a URL path in dist/. */
export function htmlFileFor(dist: string, path: string): string {
  return path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1];

function jsGraph(dist: string, entry: string, seen: Set<string>): void {
  if (seen.has(entry)) return;
  const file = join(dist, entry);
  if (!existsSync(file)) throw new Error(`${entry} fehlt in dist/`);
  seen.add(entry);
  const code = readFileSync(file, 'utf8');
  const dir = entry.slice(0, entry.lastIndexOf('/') + 1);
  for (const m of code.matchAll(/(?:import|export)\s*(?:[^'"();]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    const spec = m[1] ?? '';
    jsGraph(dist, new URL(spec, `http://x${dir}`).pathname, seen);
  }
}

/** Which font subsets a text needs: latin always, cyrillic when the page has Cyrillic letters. */
function fontWanted(fontFile: string, html: string): boolean {
  if (!fontFile.endsWith('.woff2')) return false; // browsers that load woff2 never fetch the woff fallback
  if (fontFile.includes('cyrillic')) return /[\u0400-\u04FF]/.test(html.replace(/<script[\s\S]*?<\/script>/g, ''));
  return true;
}

export function pageWeight(dist: string, path: string): PageWeight {
  const html = readFileSync(htmlFileFor(dist, path), 'utf8');
  const kinds: Record<Kind, Bytes> = { html: measure(html), css: zero(), js: zero(), font: zero(), image: zero() };
  const files = new Set<string>();

  const css: string[] = [];
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    if (/rel="stylesheet"/.test(tag)) css.push(attr(tag, 'href') ?? '');
  }
  for (const href of css) {
    const text = readFileSync(join(dist, href));
    kinds.css = add(kinds.css, measure(text));
    files.add(href);
    for (const u of text.toString('utf8').matchAll(/url\(["']?(\/[^)"']+)["']?\)/g)) {
      const font = u[1] ?? '';
      if (/\.(woff2?|ttf)$/.test(font) && fontWanted(font, html) && !files.has(font)) {
        kinds.font = add(kinds.font, measure(readFileSync(join(dist, font)), false));
        files.add(font);
      }
    }
  }

  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? '';
    if (/type="application\/ld\+json"/.test(attrs)) continue;
    const src = attr(attrs, 'src');
    if (!src) kinds.js = add(kinds.js, measure(m[2] ?? ''));
  }
  const entries = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)) entries.add(m[1] ?? '');
  for (const m of html.matchAll(/<astro-island\b[^>]*>/g)) {
    for (const name of ['component-url', 'renderer-url']) {
      const url = attr(m[0], name);
      if (url) entries.add(url);
    }
  }
  for (const m of html.matchAll(/import\(["'](\/[^"']+\.js)["']\)|from\s*["'](\/[^"']+\.js)["']/g)) entries.add(m[1] ?? m[2] ?? '');
  const js = new Set<string>();
  for (const entry of entries) if (entry.startsWith('/')) jsGraph(dist, entry, js);
  for (const file of js) {
    kinds.js = add(kinds.js, measure(readFileSync(join(dist, file))));
    files.add(file);
  }

  for (const m of html.matchAll(/<img\b[^>]*\ssrc="(\/[^"]+)"/g)) {
    const src = m[1] ?? '';
    if (!files.has(src)) {
      kinds.image = add(kinds.image, measure(readFileSync(join(dist, src)), src.endsWith('.svg')));
      files.add(src);
    }
  }

  const total = Object.values(kinds).reduce(add, zero());
  return { path, kinds, total, files: [...files] };
}

export const KB = 1024;
