/**
 * The Vorgänge in the admin area (inside adminRoutes, so behind its sign-in and CSRF check):
 * GET /admin/vorgang/<number> shows one Vorgang (`?schritt=<id>` picks the step the move form
 * offers), POST /admin/vorgang/<number>/schritt moves it to another rollout step of its offer and
 * records who, when, from, to, the Angaben and a note. Bad input is answered with the page and
 * its form as sent, with German errors; nothing typed is lost. The list on GET /admin/ comes from
 * vorgangRows.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FormRegistry } from '../../shared/forms/index.ts';
import { checkStepInput, currentStepId, nextStep, stepLabel, type RolloutStep } from '../../shared/lib/rollout.ts';
import { adminStrings } from '../../shared/strings/admin.ts';
import { fill } from '../../shared/strings/template.ts';
import { adminMessagePage } from '../pages/Message.tsx';
import type { PageRenderer } from '../pages/render.tsx';
import { vorgangPage, vorgangPath, type VorgangListProps, type VorgangRow } from '../pages/Vorgaenge.tsx';
import { filterVorgaenge, kreisChoices, readFilter } from './vorgang-filter.ts';
import type { MoveForm } from '../pages/VorgangSteps.tsx';
import { linkState, statusLinkRoutes, type LinkNotice } from './status-links.ts';
import { viewOfStored } from '../store/stored-forms.ts';
import type { Store, StoredVorgang } from '../store/index.ts';

const s = adminStrings.rollout;

/** Where a Vorgang stands, as text: its step (marked when no longer offered), „abgeschlossen“ once ended. */
export function statusOf(steps: readonly RolloutStep[], vorgang: StoredVorgang): string {
  if (vorgang.stepId === null) return steps[0]?.titel ?? '';
  const label = stepLabel(steps, { id: vorgang.stepId, titel: vorgang.stepTitle ?? vorgang.stepId });
  return vorgang.endedAt === null ? label : `${label} (${s.ended})`;
}

/** The Vorgänge with their offers' titles (a form the content no longer has: its name) and where they stand. */
export function vorgangRows(forms: FormRegistry, rollout: ReadonlyMap<string, readonly RolloutStep[]>, vorgaenge: readonly StoredVorgang[]): VorgangRow[] {
  return vorgaenge.map((v) => {
    const steps = rollout.get(v.form) ?? [];
    return { ...v, offerTitle: forms.get(v.form)?.offer?.titel ?? v.form, status: statusOf(steps, v), step: currentStepId(steps, v.stepId) };
  });
}

/** The list of Vorgänge for GET /admin/ with its filter (the query) and the filter's choices, derived from the content and the data. */
export function vorgangList(forms: FormRegistry, rollout: ReadonlyMap<string, readonly RolloutStep[]>, vorgaenge: readonly StoredVorgang[], query: Readonly<Record<string, unknown>>): VorgangListProps {
  const rows = vorgangRows(forms, rollout, vorgaenge);
  const filter = readFilter(query);
  const offers = [...forms.values()].flatMap((form) => (form.offer === undefined ? [] : [{ form: form.name, titel: form.offer.titel }]));
  // A step id two offers share is one choice, named with each title.
  const titles = new Map<string, Set<string>>();
  for (const offer of offers) for (const step of rollout.get(offer.form) ?? []) titles.set(step.id, (titles.get(step.id) ?? new Set()).add(step.titel));
  const steps = [...titles.entries()].map(([id, names]) => ({ id, titel: [...names].join(' / ') }));
  return { vorgaenge: filterVorgaenge(rows, filter), total: rows.length, filter, offers, steps, kreise: kreisChoices(rows) };
}

export interface VorgangRouteOptions {
  readonly forms: FormRegistry;
  readonly rollout: ReadonlyMap<string, readonly RolloutStep[]>;
  readonly store: Store;
  readonly pages: PageRenderer;
  /** The site's origin (status links point there) and the clock of the status links. */
  readonly siteUrl: string;
  readonly now: () => number;
}

/** The form fields of a move as sent (strings only), to show them again after an error. */
function sentValues(body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(Object.entries(body as Record<string, unknown>).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])));
}

