/**
 * What a first visit of a built page transfers: HTML, CSS (linked and inline), JS (inline, entry
 * scripts, island code and their static imports), fonts (preloaded ones and every face whose
 * unicode-range the page's text uses, a bold face only for bold text) and images, raw and gzip.
 * Used by the byte budgets in `npm test` and by `npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FORM_SLOT_ATTRIBUTE, FORM_SLOT_VALUE } from '../../shared/lib/server-files.ts';

export interface Bytes {
  raw: number;
  gzip: number;
}
export type Kind = 'html' | 'css' | 'js' | 'font' | 'image';
/**
 * The JavaScript a page may ship: a form island (hydrated on interaction), the offer page's inline
 * copy button, or none at all. Read from the built page, so no code names a page.
 */
export type ScriptKind = 'form-island' | 'copy-button' | 'none';
export interface PageWeight {
  path: string;
  kinds: Record<Kind, Bytes>;
  total: Bytes;
  /** Every file the page loads, relative to dist/. */
  files: string[];
  /** Which JavaScript budget applies (`jsBudget`). */
  scriptKind: ScriptKind;
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

/**
 * Every JavaScript file of the site a page names in an attribute: a script's src, the modules a
 * form island loads when it hydrates (whatever element and attribute names the framework uses).
 */
export function scriptUrls(html: string): string[] {
  return [...new Set([...html.matchAll(/\s[\w:-]+="(\/[^"]+\.js)"/g)].map((m) => m[1] ?? ''))];
}

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

interface FontFace {
  readonly url: string;
  /** [from, to] code point ranges; empty: every character. */
  readonly ranges: readonly (readonly [number, number])[];
  /** A bold face (font-weight 600 or more): loaded only for bold text. */
  readonly bold: boolean;
}

/** The woff2 source and unicode-range of every @font-face rule of a stylesheet. */
function fontFaces(css: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = block[1] ?? '';
    const url = /url\(["']?(\/[^)"']+\.woff2)["']?\)/.exec(body)?.[1];
    if (url === undefined) continue; // local() fallback faces load nothing
    const range = /unicode-range:\s*([^;}]+)/.exec(body)?.[1] ?? '';
    const ranges = [...range.matchAll(/U\+([0-9A-F]+)(?:-([0-9A-F]+))?/gi)].map((m) => [Number.parseInt(m[1] ?? '0', 16), Number.parseInt(m[2] ?? m[1] ?? '0', 16)] as const);
    faces.push({ url, ranges, bold: Number(/font-weight:\s*(\d+)/.exec(body)?.[1] ?? 400) >= 600 });
  }
  return faces;
}

/** The visible text of a page: without tags, scripts, styles and the head. */
function pageText(html: string): string {
  return html
    .replace(/<head[\s\S]*?<\/head>/, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ');
}

/**
 * The text the site's stylesheets set bold (src/styles/global.css, form.css): headings h1–h3, strong
 * and b, and elements with the classes font-bold, form-label or button. A bold face is loaded only for
 * characters of this text (the Ukrainian applicant notice above a form has none).
 */
function boldText(html: string): string {
  const body = html.replace(/<head[\s\S]*?<\/head>/, '').replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
  return [...body.matchAll(BOLD)].map((m) => (m[2] ?? m[4] ?? '').replace(/<[^>]+>/g, ' ')).join(' ');
}

const BOLD = /<(h[1-3]|strong|b)\b[^>]*>([\s\S]*?)<\/\1>|<([a-z][a-z0-9]*)\b[^>]*\bclass="[^"]*\b(?:font-bold|form-label|button)\b[^"]*"[^>]*>([\s\S]*?)<\/\3>/g;

/** A face is loaded when the page's text has a character in its unicode-range (latin always has some). */
function faceNeeded(face: FontFace, text: string): boolean {
  if (face.ranges.length === 0) return true;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (face.ranges.some(([from, to]) => code >= from && code <= to)) return true;
  }
  return false;
}

const INLINE = /<(style|script)\b([^>]*)>([\s\S]*?)<\/\1>/g;

export function pageWeight(dist: string, path: string): PageWeight {
  const html = readFileSync(htmlFileFor(dist, path), 'utf8');
  // Inline styles and scripts count as CSS and JS; the HTML is the rest of the document.
  const kinds: Record<Kind, Bytes> = { html: measure(html.replace(INLINE, (all, _tag: string, attrs: string) => (/application\/ld\+json/.test(attrs) ? all : ''))), css: zero(), js: zero(), font: zero(), image: zero() };
  const files = new Set<string>();

  const stylesheets: string[] = [];
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = attr(tag, 'href') ?? '';
    if (/rel="stylesheet"/.test(tag)) {
      const text = readFileSync(join(dist, href));
      kinds.css = add(kinds.css, measure(text));
      files.add(href);
      stylesheets.push(text.toString('utf8'));
    } else if (/rel="preload"/.test(tag) && /as="font"/.test(tag) && !files.has(href)) {
      kinds.font = add(kinds.font, measure(readFileSync(join(dist, href)), false));
      files.add(href);
    }
  }
  for (const m of html.matchAll(INLINE)) {
    if (m[1] !== 'style') continue;
    kinds.css = add(kinds.css, measure(m[3] ?? ''));
    stylesheets.push(m[3] ?? '');
  }
  const text = pageText(html);
  const bold = boldText(html);
  for (const face of stylesheets.flatMap(fontFaces)) {
    if (files.has(face.url) || !faceNeeded(face, face.bold ? bold : text)) continue;
    kinds.font = add(kinds.font, measure(readFileSync(join(dist, face.url)), false));
    files.add(face.url);
  }

