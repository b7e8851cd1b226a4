/**
 * The h2 headings of rendered HTML that a link can point to (those with an id), in document order,
 * for the contents list "Auf dieser Seite". The label keeps the heading's inline HTML (it is this
 * site's own rendered output) without its tags.
 */
export interface Heading {
  readonly id: string;
  /** The heading's text as HTML (entities kept, tags removed). */
  readonly html: string;
}

const H2 = /<h2\b([^>]*)>([\s\S]*?)<\/h2>/g;

export function linkableHeadings(html: string): Heading[] {
  const headings: Heading[] = [];
  for (const [, attributes = '', inner = ''] of html.matchAll(H2)) {
    const id = /\sid="([^"]+)"/.exec(attributes)?.[1];
    const text = inner.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
    if (id !== undefined && text !== '') headings.push({ id, html: text });
  }
  return headings;
}