export function vorgangRoutes(app: FastifyInstance, { forms, rollout, store, pages, siteUrl, now }: VorgangRouteOptions): void {
  /** The page of a Vorgang with a move form and its status links (or a 404 page when there is no such Vorgang). */
  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    number: string,
    status: number,
    move: (steps: readonly RolloutStep[], v: StoredVorgang) => MoveForm | null,
    notice: LinkNotice = {},
  ) {
    const vorgang = await store.findVorgang(number);
    if (vorgang === null) {
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(adminMessagePage(pages, { title: adminStrings.vorgaenge.notFound.title, paragraphs: [adminStrings.vorgaenge.notFound.text] }, request.adminSession));
    }
    const steps = rollout.get(vorgang.form) ?? [];
    const [submissions, history, links] = await Promise.all([store.vorgangSubmissions(vorgang.id), store.vorgangHistory(vorgang.id), store.statusLinks(vorgang.id)]);
    const [row] = vorgangRows(forms, rollout, [vorgang]);
    const page = vorgangPage(
      pages,
      {
        vorgang: row as VorgangRow,
        form: viewOfStored(forms, vorgang.form, submissions),
        submissions,
        steps,
        history,
        move: move(steps, vorgang),
        links: { links: links.map((link) => ({ ...link, state: linkState(link, now()) })), ...notice },
      },
      request.adminSession,
    );
    return reply.code(status).type('text/html; charset=utf-8').send(page);
  }

  /** The page with the move form as a GET shows it: the step after the current one. */
  const suggested = (steps: readonly RolloutStep[], vorgang: StoredVorgang): MoveForm | null => {
    const target = nextStep(steps, currentStepId(steps, vorgang.stepId));
    return target === null ? null : { target, values: {}, errors: [] };
  };
  statusLinkRoutes(app, {
    store,
    siteUrl,
    now,
    show: (request, reply, number, status, notice) => show(request, reply, number, status, suggested, notice),
    refused: { validity: adminStrings.statusLinks.badValidity, notFound: adminStrings.statusLinks.notFound },
  });

  app.get<{ Params: { number: string }; Querystring: { schritt?: string } }>('/admin/vorgang/:number', async (request, reply) =>
    show(request, reply, request.params.number, 200, (steps, vorgang) => {
      const current = currentStepId(steps, vorgang.stepId);
      const picked = steps.find((step) => step.id === request.query.schritt && step.id !== current);
      const target = picked ?? nextStep(steps, current);
      return target === null ? null : { target, values: {}, errors: [] };
    }),
  );

  app.post<{ Params: { number: string } }>('/admin/vorgang/:number/schritt', async (request, reply) => {
    const number = request.params.number;
    const values = sentValues(request.body);
    const vorgang = await store.findVorgang(number);
    const steps = vorgang === null ? [] : (rollout.get(vorgang.form) ?? []);
    const target = steps.find((step) => step.id === values['nach']);
    if (vorgang === null || target === undefined) {
      // No such step (any more): the page with the step list, the typed note kept.
      return show(request, reply, number, 422, (all, v) => {
        const fallback = nextStep(all, currentStepId(all, v.stepId));
        return fallback === null ? null : { target: fallback, values, errors: [], message: s.errors.unknownStep };
      });
    }
    const current = currentStepId(steps, vorgang.stepId);
    if (target.id === current) return show(request, reply, number, 422, () => ({ target, values, errors: [], message: s.errors.sameStep }));
    const checked = checkStepInput(target, values, new Date());
    if (!checked.ok) return show(request, reply, number, 422, () => ({ target, values, errors: checked.errors }));
    const from = values['von'] === undefined || values['von'] === '' ? null : values['von'];
    const fromRef = from === null ? null : { id: from, titel: from === vorgang.stepId ? (vorgang.stepTitle ?? from) : (steps.find((step) => step.id === from)?.titel ?? from) };
    const moved = await store.moveVorgang({
      vorgangId: vorgang.id,
      at: new Date().toISOString(),
      account: request.adminSession?.account ?? '',
      from: fromRef,
      to: { id: target.id, titel: target.titel },
      ends: target.abschluss,
      angaben: checked.angaben,
      note: checked.note,
    });
    if (!moved) {
      // Someone else moved it since this form was loaded: the form again, as sent, with the step it now has.
      const now = await store.findVorgang(number);
      const titel = now === null ? '' : statusOf(steps, now);
      return show(request, reply, number, 409, () => ({ target, values, errors: [], message: fill(s.errors.conflict, { titel }) }));
    }
    request.log.info({ vorgang: vorgang.number, step: target.id }, 'Vorgang weitergeführt');
    return reply.redirect(`${vorgangPath(number)}#verlauf`, 303);
  });
}