  for (const m of html.matchAll(INLINE)) {
    const attrs = m[2] ?? '';
    if (m[1] !== 'script' || /type="application\/ld\+json"/.test(attrs) || attr(attrs, 'src') !== undefined) continue;
    kinds.js = add(kinds.js, measure(m[3] ?? ''));
  }
  const entries = new Set<string>(scriptUrls(html));
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
  return { path, kinds, total, files: [...files], scriptKind: scriptKindOf(html) };
}

export const KB = 1024;

/** The byte budgets of every built page, asserted in tests/e2e/budgets.spec.ts and shown by `npm run bench`. */
export const BUDGET = { cssGzip: 15 * KB, formJsGzip: 25 * KB, copyButtonJsGzip: 600, firstVisitGzip: 100 * KB } as const;

function scriptKindOf(html: string): ScriptKind {
  // The element of ours around a form (src/components/form/Form.astro).
  if (html.includes(` ${FORM_SLOT_ATTRIBUTE}="${FORM_SLOT_VALUE}"`)) return 'form-island';
  if (/\sdata-copy-target=/.test(html)) return 'copy-button';
  return 'none';
}

/** The JavaScript a built page ships (`ScriptKind`), for callers that need nothing else of `pageWeight`. */
export function scriptKind(dist: string, path: string): ScriptKind {
  return scriptKindOf(readFileSync(htmlFileFor(dist, path), 'utf8'));
}

export interface JsBudget {
  /** What the page's JavaScript is, e. g. "JS (form island)". */
  readonly label: string;
  /** The measure the budget limits: gzip bytes, or raw bytes for a page that may ship none. */
  readonly measure: keyof Bytes;
  readonly max: number;
}

const JS_BUDGETS: Record<ScriptKind, JsBudget> = {
  'form-island': { label: 'JS (form island)', measure: 'gzip', max: BUDGET.formJsGzip },
  'copy-button': { label: 'JS (inline copy button)', measure: 'gzip', max: BUDGET.copyButtonJsGzip },
  none: { label: 'JS', measure: 'raw', max: 0 },
};

/** The JavaScript budget of a page with scripts of `kind` (`PageWeight.scriptKind`). */
export function jsBudget(kind: ScriptKind): JsBudget {
  return JS_BUDGETS[kind];
}
