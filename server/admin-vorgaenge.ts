/**
 * The Vorgänge in the admin area (inside adminRoutes, so behind its sign-in): GET /admin/vorgang/<number>
 * shows one Vorgang with its submissions, newest first; the list on GET /admin/ comes from
 * vorgangRows.
 */
import type { FastifyInstance } from 'fastify';
import type { FormRegistry } from '../src/forms/index.ts';
import { adminStrings } from '../src/strings/admin.ts';
import { adminMessagePage } from './pages/Message.tsx';
import type { PageRenderer } from './pages/render.tsx';
import { vorgangPage, type VorgangRow } from './pages/Vorgaenge.tsx';
import { viewOfStored } from './stored-forms.ts';
import type { Store, StoredVorgang } from './store/index.ts';

/** The Vorgänge with their offers' titles (a form the content no longer has: its name). */
export function vorgangRows(forms: FormRegistry, vorgaenge: readonly StoredVorgang[]): VorgangRow[] {
  return vorgaenge.map((v) => ({ ...v, offerTitle: forms.get(v.form)?.offer?.titel ?? v.form }));
}

export interface VorgangRouteOptions {
  readonly forms: FormRegistry;
  readonly store: Store;
  readonly pages: PageRenderer;
}

export function vorgangRoutes(app: FastifyInstance, { forms, store, pages }: VorgangRouteOptions): void {
  app.get<{ Params: { number: string } }>('/admin/vorgang/:number', async (request, reply) => {
    const vorgang = await store.findVorgang(request.params.number);
    if (vorgang === null) {
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(adminMessagePage(pages, { title: adminStrings.vorgaenge.notFound.title, paragraphs: [adminStrings.vorgaenge.notFound.text] }, request.adminSession));
    }
    const submissions = await store.vorgangSubmissions(vorgang.id);
    const [row] = vorgangRows(forms, [vorgang]);
    const page = vorgangPage(pages, { vorgang: row as VorgangRow, form: viewOfStored(forms, vorgang.form, submissions), submissions }, request.adminSession);
    return reply.type('text/html; charset=utf-8').send(page);
  });
}
