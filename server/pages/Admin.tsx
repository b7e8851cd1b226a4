/**
 * The admin overview (GET /admin/): one table per form with every stored submission, the XLSX and CSV
 * exports, the spam count and the state of the outbox. Every value is text, escaped by Preact.
 */
import type { FormDefinition } from '../../src/forms/index.ts';
import { adminStrings as s } from '../../src/strings/admin.ts';
import { displayValue, fieldLabel } from '../format.ts';
import type { PageRenderer } from './render.tsx';

export interface AdminSection {
  readonly form: FormDefinition;
  readonly submissions: readonly { readonly reference: string; readonly receivedAt: string; readonly data: Readonly<Record<string, unknown>> }[];
  readonly spam: number;
}

function Section({ form, submissions, spam, formatDate }: AdminSection & { formatDate: (iso: string) => string }) {
  const headingId = `form-${form.name}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{`${form.submissionName} (${submissions.length})`}</h2>
      <p>
        <a href={`/admin/${form.name}.xlsx`} download>
          {s.xlsx}
        </a>
        {' · '}
        <a href={`/admin/${form.name}.csv`} download>
          {s.csv}
        </a>
        {spam > 0 && ` · ${s.spam.replace('{n}', String(spam))}`}
      </p>
      {submissions.length === 0 ? (
        <p>{s.empty}</p>
      ) : (
        // Wide tables scroll sideways; the region takes the keyboard focus for that.
        <div role="region" aria-labelledby={headingId} tabIndex={0} style={{ overflowX: 'auto' }}>
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
                  <th scope="row">{submission.reference}</th>
                  <td>{formatDate(submission.receivedAt)}</td>
                  {form.fields.map((field) => (
                    <td key={field.name} style={{ whiteSpace: 'pre-wrap' }}>
                      {displayValue(field, submission.data[field.name])}
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

/** The overview page in the site's frame. */
export function adminPage(renderer: PageRenderer, sections: readonly AdminSection[], pendingMails: number, formatDate: (iso: string) => string): string {
  return renderer.page(
    s.title,
    <>
      <h1>{s.title}</h1>
      <p>{pendingMails === 0 ? s.allSent : s.pending.replace('{n}', String(pendingMails))}</p>
      {sections.map((section) => (
        <Section key={section.form.name} {...section} formatDate={formatDate} />
      ))}
    </>,
  );
}
