import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { de } from '../../../shared/strings/de.ts';
import { loadPortal } from '../../data/portal.ts';
import { feedItems } from '../../lib/feed.ts';
import { withGapText, withGapTexts } from '../../../shared/lib/gaps.ts';

export const GET: APIRoute = async ({ site }) => {
  const { news, offers, site: facts } = await loadPortal();
  return rss({
    title: `${de.news.heading} – ${withGapText(facts.portalName, de.gap)}`,
    description: de.news.description,
    site: site ?? 'http://127.0.0.1:4321',
    // A feed reader shows text: an editorial gap is "wird ergänzt".
    items: withGapTexts(feedItems(news, offers), de.gap),
    customData: '<language>de-de</language>',
  });
};
