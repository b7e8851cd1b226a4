/**
 * The MDX building blocks as editor components (src/cms/editor-components.ts), tested through the
 * very script the build writes (dist/redaktion/editor-components.js): every building block an editor
 * may use has one, each reads its text and writes it back unchanged, and every building block of the
 * fixture content is found and written back as it was (content/ goes through the real CMS in
 * tests/e2e/cms/round-trip.spec.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorComponents } from '../../src/cms/config.ts';
import { componentPattern, editorComponentsScript } from '../../src/cms/editor-components.ts';

interface Registered {
  id: string;
  pattern: RegExp;
  fromBlock: (match: RegExpMatchArray) => Record<string, unknown>;
  toBlock: (props: Record<string, unknown>) => string;
  fields: { name: string; options?: string[] }[];
}

/** Runs the generated script with a stand-in for the CMS and returns what it registered. */
function registered(): Registered[] {
  const list: Registered[] = [];
  new Function('window', editorComponentsScript(editorComponents()))({ CMS: { registerEditorComponent: (definition: Registered) => list.push(definition) } });
  return list;
}

const root = join(import.meta.dirname, '..', '..');
const mdxFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.mdx'))
    .map((e) => join(e.parentPath, e.name));

/** Reads `text` as the CMS would with one component and writes every match back. */
function rewrite(component: Registered, text: string): string {
  const global = new RegExp(component.pattern.source, `${component.pattern.flags}g`);
  return text.replace(global, (...args: unknown[]) => {
    const match = Object.assign([...(args.slice(0, -2) as string[])], { groups: args.at(-1) as Record<string, string> }) as unknown as RegExpMatchArray;
    return component.toBlock(component.fromBlock(match));
  });
}

describe('editor components for the MDX building blocks', () => {
  it('exist for every building block editors may use in MDX (src/components/content/mdx.ts)', () => {
    const mdx = readFileSync(join(root, 'src', 'components', 'content', 'mdx.ts'), 'utf8');
    const components = /mdxComponents = \{([^}]*)\}/.exec(mdx)?.[1]?.split(',').map((name) => name.trim()).filter(Boolean) ?? [];
    const written = editorComponents().flatMap((spec) => spec.parts.filter((p): p is string => typeof p === 'string'));
    for (const name of components) expect(written.some((text) => text.startsWith(`<${name}`)), name).toBe(true);
  });

  it('write back exactly the text they read, for every allowed value', () => {
    for (const component of registered()) {
      const spec = editorComponents().find((s) => s.id === component.id);
      const choices = component.fields.flatMap((f) => (f.options ?? []).map((option) => ({ [f.name]: option })));
      for (const props of choices.length > 0 ? choices : [{ was: 'Telefonnummer', text: '\n  Ein Hinweis\n  über zwei Zeilen.\n' }]) {
        const text = component.toBlock({ zeilen: false, ...props });
        const match = text.match(component.pattern);
        expect(match?.[0], `${component.id}: ${text}`).toBe(text);
        expect(component.toBlock(component.fromBlock(match as RegExpMatchArray))).toBe(text);
      }
      expect(spec?.parts.length).toBeGreaterThan(0);
    }
  });

  it('read an optional word such as `zeilen` and keep it', () => {
    const fakt = registered().find((c) => c.id === 'fakt');
    const match = '<Fakt feld="werLeicht" zeilen />'.match(fakt?.pattern ?? /$^/) as RegExpMatchArray;
    expect(fakt?.fromBlock(match)).toEqual({ feld: 'werLeicht', zeilen: true });
    expect(fakt?.toBlock({ feld: 'werLeicht', zeilen: true })).toBe('<Fakt feld="werLeicht" zeilen />');
  });

  it('block-level components match only a line of their own', () => {
    const anschrift = editorComponents().find((s) => s.id === 'anschrift');
    const pattern = anschrift === undefined ? /$^/ : new RegExp(componentPattern(anschrift).source, componentPattern(anschrift).flags);
    expect('Text\n\n<Anschrift />\n\nText').toMatch(pattern);
    expect('Siehe <Anschrift /> oben').not.toMatch(pattern);
  });

  it('find every building block of the fixture content and write it back as it was', () => {
    for (const file of mdxFiles(join(root, 'tests', 'fixtures', 'content'))) {
      const text = readFileSync(file, 'utf8');
      // A tag, or an element with text only (<Luecke>…</Luecke>), or a comment.
      const tags = [...text.matchAll(/<([A-Z][A-Za-z]*)>[^<>]*<\/\1>|<\/?[A-Z][A-Za-z]*\b[^>]*>|\{\/\*[\s\S]*?\*\/\}/g)].map((m) => m[0]);
      for (const tag of tags) {
        const found = registered().filter((c) => tag.match(new RegExp(c.pattern.source, c.pattern.flags.replace('m', '')))?.[0] === tag);
        expect(found.map((c) => c.id), `${file}: ${tag}`).toHaveLength(1);
      }
      let rewritten = text;
      for (const component of registered()) rewritten = rewrite(component, rewritten);
      expect(rewritten, file).toBe(text);
    }
  });
});
