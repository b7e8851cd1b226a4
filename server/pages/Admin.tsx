/**
 * The admin overview (GET /admin/): one table per form with every stored submission, the XLSX and CSV
 * exports, the spam count and the state of the outbox. Every value is text, escaped by Preact, and
 * isolated in <bdi> (its writing direction stays inside its cell).
 */
import { adminStrings as s } from '../../src/strings/admin.ts';
import { displayValue, fieldLabel, formatReceivedAt as formatDate } from '../format.ts';
import type { OutboxStatus } from '../store/index.ts';
import type { StoredFormView } from '../stored-forms.ts';
import type { FieldDefinition } from '../../src/forms/index.ts';
import type { SignedIn } from './AccountBar.tsx';
import type { PageRenderer } from './render.tsx';
import { fill } from '../../src/strings/template.ts';

/** Values shown on one line (an address, a number, a date); the others are free text that wraps between words. */
const WHOLE_VALUES: ReadonlySet<FieldDefinition['type']> = new Set(['email', 'tel', 'month', 'ags']);

export interface AdminSection {
  readonly form: StoredFormView;
  /** Submissions of the form in total (the list shows one page of them). */
  readonly total: number;
  readonly submissions: readonly { readonly reference: string; readonly receivedAt: string; readonly data: Readonly<Record<string, unknown>> }[];
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
        // Wide tables scroll in their own region (header row and first column stay in view); it
        // takes the keyboard focus for that. Classes, not style attributes: the CSP allows none
        // (src/styles/admin.css).
        <div role="region" aria-labelledby={headingId} tabIndex={0} class="table-region">
          <table>
            <thead>
              <tr>
                {[s.reference, s.receivedAt, ...form.fields.map(fieldLabel)].map((label) => (
                  <th scope="col" key={label}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {submissions.map((submission) => (
                <tr key={submission.reference}>
                  <th scope="row" class="whole">
                    {submission.reference}
                  </th>
                  <td class="whole">{formatDate(submission.receivedAt)}</td>
                  {form.fields.map((field) => (
                    <td key={field.name} class={WHOLE_VALUES.has(field.type) ? 'whole' : 'text'}>
                      {/* Isolated: a right-to-left text cannot turn the cells around it. */}
                      <bdi>{displayValue(field, submission.data[field.name])}</bdi>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
      <Paging {...paging} />
      {sections.map((section) => (
        <Section key={section.form.name} {...section} />
      ))}
      <Paging {...paging} />
    </>,
    signedIn,
  );
}
