/**
 * The items of the RSS feed: every news item and every offer. A news item carries its `datum`; an
 * offer carries `veroeffentlicht`, the day it was published on this portal, or no date at all when
 * that day is not recorded (a feed item may have none; the portal never backdates one).
 */
export interface FeedItem {
  readonly title: string;
  readonly description: string;
  readonly link: string;
  readonly pubDate?: Date;
}

interface Dated {
  readonly data: { readonly titel: string };
}

export function feedItems(
  news: readonly (Dated & { readonly id: string; readonly data: { readonly beschreibung: string; readonly datum: Date } })[],
  offers: readonly (Dated & { readonly href: string; readonly data: { readonly kurzbeschreibung: string; readonly veroeffentlicht?: Date | undefined } })[],
): FeedItem[] {
  const items: FeedItem[] = [
    ...news.map((item) => ({ title: item.data.titel, description: item.data.beschreibung, link: `/aktuelles/${item.id}/`, pubDate: item.data.datum })),
    ...offers.map((offer) => ({
      title: offer.data.titel,
      description: offer.data.kurzbeschreibung,
      link: offer.href,
      ...(offer.data.veroeffentlicht === undefined ? {} : { pubDate: offer.data.veroeffentlicht }),
    })),
  ];
  // Newest first; items without a date after the dated ones, in their given order.
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (b.item.pubDate?.getTime() ?? -Infinity) - (a.item.pubDate?.getTime() ?? -Infinity) || a.index - b.index)
    .map(({ item }) => item);
}
