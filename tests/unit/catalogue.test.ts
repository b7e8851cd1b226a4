/** The small pieces of the catalogue: paths, page kinds, feed items, structured data, content paths, months. */
import { describe, expect, it } from 'vitest';
import { feedItems } from '../../src/lib/feed.ts';
import { offerCatalogJsonLd } from '../../src/lib/jsonld.ts';
import { interestFormPath, interestThanksPath, offerPath, pageKind } from '../../shared/lib/routes.ts';
import { entryId, readContentPaths } from '../../src/lib/content-paths.ts';
import { formatDateAndTime, formatMonth } from '../../shared/lib/dates.ts';

describe('offer paths', () => {
  it('gives each offer a page, a form and a thank-you page under /angebote/<id>/', () => {
    expect(offerPath('wohngeld')).toBe('/angebote/wohngeld/');
    expect(interestFormPath('wohngeld')).toBe('/angebote/wohngeld/interesse/');
    expect(interestThanksPath('wohngeld')).toBe('/angebote/wohngeld/interesse/danke/');
  });

  it('tells form pages, offer pages and content pages apart by their path', () => {
    expect(pageKind('/angebote/wohngeld/interesse/')).toBe('form');
    expect(pageKind('/barrierefreiheit/barriere-melden/')).toBe('form');
    expect(pageKind('/angebote/wohngeld/')).toBe('offer');
    for (const path of ['/', '/angebote/', '/interesse/', '/angebote/wohngeld/interesse/danke/', '/kontakt/']) expect(pageKind(path), path).toBe('content');
  });
});

describe('the RSS feed items', () => {
  const news = [
    { id: 'alt', data: { titel: 'Alt', beschreibung: 'a', datum: new Date('2026-01-01') } },
    { id: 'neu', data: { titel: 'Neu', beschreibung: 'n', datum: new Date('2026-12-01') } },
  ];
  const offers = [
    { href: '/angebote/ohne-datum/', data: { titel: 'Ohne Datum', kurzbeschreibung: 'o' } },
    { href: '/angebote/mit-datum/', data: { titel: 'Mit Datum', kurzbeschreibung: 'm', veroeffentlicht: new Date('2026-06-01') } },
  ];

  it('lists news and every offer, newest first, undated offers last, and never invents a date', () => {
    const items = feedItems(news, offers);
    expect(items.map((i) => i.title)).toEqual(['Neu', 'Mit Datum', 'Alt', 'Ohne Datum']);
    expect(items.find((i) => i.title === 'Ohne Datum')).not.toHaveProperty('pubDate');
    expect(items.find((i) => i.title === 'Mit Datum')).toMatchObject({ link: '/angebote/mit-datum/', description: 'm', pubDate: new Date('2026-06-01') });
  });
});

describe('structured data of the catalogue', () => {
  it('lists every offer in order as a GovernmentService with its absolute address', () => {
    const site = new URL('https://portal.example/');
    const data = offerCatalogJsonLd(
      [
        { href: '/angebote/a/', data: { titel: 'A', kurzbeschreibung: 'Erstes' } },
        { href: '/angebote/b/', data: { titel: 'B', kurzbeschreibung: 'Zweites' } },
      ],
      site,
      'Angebote',
    );
    expect(data).toMatchObject({ '@type': 'OfferCatalog', numberOfItems: 2, provider: { '@id': 'https://portal.example/#organisation' } });
    expect(data.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, item: { '@type': 'GovernmentService', name: 'A', description: 'Erstes', url: 'https://portal.example/angebote/a/' } },
      { '@type': 'ListItem', position: 2, item: { '@type': 'GovernmentService', name: 'B', description: 'Zweites', url: 'https://portal.example/angebote/b/' } },
    ]);
  });
});

describe('where the content lives', () => {
  it('CONTENT_DIR picks the content folder, its public/ folder beside it; DIST_DIR the build', () => {
    expect(readContentPaths({}, '/projekt')).toEqual({
      contentDir: '/projekt/content',
      publicDir: '/projekt/public',
      downloadsDir: '/projekt/public/downloads',
      distDir: '/projekt/dist',
    });
    expect(readContentPaths({ CONTENT_DIR: 'tests/fixtures/content', DIST_DIR: 'dist-fixtures' }, '/projekt')).toEqual({
      contentDir: '/projekt/tests/fixtures/content',
      publicDir: '/projekt/tests/fixtures/public',
      downloadsDir: '/projekt/tests/fixtures/public/downloads',
      distDir: '/projekt/dist-fixtures',
    });
  });

  it('an entry is named by its file name without the extension, as written', () => {
    expect(entryId('wohngeld.mdx')).toBe('wohngeld');
    expect(entryId('wohngeld.md')).toBe('wohngeld');
    expect(entryId('katja-muster.yaml')).toBe('katja-muster');
    expect(entryId('Neues Angebot.md')).toBe('Neues Angebot');
  });
});

describe('dates for people', () => {
  it('writes a stored month as MM.JJJJ and a moment in German time', () => {
    expect(formatMonth('2027-03')).toBe('03.2027');
    expect(formatMonth('bald')).toBe('bald');
    expect(formatDateAndTime(new Date('2026-11-28T13:03:00Z'))).toBe('28.11.2026, 14:03');
  });
});
