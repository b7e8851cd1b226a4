/**
 * What the form server needs of the content (shared/lib/server-files.ts: ServerContent), from the
 * content layer through the loader every page uses, with its checks: the site facts it uses,
 * every form and the offers' rollout steps with their contacts and submission route (for the authorities' status pages). The build moves the file out of the site into the server's folder
 * (src/integrations/server-files.ts); `npm run dev` fetches it for its backend (scripts/dev.ts).
 */
import type { APIRoute } from 'astro';
import { loadPortal } from '../data/portal.ts';
import { serverContent } from '../../shared/lib/server-files.ts';

export const GET: APIRoute = async () => {
  const { site, forms, offers } = await loadPortal();
  const rollout = offers.map((offer) => ({
    form: offer.form.name,
    steps: offer.data.rollout,
    kontakte: [...new Map(offer.contacts.map((contact) => [`${contact.data.rolle}\u0000${contact.email}`, { rolle: contact.data.rolle, email: contact.email }])).values()],
    einreichung: { dokument: offer.document.data.titel, unterzeichnetVon: offer.data.einreichung.unterzeichnetVon, ausfertigungenPost: offer.data.einreichung.ausfertigungenPost },
  }));
  const { postfach, bebpoEmpfaenger, anschrift } = site.organisation;
  const content = serverContent({ portalName: site.portalName, postfach, bebpoEmpfaenger, anschrift }, forms, rollout);
  return new Response(JSON.stringify(content), { headers: { 'Content-Type': 'application/json' } });
};
