/**
 * The round trip's bookkeeping (scripts/lib/cms-round-trip.ts): which files the editing UI edits as
 * which entries, and the mark it puts into a file so that the CMS has something to save.
 */
import { describe, expect, it } from 'vitest';
import { dump } from 'js-yaml';
import { cmsEntries, withMark } from '../../scripts/lib/cms-round-trip.ts';

describe('the content round trip', () => {
  it('finds the entries of folder and file collections, with the field that names them', () => {
    const config = dump({
      collections: [
        { name: 'offers', folder: 'content/offers', extension: 'md', identifier_field: 'titel', fields: [{ name: 'titel', label: 'Titel' }] },
        { name: 'contacts', folder: 'content/contacts', extension: 'yaml', identifier_field: 'name', fields: [{ name: 'name', label: 'Name' }] },
        { name: 'site', files: [{ name: 'site', file: 'content/site/site.yaml', fields: [{ name: 'portalName', label: 'Name des Portals' }] }] },
      ],
    });
    const files = new Map(['content/offers/a.md', 'content/offers/b.mdx', 'content/contacts/x.yaml', 'content/site/site.yaml', 'public/downloads/a.pdf'].map((p) => [p, Buffer.alloc(0)]));
    expect(cmsEntries(config, files)).toEqual([
      { collection: 'offers', entry: 'a', file: 'content/offers/a.md', key: 'titel', label: 'Titel' },
      { collection: 'contacts', entry: 'x', file: 'content/contacts/x.yaml', key: 'name', label: 'Name' },
      { collection: 'site', entry: 'site', file: 'content/site/site.yaml', key: 'portalName', label: 'Name des Portals' },
    ]);
  });

  it('marks a plain or double-quoted value in the frontmatter or the YAML file, and nothing else', () => {
    expect(withMark('---\ntitel: Impressum\nbeschreibung: x\n---\n\ntitel: im Text\n', 'titel')).toBe('---\ntitel: Impressum ⁂\nbeschreibung: x\n---\n\ntitel: im Text\n');
    expect(withMark('---\ntitel: "Aufenthaltstitel: Kosten"\n---\n', 'titel')).toBe('---\ntitel: "Aufenthaltstitel: Kosten ⁂"\n---\n');
    expect(withMark('name: Bert Beispiel\nrolle: x\n', 'name')).toBe('name: Bert Beispiel ⁂\nrolle: x\n');
    expect(withMark('organisation:\n  name: nested\nportalName: Portal\n', 'portalName')).toBe('organisation:\n  name: nested\nportalName: Portal ⁂\n');
    // Folded text, a comment or a single-quoted value: the round trip marks the field in the editor instead.
    expect(withMark('titel: >-\n  lang\n', 'titel')).toBeUndefined();
    expect(withMark('titel: Wert # Hinweis\n', 'titel')).toBeUndefined();
    expect(withMark("titel: 'x'\n", 'titel')).toBeUndefined();
    expect(withMark('---\nbeschreibung: x\n---\ntitel: nur im Text\n', 'titel')).toBeUndefined();
  });
});
