/**
 * The Vorgänge in the admin area: the list (on GET /admin/) and the page of one Vorgang
 * (GET /admin/vorgang/<number>) with its authority, its rollout step, the form to move it on, its
 * history and its submissions, newest first.
 */
import { adminStrings } from '../../shared/strings/admin.ts';
import { fill } from '../../shared/strings/template.ts';
import { formatReceivedAt as formatDate } from '../export/format.ts';
import type { RolloutStep } from '../../shared/lib/rollout.ts';
import { isFiltered, type KreisChoice, type VorgangFilter } from '../admin/vorgang-filter.ts';
import type { StoredVorgang, VorgangChange } from '../store/index.ts';
import type { StoredFormView } from '../store/stored-forms.ts';
import type { SignedIn } from './AccountBar.tsx';
import type { PageRenderer } from './render.tsx';
import { ScrollTable, SubmissionsTable, type ShownSubmission } from './SubmissionsTable.tsx';
import { FactList } from './FactList.tsx';
import { StatusLinks, type StatusLinksData } from './StatusLinks.tsx';
import { ErrorSummary, History, MoveVorgang, type MoveForm } from './VorgangSteps.tsx';

const s = adminStrings.vorgaenge;
const f = s.filter;

/** A Vorgang with the title of its offer (or its form's name when the content no longer has it) and where it stands. */
export type VorgangRow = StoredVorgang & {
  readonly offerTitle: string;
  readonly status: string;
  /** The step it stands at (stored, else the offer's first): what the status filter compares. */
  readonly step: string | null;
};

/** The list with its filter form: what the choices are and what is chosen. */
export interface VorgangListProps {
  /** The Vorgänge the filter lets through. */
  readonly vorgaenge: readonly VorgangRow[];
  /** How many there are without the filter. */
  readonly total: number;
  readonly filter: VorgangFilter;
  readonly offers: readonly { readonly form: string; readonly titel: string }[];
  readonly steps: readonly { readonly id: string; readonly titel: string }[];
  readonly kreise: readonly KreisChoice[];
}

