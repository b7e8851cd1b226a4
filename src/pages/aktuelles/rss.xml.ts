import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { de } from '../../strings/de.ts';
import { loadPortal } from '../../data/portal.ts';

export const GET: APIRoute = async ({ site }) => {
  const { news, site: facts } = await loadPortal();
  return rss({
    title: `${de.news.heading} – ${facts.portalName}`,
    description: de.news.description,
    site: site ?? 'http://127.0.0.1:4321',
    items: news.map((item) => ({
      title: item.data.titel,
      description: item.data.beschreibung,
      pubDate: item.data.datum,
      link: `/aktuelles/${item.id}/`,
    })),
    customData: '<language>de-de</language>',
  });
};
