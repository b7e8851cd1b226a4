/**
 * What the form server needs of the content (src/lib/server-files.ts: ServerContent), from the
 * content layer through the loader every page uses, with its checks: the site facts it uses,
 * every form and the offers' rollout steps. The build moves the file out of the site into the server's folder
 * (src/integrations/server-files.ts); `npm run dev` fetches it for its backend (scripts/dev.ts).
 */
import type { APIRoute } from 'astro';
import { loadPortal } from '../data/portal.ts';
import { serverContent } from '../lib/server-files.ts';

export const GET: APIRoute = async () => {
  const { site, forms, offers } = await loadPortal();
  const rollout = offers.map((offer) => ({ form: offer.form.name, steps: offer.data.rollout }));
  const content = serverContent({ portalName: site.portalName, postfach: site.organisation.postfach }, forms, rollout);
  return new Response(JSON.stringify(content), { headers: { 'Content-Type': 'application/json' } });
};