function Select({ name, label, hint, value, options }: { name: string; label: string; hint?: string; value: string; options: readonly (readonly [string, string])[] }) {
  const id = `filter-${name}`;
  return (
    <div class="filter-field">
      <label for={id}>{label}</label>
      {hint !== undefined && (
        <span id={`${id}-hint`} class="hint">
          {hint}
        </span>
      )}
      <select id={id} name={name} aria-describedby={hint === undefined ? undefined : `${id}-hint`}>
        <option value="">{f.all}</option>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue} selected={optionValue === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The filters as a GET form: it works without JavaScript, and the address can be bookmarked. */
function FilterForm({ filter, offers, steps, kreise }: Omit<VorgangListProps, 'vorgaenge' | 'total'>) {
  return (
    <form method="get" action="/admin/" role="search" aria-label={f.label} class="filters">
      <Select name="angebot" label={f.offer} value={filter.angebot} options={offers.map((o) => [o.form, o.titel] as const)} />
      <Select name="stand" label={f.status} value={filter.stand} options={steps.map((step) => [step.id, step.titel] as const)} />
      <Select name="kreis" label={f.kreis} hint={f.kreisHint} value={filter.kreis} options={kreise.map((k) => [k.kreis, `${k.kreis} – ${k.behoerden.join(', ')}`] as const)} />
      <div class="filter-field">
        <label for="filter-suche">{f.search}</label>
        <span id="filter-suche-hint" class="hint">
          {f.searchHint}
        </span>
        <input id="filter-suche" name="suche" type="search" value={filter.suche} aria-describedby="filter-suche-hint" />
      </div>
      <p>
        <button type="submit" class="button">
          {f.submit}
        </button>
        {isFiltered(filter) && (
          <>
            {' '}
            <a href="/admin/">{f.reset}</a>
          </>
        )}
      </p>
    </form>
  );
}

/** Where one Vorgang's page is. */
export const vorgangPath = (number: string): string => `/admin/vorgang/${encodeURIComponent(number)}`;

export function VorgangList({ vorgaenge, total, filter, offers, steps, kreise }: VorgangListProps) {
  const filtered = isFiltered(filter);
  return (
    <section>
      <h2 id="vorgaenge">{filtered ? fill(s.headingFiltered, { n: vorgaenge.length, total }) : fill(s.heading, { n: total })}</h2>
      {total > 0 && <FilterForm filter={filter} offers={offers} steps={steps} kreise={kreise} />}
      {vorgaenge.length === 0 ? (
        <p>{total === 0 ? s.empty : s.filter.none}</p>
      ) : (
        <ScrollTable labelledBy="vorgaenge" labels={[s.number, s.behoerde, s.offer, adminStrings.rollout.status, s.ags, s.submissions, s.openedAt, s.lastReceivedAt]}>
          {vorgaenge.map((v) => (
            <tr key={v.number}>
              <th scope="row" class="whole">
                <a href={vorgangPath(v.number)}>{v.number}</a>
              </th>
              <td class="text">
                <bdi>{v.behoerde}</bdi>
              </td>
              <td class="text">{v.offerTitle}</td>
              <td class="text">{v.status}</td>
              <td class="whole">{v.ags ?? ''}</td>
              <td class="whole">{v.submissions}</td>
              <td class="whole">{formatDate(v.openedAt)}</td>
              <td class="whole">{formatDate(v.lastReceivedAt)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}

export interface VorgangPageData {
  readonly vorgang: VorgangRow;
  readonly form: StoredFormView;
  readonly submissions: readonly ShownSubmission[];
  /** The offer's rollout steps (content.json). */
  readonly steps: readonly RolloutStep[];
  readonly history: readonly VorgangChange[];
  /** The move form with its target (null: the Vorgang is at the last step and none was picked). */
  readonly move: MoveForm | null;
  /** Its status links, and a new link's address or a refusal after a POST. */
  readonly links: StatusLinksData;
}

/** One Vorgang: what it is, and every submission of its authority, newest first. */
export function vorgangPage(renderer: PageRenderer, { vorgang, form, submissions, steps, history, move, links }: VorgangPageData, signedIn: SignedIn | null): string {
  const title = fill(s.title, { number: vorgang.number });
  const failed = (move !== null && (move.errors.length > 0 || move.message !== undefined)) || links.error !== undefined;
  const facts: [string, string][] = [
    [s.behoerde, vorgang.behoerde],
    [s.offer, vorgang.offerTitle],
    [adminStrings.rollout.status, vorgang.status],
    [s.ags, vorgang.ags ?? ''],
    [s.openedAt, formatDate(vorgang.openedAt)],
    [s.lastReceivedAt, formatDate(vorgang.lastReceivedAt)],
  ];
  return renderer.admin(
    `${failed ? adminStrings.signIn.errorPrefix : ''}${title}: ${vorgang.behoerde}`,
    <>
      <ErrorSummary errors={move?.errors ?? []} message={move?.message} />
      <p>
        <a href="/admin/">{s.back}</a>
      </p>
      {/* The Behörde is the first fact below, in body text: a long compound (…angelegenheiten) fits 320 px there, not in the heading's size. */}
      <h1>{title}</h1>
      <FactList classes={{ list: 'facts' }} facts={facts} />
      <MoveVorgang
        action={`${vorgangPath(vorgang.number)}/schritt`}
        steps={steps}
        stored={vorgang.stepId === null ? null : { id: vorgang.stepId, titel: vorgang.stepTitle ?? vorgang.stepId }}
        form={move}
        csrfToken={signedIn?.csrfToken ?? ''}
      />
      <History steps={steps} history={history} />
      <StatusLinks action={`${vorgangPath(vorgang.number)}/statuslink`} data={links} csrfToken={signedIn?.csrfToken ?? ''} />
      <h2 id="einsendungen">{fill(s.submissionsHeading, { n: submissions.length })}</h2>
      {submissions.length === 0 ? <p>{s.noSubmissions}</p> : <SubmissionsTable fields={form.fields} submissions={submissions} labelledBy="einsendungen" />}
    </>,
    signedIn,
  );
}
