/**
 * The admin overview (GET /admin/): the Vorgänge, then one table per form with every stored
 * submission, the XLSX and CSV exports, the spam count and the state of the outbox.
 */
import { adminStrings as s } from '../../shared/strings/admin.ts';
import { formatReceivedAt as formatDate } from '../export/format.ts';
import type { OutboxStatus } from '../store/index.ts';
import type { StoredFormView } from '../store/stored-forms.ts';
import type { SignedIn } from './AccountBar.tsx';
import { SubmissionsTable, type ShownSubmission } from './SubmissionsTable.tsx';
import { VorgangList, type VorgangListProps } from './Vorgaenge.tsx';
import type { PageRenderer } from './render.tsx';
import { fill } from '../../shared/strings/template.ts';


export interface AdminSection {
  readonly form: StoredFormView;
  /** Submissions of the form in total (the list shows one page of them). */
  readonly total: number;
  readonly submissions: readonly ShownSubmission[];
  readonly spam: number;
}

function Section({ form, total, submissions, spam }: AdminSection) {
  const headingId = `form-${form.name}`;
  return (
    // Not a landmark itself: the table's scrolling region below is the one named by the heading.
    <section>
      <h2 id={headingId}>{`${form.submissionName} (${total})`}</h2>
      <p>
        <a href={`/admin/${form.name}.xlsx`} download>
          {s.xlsx}
        </a>
        {' · '}
        <a href={`/admin/${form.name}.csv`} download>
          {s.csv}
        </a>
        {spam > 0 && ` · ${fill(s.spam, { n: spam })}`}
      </p>
      {submissions.length === 0 ? (
        <p>{total === 0 ? s.empty : s.emptyPage}</p>
      ) : (
        <SubmissionsTable fields={form.fields} submissions={submissions} labelledBy={headingId} />
      )}
    </section>
  );
}

/** Which page of the admin list is shown (page numbers start at 1). */
export interface AdminPaging {
  readonly page: number;
  readonly hasOlder: boolean;
}

function Paging({ page, hasOlder }: AdminPaging) {
  if (page === 1 && !hasOlder) return null;
  return (
    <nav aria-label={s.paging.label}>
      <p>
        {fill(s.paging.page, { n: page })}
        {page > 1 && (
          <>
            {' · '}
            <a href={`/admin/?seite=${page - 1}`}>{s.paging.newer}</a>
          </>
        )}
        {hasOlder && (
          <>
            {' · '}
            <a href={`/admin/?seite=${page + 1}`}>{s.paging.older}</a>
          </>
        )}
      </p>
    </nav>
  );
}

/** The overview page in the admin frame. */
export function adminPage(
  renderer: PageRenderer,
  vorgaenge: VorgangListProps,
  sections: readonly AdminSection[],
  outbox: OutboxStatus,
  paging: AdminPaging,
  signedIn: SignedIn | null,
): string {
  const pending =
    outbox.pending === 0
      ? s.allSent
      : outbox.oldestPendingAt === null
        ? fill(s.pending, { n: outbox.pending })
        : fill(s.pendingSince, { n: outbox.pending, date: formatDate(outbox.oldestPendingAt) });
  return renderer.admin(
    s.title,
    <>
      <h1>{s.title}</h1>
      <p>{pending}</p>
      <VorgangList {...vorgaenge} />
      <Paging {...paging} />
      {sections.map((section) => (
        <Section key={section.form.name} {...section} />
      ))}
      <Paging {...paging} />
    </>,
    signedIn,
  );
}
