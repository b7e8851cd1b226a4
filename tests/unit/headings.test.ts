import { describe, expect, it } from 'vitest';
import { linkableHeadings } from '../../src/lib/headings.ts';

describe('headings for the contents list', () => {
  it('lists h2 headings with an id in order, their text without tags', () => {
    const html = '<h1 id="t">Titel</h1><h2 id="a">Erste <em>Frage</em></h2><p>…</p><h3 id="x">Unter</h3><h2 class="mt-0" id="b">\n  Zweite &amp; letzte\n</h2>';
    expect(linkableHeadings(html)).toEqual([
      { id: 'a', html: 'Erste Frage' },
      { id: 'b', html: 'Zweite &amp; letzte' },
    ]);
  });

  it('leaves out headings a link cannot reach or that have no text', () => {
    expect(linkableHeadings('<h2>Ohne id</h2><h2 id="leer"><span></span></h2><h2 data-id="x">Falsches Attribut</h2>')).toEqual([]);
  });
});
