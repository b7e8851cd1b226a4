import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { de } from '../../strings/de.ts';
import { loadPortal } from '../../data/portal.ts';
import { feedItems } from '../../lib/feed.ts';

export const GET: APIRoute = async ({ site }) => {
  const { news, offers, site: facts } = await loadPortal();
  return rss({
    title: `${de.news.heading} – ${facts.portalName}`,
    description: de.news.description,
    site: site ?? 'http://127.0.0.1:4321',
    items: feedItems(news, offers),
    customData: '<language>de-de</language>',
  });
};
