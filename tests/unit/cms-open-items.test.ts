/**
 * The editors' list of what is open (src/cms/open-items.ts, /redaktion/offen/): the same gaps and
 * unchecked pages as the build's log, each named by its field's German label and linked to where
 * the entry is edited.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openItems } from '../../src/cms/open-items.ts';
import { findUnchecked } from '../../src/lib/checked.ts';
import { readContentFiles } from '../../src/lib/content-files.ts';
import { findGaps } from '../../shared/lib/gaps.ts';

const root = join(import.meta.dirname, '..', '..');

describe('what is still open', () => {
  it('names the field of a gap in YAML and frontmatter by its label, and a gap in the text as the text', () => {
    const files = [
      { file: 'content/site/site.yaml', text: 'portalName: P\norganisation:\n  # [LÜCKE: nur ein Kommentar]\n  telefon: "[LÜCKE: Telefonnummer]"\n' },
      {
        file: 'content/offers/dienst.mdx',
        text: '---\ntitel: D\nstand: 2026-01-01\noffeneFragen:\n  - frage: A?\n    antwort: x\n  - frage: B?\n    antwort: "[LÜCKE: Antwort B]"\n---\n\nText mit <Luecke>Absatz</Luecke>.\n',
      },
      { file: 'content/pages/seite.mdx', text: '---\ntitel: S\n---\n\nText.\n' },
    ];
    expect(openItems(files, 'content')).toEqual([
      { file: 'content/site/site.yaml', field: 'Organisation → Telefon', what: 'Telefonnummer', editUrl: '/redaktion/#/collections/site/entries/site' },
      { file: 'content/offers/dienst.mdx', field: 'Offene Fragen → 2. Frage → Antwort', what: 'Antwort B', editUrl: '/redaktion/#/collections/offers-mdx/entries/dienst' },
      { file: 'content/offers/dienst.mdx', field: 'Text', what: 'Absatz', editUrl: '/redaktion/#/collections/offers-mdx/entries/dienst' },
      { file: 'content/pages/seite.mdx', field: 'Stand der Angaben', editUrl: '/redaktion/#/collections/pages/entries/seite' },
    ]);
  });

  it('lists exactly what the build lists for the fixture content', async () => {
    const files = await readContentFiles(root, join(root, 'tests', 'fixtures', 'content'));
    const items = openItems(files, 'tests/fixtures/content');
    const gaps = files.flatMap((f) => findGaps(f.file, f.text));
    expect(items.filter((i) => i.what !== undefined).map((i) => [i.file, i.what])).toEqual(gaps.map((g) => [g.file, g.what]));
    const unchecked = findUnchecked(files.filter((f) => /\/(offers|pages|news)\//.test(f.file)));
    expect(items.filter((i) => i.what === undefined).map((i) => i.file)).toEqual(unchecked.map((u) => u.file));
    for (const item of items) expect(item.editUrl).toMatch(/^\/redaktion\/#\/collections\/[a-z-]+\/entries\/[a-z0-9-]+$/);
  });
});
